"""A scenario's best scores as the picker says them: in the table's cell, and in the line under it.

Apart from the table (a DataTable), so the picker's first frame, drawn while the library is read, doesn't
import the table.
"""

from __future__ import annotations

from trainer.scenario.kinds import TRADES, Trade
from trainer.texts import tr

Best = dict[str, dict[Trade, int]]
"""Scenario id → trade → best score (the app's `best`)."""


def best_cell(scores: dict[Trade, int] | None, language: str) -> str:
    """`F 72 · D 64 · P 80` with the trades' initials in the interface's language; a dash if unplayed."""
    if not scores:
        return tr(language, "picker.none")
    return " · ".join(f"{tr(language, f'picker.initial.{t}')} {scores[t]}" for t in TRADES if t in scores)


def best_line(scores: dict[Trade, int] | None, language: str) -> str:
    """`Your best so far: Facilitator 72 · Detective 64 · Plumber 80`, or that it is not played yet."""
    if not scores:
        return tr(language, "picker.not_played")
    named = " · ".join(f"{tr(language, f'picker.trade.{t}')} {scores[t]}" for t in TRADES if t in scores)
    return tr(language, "picker.best_line", scores=named)
