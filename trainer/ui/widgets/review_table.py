"""Sessions as a table for a coach: when, who, which scenario, how it ended, and the three scores."""

from __future__ import annotations

from textual.widgets import DataTable

from trainer.scenario.kinds import TRADES, Trade
from trainer.store import SessionRow
from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.score_bar import outcome_name

COLUMNS = ("started", "trainee", "scenario", "outcome", "turns", *TRADES)
SORT_BY: dict[str, str] = {"started": "started_at", "trainee": "trainee", "scenario": "scenario", "outcome": "outcome",
           "turns": "turns", **{t: t for t in TRADES}}


def score_cell(row: SessionRow, trade: Trade, overridden: dict[str, dict[str, int]]) -> str:
    """The score as it stands; a coach's override is starred."""
    coach = overridden.get(row.id, {}).get(trade)
    if coach is not None:
        return f"{coach}*"
    value = row.scores.get(trade)
    return "–" if value is None else str(value)


class SessionTable(DataTable):
    """Rows keyed by session id; marked rows (for comparing) carry a dot."""

    def __init__(self, language: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.language = language

    def on_mount(self) -> None:
        self.add_column(" ", key="mark", width=1)
        for column in COLUMNS:
            self.add_column(tr(self.language, f"review.column.{column}"), key=column)

    def show(self, rows: list[SessionRow], marked: list[str], overridden: dict[str, dict[str, int]]) -> None:
        keep = self.highlighted_id
        self.clear()
        for r in rows:
            # The ending's name as the trainee's scorecard says it (one catalogue entry per kind of ending)
            outcome = outcome_name(r.outcome_kind or r.outcome, self.language) if r.outcome else \
                tr(self.language, "review.unfinished")
            cells = (r.started_at[:16].replace("T", " "), r.trainee, r.scenario, outcome, str(r.turns),
                     *(score_cell(r, t, overridden) for t in TRADES))
            self.add_row("●" if r.id in marked else " ", *map(verbatim, cells), key=r.id)
        ids = [r.id for r in rows]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    @property
    def highlighted_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
