"""Ask for an amount within the mandate's limit."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from trainer.engine.moves import parse_amount
from trainer.errors import MoveError
from trainer.ui.i18n import tr


class AmountDialog(ModalScreen[float | None]):
    """Dismisses with the amount, or None on Escape."""

    DEFAULT_CSS = """
    AmountDialog { align: center middle; }
    AmountDialog > Vertical { width: 60; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    AmountDialog #error { color: $error; height: auto; }
    """
    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, label: str, limit: float, language: str) -> None:
        super().__init__()
        self.label = label
        self.limit = limit
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(tr(self.language, "office.amount", action=self.label, limit=f"{self.limit:g}"))
            yield Input(placeholder=f"{self.limit:g}", id="amount")
            yield Label("", id="error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        try:
            amount = parse_amount(event.value or f"{self.limit:g}")
        except MoveError as exc:
            self.query_one("#error", Label).update(str(exc))
            return
        if amount <= 0:  # over the limit is the engine's to refuse: it is logged as an attempt
            self.query_one("#error", Label).update(tr(self.language, "office.amount_bad", limit=f"{self.limit:g}"))
            return
        self.dismiss(amount)

    def action_cancel(self) -> None:
        self.dismiss(None)
