"""The scenarios as a table: title, language, channel, audience, level and your best score so far."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import DataTable

from scoring.scorecard import TRADES
from trainer.scenario.kinds import Trade
from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.picker_filters import value_name

if TYPE_CHECKING:
    from trainer.scenario.models import Scenario

COLUMNS = ("title", "language", "channel", "audience", "difficulty", "best")

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


class ScenarioTable(DataTable):
    """Rows keyed by scenario id; `show` fills it again and keeps the cursor on the same scenario."""

    def __init__(self, language: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.language = language

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(tr(self.language, f"picker.column.{column}"), key=column)

    def show(self, scenarios: list[Scenario], best: Best) -> None:
        keep = self.highlighted_id
        self.clear()
        for s in scenarios:
            self.add_row(verbatim(s.title), *(value_name(self.language, f, getattr(s, f))
                                    for f in ("language", "channel", "audience", "difficulty")),
                         best_cell(best.get(s.id), self.language), key=s.id)
        ids = [s.id for s in scenarios]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    @property
    def highlighted_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
