"""A small question before something that can't be taken back: end a conversation, quit the game, forget a session."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from trainer.texts import tr


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True on Enter or y (j in Dutch too), False on Esc or n."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y,j", "answer(True)", show=False, priority=True),
        Binding("escape,n", "answer(False)", show=False, priority=True),
    ]

    def __init__(self, question: str, language: str) -> None:
        super().__init__()
        self.question = question
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(self.question, id="confirm-question", markup=False)  # may quote a title from a file
            yield Label(tr(self.language, "confirm.keys"), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
