"""What the full-screen game says when saving stops, pauses (the database is away) or catches up: one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.texts import tr

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget

    from trainer.play import Round


def tell(where: App[Any] | Widget, game: Round, language: str) -> None:
    while news := game.take_news():
        where.notify(tr(language, f"store.{news.key}", reason=news.reason, turns=news.turns),
                     severity="information" if news.kind == "back" else "warning", timeout=10, markup=False)
