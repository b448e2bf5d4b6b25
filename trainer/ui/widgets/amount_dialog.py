"""Ask for an amount for an action with a limit, showing what is left of the mandate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from trainer.engine.moves import parse_amount
from trainer.engine.session import money
from trainer.errors import MoveError
from trainer.texts import tr
from trainer.ui.verbatim import verbatim

if TYPE_CHECKING:
    from trainer.scenario.models import Action


class AmountDialog(ModalScreen[float | None]):
    """Dismisses with the amount typed (Enter alone gives what is left), or None on Escape.
    An amount over the limit is passed on: the engine refuses it, and the refusal is logged."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, limit: float, given: float, language: str) -> None:
        super().__init__()
        self.label = label
        self.limit = limit
        self.given = given
        self.language = language

    @property
    def left(self) -> float:
        return max(0.0, self.limit - self.given)

    def compose(self) -> ComposeResult:
        t = self.language
        with Vertical(id="amount-box"):
            yield Label(verbatim(self.label), id="amount-title")
            yield Label(tr(t, "office.mandate", limit=money(self.limit), given=money(self.given),
                           left=money(self.left)), id="amount-mandate")
            yield Input(placeholder=money(self.left), restrict=r"[0-9.,€$£ ]*", id="amount")
            yield Label("", id="amount-error")
            yield Label(tr(t, "office.amount_keys", left=money(self.left)), id="amount-keys")

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()

    @on(Input.Submitted, "#amount")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#amount-error", Label)
        try:
            amount = parse_amount(event.value or money(self.left))
        except MoveError:
            error.update(tr(self.language, "office.amount_bad"))
            return
        if amount <= 0:
            error.update(tr(self.language, "office.amount_bad"))
            return
        self.dismiss(amount)

    def action_cancel(self) -> None:
        self.dismiss(None)


def limited_action(actions: Mapping[str, Action], name: str) -> tuple[str, float] | None:
    """The action `NAME` means (a unique prefix will do) and its limit, when it asks for an amount (it has one)."""
    names = [name] if name in actions else [n for n in actions if n.startswith(name)]
    limit = actions[names[0]].limit if len(names) == 1 else None
    return None if limit is None else (names[0], limit)
