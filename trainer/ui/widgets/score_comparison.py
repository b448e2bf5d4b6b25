"""Two scorecards side by side: each trade and criterion before and after, and the difference."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from scoring import TRADES, Scorecard
from scoring.report import bar
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, WARN, follow_theme, rich
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.score_bar import outcome_name, score_style, trade_name

BAR = 12


@dataclass(frozen=True)
class Row:
    label: str
    before: int | None
    after: int | None
    trade: str
    """The trade this row belongs to; a trade's own row has `is_trade`."""
    is_trade: bool = False

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def percent(score: float | None) -> int | None:
    return None if score is None else round(score * 100)


def comparison_rows(before: Scorecard, after: Scorecard, language: str) -> list[Row]:
    """One row per trade, then one per criterion that applies to either game (matched by id)."""
    rows: list[Row] = []
    for trade in TRADES:
        old, new = before.trades[trade], after.trades[trade]
        rows.append(Row(trade_name(trade, language), old.score, new.score, trade, is_trade=True))
        new_by_id = {c.id: c for c in new.criteria}
        for c in old.criteria:
            n = new_by_id.get(c.id)
            b, a = percent(c.score), percent(n.score) if n else None
            if b is not None or a is not None:
                rows.append(Row(c.title, b, a, trade))
    return rows


def signed(delta: int | None) -> Text:
    """`+12` in the theme's bold success colour, `−8` in its error colour, `0` dim: the eye looks for the difference."""
    if delta is None:
        return Text("")
    if delta > 0:
        return Text(f"+{delta}", f"bold {GOOD}")
    if delta < 0:
        return Text(f"−{-delta}", f"bold {BAD}")
    return Text("0", "dim")


def score_cell(score: int | None, with_bar: bool) -> Text:
    if score is None:
        return Text("—", "dim")
    style = score_style(score)
    if with_bar:
        return Text.assemble((bar(score, BAR), style), (f" {score:>3}", f"bold {style}"))
    return Text(f"{score:>3}", style)


class ScoreComparison(Static):
    """A table, recomputed from two `Scorecard`s; `rows` keeps the numbers for whoever asks. Drawn by Rich, so
    drawn again in a theme picked later."""

    def __init__(self, before: Scorecard, after: Scorecard, language: str, **kwargs) -> None:
        self.before = before
        self.after = after
        self.language = language
        self.rows = comparison_rows(before, after, language)
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        self.draw()
        follow_theme(self, self.draw)

    def draw(self) -> None:
        self.update(self._table())

    def delta(self, trade: str) -> int:
        return next(r.delta or 0 for r in self.rows if r.is_trade and r.trade == trade)

    def _table(self) -> Table:
        language, variables = self.language, self.app.theme_variables
        table = Table(box=None, expand=True, padding=(0, 1), show_edge=False)
        table.add_column("", ratio=1, overflow="fold")
        table.add_column(tr(language, "compare.before"), justify="right", no_wrap=True)
        table.add_column(tr(language, "compare.after"), justify="right", no_wrap=True)
        table.add_column("±", justify="right", width=5, no_wrap=True)
        outcome = tr(language, "compare.outcome")
        table.add_row(Text(outcome, "bold"), rich(self._kind(self.before), variables),
                      rich(self._kind(self.after), variables), "")
        table.add_row()
        for row in self.rows:
            if row.is_trade:
                if row.trade != TRADES[0]:
                    table.add_row()
                table.add_row(verbatim(row.label.upper(), "bold"), rich(score_cell(row.before, True), variables),
                              rich(score_cell(row.after, True), variables), rich(signed(row.delta), variables))
            else:
                table.add_row(verbatim(f"  {row.label}"), rich(score_cell(row.before, False), variables),
                              rich(score_cell(row.after, False), variables), rich(signed(row.delta), variables))
        return table

    def _kind(self, card: Scorecard) -> Text:
        return Text(outcome_name(card.outcome_kind, self.language),
                    GOOD if card.outcome_kind == "resolved" else WARN)
