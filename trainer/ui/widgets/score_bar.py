"""One trade's score as a bar, with what the trade means; and the names the score screens share."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widget import Widget

from scoring.report import bar
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, WARN, content


def score_style(score: int) -> str:
    """The theme's error colour below 40, warning below 70, success from there: the scorecard's ✘ ~ ✔ bands."""
    return BAD if score < 40 else WARN if score < 70 else GOOD


def trade_name(trade: str, language: str) -> str:
    return tr(language, f"score.trade.{trade}")


def outcome_name(kind: str | None, language: str) -> str:
    """`went_public` → "went public" / "naar buiten gebracht"; a kind without words shows as itself."""
    kind = kind or "unresolved"
    name = tr(language, f"score.kind.{kind}")
    return kind.replace("_", " ") if name == f"score.kind.{kind}" else name


class TradeBar(Widget):
    """`Facilitator ███████░░░ 72` over a dim line saying what the trade is."""

    DEFAULT_CSS = "TradeBar { height: auto; }"

    def __init__(self, trade: str, score: int, language: str, bar_width: int = 20, *, enough: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.trade = trade
        self.score = score
        self.language = language
        self.bar_width = bar_width
        self.enough = enough
        """False: too few criteria applied to judge the trade; it says so instead of a number."""

    def render(self) -> Content:
        return content(self._text())

    def _text(self) -> Text:
        style = score_style(self.score)
        if not self.enough:
            return Text.assemble(
                (f"{trade_name(self.trade, self.language):<12}", "bold"),
                (tr(self.language, "score.not_enough"), "dim"),
                "\n",
                (tr(self.language, f"score.meaning.{self.trade}"), "dim italic"),
            )
        return Text.assemble(
            (f"{trade_name(self.trade, self.language):<12}", "bold"),
            (bar(self.score, self.bar_width), style),
            (f" {self.score:>3}", f"bold {style}"),
            "\n",
            (tr(self.language, f"score.meaning.{self.trade}"), "dim italic"),
        )
