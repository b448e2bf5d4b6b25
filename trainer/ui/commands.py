"""The game's entries in the command palette (Ctrl+P), in the interface's language.

Imported when the palette first opens, never at start-up. A scenario's title comes from a file (one's own
scenarios too): it is shown as text, never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from trainer.terminal import shown
from trainer.texts import LANGUAGES, tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from trainer.ui.app import WebcareApp


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[], Any]
    found_only: bool = False
    """Offered when searched for, not in the list the empty palette shows (one per scenario would crowd it)."""


def other_language(language: str) -> str:
    return next(lang for lang in LANGUAGES if lang != language) if len(LANGUAGES) > 1 else language


def switch_language(app: WebcareApp, language: str) -> None:
    """The interface in `language` from now on, kept for the next start; the screen shown says it at once."""
    from trainer.ui.screens.briefing import BriefingScreen

    app.options = replace(app.options, language=language)
    app.language = language
    app.keep_settings(language=language)
    screen = app.screen
    if isinstance(screen, PickerScreen):
        app.show_picker()
    elif screen is app.home_screen():
        app.show_home(reread=False)
    elif isinstance(screen, BriefingScreen):
        app.switch_screen(BriefingScreen(screen.scenario, language, screen.mode))
    else:
        if isinstance(screen, KeysInLanguage):
            screen.language = language  # the footer follows at once; the screen's texts on the next screen
            screen.refresh_bindings()
        app.notify(tr(language, "palette.language_next"))


def commands_for(app: WebcareApp, screen: Screen) -> list[Command]:
    """What makes sense on `screen`: ending and hints only where a conversation is going on."""
    from trainer.ui.screens.chat import ChatScreen  # when the palette opens: not a cost of the start-up

    language = app.language or "en"

    def command(key: str, run: Callable[[], Any], **values: object) -> Command:
        return Command(tr(language, f"palette.{key}", **values), tr(language, f"palette.{key}_help", **values), run)

    found = [command("help", app.action_help)]
    if not isinstance(screen, PickerScreen):
        found.append(command("new", app.show_picker))
    if app.unfinished and not isinstance(screen, ChatScreen):
        row = app.unfinished[0]
        found.append(command("resume", lambda: app.resume(row), title=row.title or row.scenario, turn=row.turns,
                             when=row.updated_at[:16].replace("T", " ")))
    found.append(command("theme", app.action_toggle_dark))
    found.append(command("language", lambda: switch_language(app, other_language(language))))
    if isinstance(screen, ChatScreen):
        found.append(command("end", screen.action_end))
        if screen.game.session.mode != "test":  # test mode has no hints, so the palette doesn't offer one
            found.append(command("hint", screen.action_hint))
    return found + list(_scenarios(app, language))


def _scenarios(app: WebcareApp, language: str) -> Iterable[Command]:
    """`Play: <title> · <id>` for each scenario of the library (once it is read), to its briefing."""
    for scenario in app.library.scenarios if app.library else ():
        def play(scenario=scenario) -> None:
            app.show_picker()
            app.open_briefing(scenario)

        yield Command(tr(language, "palette.play", title=scenario.title, id=scenario.id),
                      tr(language, "palette.play_help", channel=scenario.channel, difficulty=scenario.difficulty),
                      play, found_only=True)


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as text with the letters that match the query marked (Textual's `highlight` reads markup)."""
    content = Content(shown(candidate))
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class WebcareCommands(Provider):
    """Help, a new scenario, resume, light or dark, language, play a scenario by name; in a chat end and hint."""

    async def discover(self) -> Hits:
        for c in commands_for(webcare_app(self.app), self.screen):
            if not c.found_only:
                yield DiscoveryHit(Content(shown(c.name)), c.run, text=c.name, help=escape(c.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for c in commands_for(webcare_app(self.app), self.screen):
            score = matcher.match(c.name)
            if score > 0:
                yield Hit(score, highlighted(matcher, c.name), c.run, text=c.name, help=escape(c.help))
