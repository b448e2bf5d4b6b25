"""One trade on the home screen: its pass mark in the current module, best and latest score, and a sparkline."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Sparkline, Static

from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, content
from trainer.ui.widgets.score_bar import score_style, trade_name

MAX_WIDTH = 40


def trade_numbers(pass_mark: int | None, best: int | None, latest: int | None, language: str) -> Text:
    """`pass 60 · best 72 · latest 55`; best in the theme's success colour once it reaches the pass mark, error below."""
    def number(value: int | None) -> str:
        return "–" if value is None else str(value)

    if best is None:
        best_style = "dim"
    elif pass_mark is not None:
        best_style = f"bold {GOOD}" if best >= pass_mark else f"bold {BAD}"
    else:
        best_style = score_style(best)
    return Text.assemble(
        (tr(language, "home.pass_mark", n=number(pass_mark)), "bold"), " · ",
        (tr(language, "home.best", n=number(best)), best_style), " · ",
        (tr(language, "home.latest", n=number(latest)), "dim" if latest is None else ""),
    )


class TradeTrend(Horizontal):
    """A trade's numbers beside its scores over time; the sparkline waits for a first score."""

    def __init__(self, trade: str, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.trade = trade
        self.language = language

    def compose(self) -> ComposeResult:
        yield Static(Text(trade_name(self.trade, self.language), style="bold"), classes="trend-name")
        yield Static("", classes="trend-numbers")
        yield Sparkline([], classes="trend-line")
        yield Static("", classes="trend-empty")

    def show(self, pass_mark: int | None, best: int | None, latest: int | None, series: tuple[int, ...]) -> None:
        self.query_one(".trend-numbers", Static).update(content(trade_numbers(pass_mark, best, latest, self.language)))
        line = self.query_one(Sparkline)
        line.data = list(series)
        line.display = bool(series)
        line.styles.width = min(MAX_WIDTH, 2 * len(series))  # two cells a score: a few scores still read as a line
        empty = self.query_one(".trend-empty", Static)
        empty.display = not series
        empty.update(tr(self.language, "home.no_scores"))
