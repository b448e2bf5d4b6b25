"""One piece of evidence on the scorecard: a turn, your words or action, why it counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from scoring import Evidence
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, content
from trainer.ui.verbatim import verbatim


def turn_label(turn: int, language: str) -> str:
    return tr(language, "score.turn", n=turn) if turn else tr(language, "score.start")


def evidence_text(evidence: Evidence, language: str) -> Text:
    """`+ turn 2  “your words” — the note`, in the theme's success colour when it helped, error when it hurt."""
    sign, style = ("+", GOOD) if evidence.good else ("−", BAD)
    what = f"“{evidence.quote}”" if evidence.quote else (evidence.action or "")
    text = Text.assemble((f"{sign} ", f"bold {style}"), (turn_label(evidence.turn, language), style), "  ")
    text.append_text(verbatim(what, "italic" if evidence.quote else "bold"))
    if evidence.note:
        text.append_text(verbatim(f" — {evidence.note}", "dim"))
    return text


class EvidenceItem(Static, can_focus=True):
    """Focusable; Enter (or a click) asks to open the transcript at its turn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "score.key_open"),
        Binding("down", "step(1)", ""),
        Binding("up", "step(-1)", ""),
    ]

    @dataclass
    class Opened(Message):
        evidence: Evidence

    def __init__(self, evidence: Evidence, language: str, **kwargs) -> None:
        super().__init__(content(evidence_text(evidence, language)), **kwargs)
        self.evidence = evidence
        self.set_class(evidence.good, "-good")
        self.set_class(not evidence.good, "-bad")

    def action_open(self) -> None:
        self.post_message(self.Opened(self.evidence))

    def on_click(self) -> None:
        self.focus()
        self.action_open()

    def action_step(self, by: int) -> None:
        """Up and down move between the pieces of evidence, stopping at the first and the last."""
        items = list(self.screen.query(EvidenceItem))
        index = items.index(self) + by
        if 0 <= index < len(items):
            items[index].focus()
