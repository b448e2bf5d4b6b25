"""What the full-screen game says when saving stops, pauses (the database is away) or catches up: one line each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.texts import tr

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from trainer.play import Round


def tell(where: DOMNode, game: Round, language: str) -> None:
    while news := game.take_news():
        where.notify(tr(language, f"store.{news.key}", reason=news.reason, turns=news.turns),
                     severity="information" if news.kind == "back" else "warning", timeout=10, markup=False)
