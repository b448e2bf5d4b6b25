"""The app's saved settings: the theme picked, the language switched to and the trainee's name are kept in the
config file's `[ui]` table (`trainer.settings`) and restored at the next start; the command line's flags win.

A mixin of `WebcareApp` (and of the coach's `ReviewApp`, for the theme), so app.py stays small. In a browser tab
(`webcare serve`) nothing is read or saved: the server's config file is not the trainee's.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.settings import SettingsProblem, UiSettings, read_settings, save_settings
from trainer.texts import tr

if TYPE_CHECKING:
    from textual.app import App

    from trainer.ui.options import UiOptions

    Base = App[None]
else:
    Base = object

LIGHT, DARK = "textual-light", "textual-dark"
"""Where light/dark goes when no other light (or dark) theme was picked in this run or saved."""


class SavedSettings(Base):
    """State: where the settings are kept (None: nowhere), what was read, and the problem reading them."""

    settings_file: Path | None = None
    saved: UiSettings = UiSettings()
    settings_problem: str = ""
    language: str
    _other_theme: str | None = None
    """The theme light/dark goes back to: the last one of the other kind this run (or the saved one)."""

    def read_saved(self, options: UiOptions) -> UiOptions:
        """`options` with the saved language and name where the command line gave none (read once, at start)."""
        if not self.read_settings_file(options.config):
            return options
        name = options.trainee or (None if os.environ.get("WEBCARE_TRAINEE") else self.saved.name)
        return replace(options, language=options.language or self.saved.language, trainee=name)

    def read_settings_file(self, config: Path | None) -> bool:
        """Read the `[ui]` table once, at start: whether there are settings to use (none in a browser tab; a file
        that can't be read is kept as its problem, said on mount, and never written over)."""
        self.settings_file = None if self.in_browser else config
        if self.settings_file is None:
            return False
        try:
            self.saved = read_settings(self.settings_file)
        except SettingsProblem as exc:
            self.settings_problem = str(exc)
            self.settings_file = None
            return False
        return True

    @property
    def in_browser(self) -> bool:
        """Played in a browser tab (`webcare serve`: textual-serve sets the web driver), known before it runs."""
        web = sys.modules.get("textual.drivers.web_driver")  # imported by Textual only for the web driver
        return web is not None and issubclass(self.driver_class, web.WebDriver)

    def restore_settings(self, given_name: str | None) -> None:
        """On mount: the saved theme, the notice of a config file that can't be read, the name given kept."""
        if self.settings_problem:
            self.notify(tr(self.language, "settings.unreadable", reason=self.settings_problem),
                        severity="warning", timeout=10)
        if self.settings_file is None:
            return
        theme = self.saved.theme
        if theme and theme != self.theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(tr(self.language, "settings.no_theme", theme=theme), severity="warning")
        if given_name and given_name != self.saved.name:
            self.keep_settings(name=given_name)

    def watch_theme(self, old: str, new: str) -> None:
        """A theme picked (Textual's theme picker, light/dark, or restored): kept for the next start."""
        if old == new:  # the first call, as the app starts: nothing was picked
            return
        themes = self.available_themes
        if old in themes and new in themes and themes[old].dark != themes[new].dark:
            self._other_theme = old
        if new != self.saved.theme:
            self.keep_settings(theme=new)

    def action_toggle_dark(self) -> None:
        """Textual's light/dark, between the dark theme in use and a light one (and back to that dark one)."""
        dark = self.current_theme.dark
        other = self._other_theme
        if other is None or other not in self.available_themes or self.available_themes[other].dark == dark:
            other = LIGHT if dark else DARK
        self.theme = other

    def keep_settings(self, **changes: Any) -> None:
        """Save these `[ui]` settings; a file that can't be written is said once, and the game plays on."""
        if self.settings_file is None:
            return
        try:
            save_settings(self.settings_file, **changes)
        except SettingsProblem as exc:
            self.settings_file = None
            self.notify(tr(self.language, "settings.not_saved", reason=exc), severity="warning", timeout=10)
            return
        self.saved = replace(self.saved, **changes)
