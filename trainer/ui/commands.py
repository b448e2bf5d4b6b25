"""The game's entries in the command palette (Ctrl+P), in the interface's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from trainer.texts import tr
from trainer.ui.screens.picker import PickerScreen

LIGHT, DARK = "textual-light", "textual-dark"


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[], Any]


def toggle_theme(app: App) -> None:
    """Dark becomes light and light becomes dark (Textual's own "Theme" picks any theme)."""
    app.theme = LIGHT if app.current_theme.dark else DARK


def commands_for(app: App, screen: Screen) -> list[Command]:
    """What makes sense on `screen`: ending and hints only where a conversation is going on."""
    language = getattr(app, "language", None) or "en"

    def command(key: str, run: Callable[[], Any]) -> Command:
        return Command(tr(language, f"palette.{key}"), tr(language, f"palette.{key}_help"), run)

    found: list[Command] = []
    if hasattr(app, "action_help"):
        found.append(command("help", app.action_help))
    if hasattr(app, "show_picker") and not isinstance(screen, PickerScreen):
        found.append(command("new", app.show_picker))
    found.append(command("theme", lambda: toggle_theme(app)))
    if callable(getattr(screen, "action_end", None)):
        found.append(command("end", screen.action_end))
    if callable(getattr(screen, "action_hint", None)) and _hints_allowed(screen):
        found.append(command("hint", screen.action_hint))
    return found


def _hints_allowed(screen: Screen) -> bool:
    """Test mode has no hints, so the palette doesn't offer one."""
    session = getattr(getattr(screen, "game", None), "session", None)
    return getattr(session, "mode", "practice") != "test"


class WebcareCommands(Provider):
    """Help, a new scenario, light or dark; on the chat screen also end and hint."""

    async def discover(self) -> Hits:
        for c in commands_for(self.app, self.screen):
            yield DiscoveryHit(c.name, c.run, help=c.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for c in commands_for(self.app, self.screen):
            score = matcher.match(c.name)
            if score > 0:
                yield Hit(score, matcher.highlight(c.name), c.run, help=c.help)
