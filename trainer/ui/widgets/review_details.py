"""One turn opened in full: what was said, and each criterion it counted for with its whole text, tip and evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, content
from trainer.ui.widgets.review_dialogs import ReviewDialog
from trainer.ui.widgets.review_turns import render_body

if TYPE_CHECKING:
    from scoring.scorecard import Criterion, Scorecard
    from trainer.review.annotate import Line


def criterion_text(trade: str, criterion: Criterion, language: str) -> Text:
    """`Facilitator — Acknowledges the feeling (40/100)`, its tip, then every turn it cites, with the quote or the
    action and what the scorer said of it."""
    t = language
    score = "–" if criterion.percent is None else f"{criterion.percent}/100"
    text = Text.assemble((f"{tr(t, f'trade.{trade}')} — ", "bold"), (shown(criterion.title), "bold"),
                         (f"  ({score})", "dim"))
    if criterion.tip:
        text.append(f"\n{tr(t, 'review.details.tip')}: {shown(criterion.tip)}", style="italic")
    for e in criterion.evidence:
        said = f"“{shown(e.quote)}”" if e.quote else shown(e.action or "")
        text.append(f"\n{'✓' if e.good else '✗'} {tr(t, 'review.details.turn', turn=e.turn)}",
                    style=GOOD if e.good else BAD)
        if said:
            text.append(f" {said}")
        if e.note:
            text.append(f" — {shown(e.note)}", style="dim")
    return text


def cited_criteria(line: Line, card: Scorecard | None) -> list[tuple[str, Criterion]]:
    """The criteria whose evidence cites `line`, each once, as the scorecard holds them."""
    if card is None:
        return []
    found: dict[tuple[str, str], Criterion] = {}
    for trade, criterion_id in line.cited:
        score = card.trades.get(trade)  # type: ignore[call-overload]
        criterion = next((c for c in score.criteria if c.id == criterion_id), None) if score else None
        if criterion is not None:
            found.setdefault((trade, criterion_id), criterion)
    return [(trade, c) for (trade, _), c in found.items()]


class TurnDetails(ReviewDialog):
    """Read-only; Esc or Enter closes it, the arrows and PgUp/PgDn scroll."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "cancel", "review.key.close")]

    def __init__(self, line: Line, card: Scorecard | None, language: str) -> None:
        super().__init__()
        self.line = line
        self.card = card
        self.language = language

    def compose(self) -> ComposeResult:
        t = self.language
        body = VerticalScroll(id="turn-details", classes="review-dialog")
        body.border_title = tr(t, "review.details.title", turn=self.line.turn)
        body.border_subtitle = tr(t, "review.details.close")
        with body:
            yield Static(content(render_body(self.line, t)), id="details-turn", markup=False)
            criteria = cited_criteria(self.line, self.card)
            if not criteria:
                yield Static(tr(t, "review.details.none"), classes="details-none")
            for trade, criterion in criteria:
                yield Static(content(criterion_text(trade, criterion, t)), classes="details-criterion", markup=False)

    def on_mount(self) -> None:
        self.query_one("#turn-details").focus()
