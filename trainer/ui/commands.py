"""The game's entries in the command palette (Ctrl+P), in the interface's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from trainer.ui.app import WebcareApp

LIGHT, DARK = "textual-light", "textual-dark"


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[], Any]


def toggle_theme(app: App) -> None:
    """Dark becomes light and light becomes dark (Textual's own "Theme" picks any theme)."""
    app.theme = LIGHT if app.current_theme.dark else DARK


def commands_for(app: WebcareApp, screen: Screen) -> list[Command]:
    """What makes sense on `screen`: ending and hints only where a conversation is going on."""
    from trainer.ui.screens.chat import ChatScreen  # when the palette opens: not a cost of the start-up

    language = app.language or "en"

    def command(key: str, run: Callable[[], Any]) -> Command:
        return Command(tr(language, f"palette.{key}"), tr(language, f"palette.{key}_help"), run)

    found = [command("help", app.action_help)]
    if not isinstance(screen, PickerScreen):
        found.append(command("new", app.show_picker))
    found.append(command("theme", lambda: toggle_theme(app)))
    if isinstance(screen, ChatScreen):
        found.append(command("end", screen.action_end))
        if screen.game.session.mode != "test":  # test mode has no hints, so the palette doesn't offer one
            found.append(command("hint", screen.action_hint))
    return found


class WebcareCommands(Provider):
    """Help, a new scenario, light or dark; on the chat screen also end and hint."""

    async def discover(self) -> Hits:
        for c in commands_for(webcare_app(self.app), self.screen):
            yield DiscoveryHit(c.name, c.run, help=c.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for c in commands_for(webcare_app(self.app), self.screen):
            score = matcher.match(c.name)
            if score > 0:
                yield Hit(score, matcher.highlight(c.name), c.run, help=c.help)
