"""The coach's entries in the command palette (Ctrl+P) of `webcare review`: export, the class, light or dark."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape
from textual.screen import Screen

from trainer.texts import tr
from trainer.ui.commands import Command, highlighted
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.screens.review_sessions import SessionsScreen

if TYPE_CHECKING:
    from trainer.ui.review_app import ReviewApp


def review_commands(app: ReviewApp, screen: Screen) -> list[Command]:
    """What the screen below the palette can do: export its session, or those shown; from the list also the class's progress."""

    def command(key: str, run: Callable[[], Any]) -> Command:
        return Command(tr(app.language, f"palette.{key}"), tr(app.language, f"palette.{key}_help"), run)

    found = []
    if isinstance(screen, SessionScreen):
        found.append(command("export", screen.action_export))
    if isinstance(screen, SessionsScreen):
        found.append(command("review_export", screen.action_export))
        found.append(command("review_export_all", screen.action_export_all))
        found.append(command("review_cohort", app.action_open_cohort))
    found.append(command("theme", app.action_toggle_dark))
    return found


class ReviewCommands(Provider):
    """Export (one session, or those shown), the class's progress, light or dark."""

    def _commands(self) -> list[Command]:
        return review_commands(cast("ReviewApp", self.app), self.screen)

    async def discover(self) -> Hits:
        for c in self._commands():
            yield DiscoveryHit(c.name, c.run, text=c.name, help=escape(c.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for c in self._commands():
            score = matcher.match(c.name)
            if score > 0:
                yield Hit(score, highlighted(matcher, c.name), c.run, text=c.name, help=escape(c.help))
