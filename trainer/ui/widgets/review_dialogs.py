"""A coach's small forms: a note, a score override with its reason, where to export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet

from trainer.scenario.kinds import TRADES
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage

if TYPE_CHECKING:
    from trainer.store import SessionRow


def export_stem(row: SessionRow) -> str:
    """`anna-legroom-en-2025-03-09`: who, what and when, in letters, digits, `-`, `_` and `.` only (a name is
    never a path, markup or a control character)."""
    stem = f"{row.trainee[:60]}-{row.scenario[:60]}-{row.started_at[:10]}"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)


class ReviewDialog(KeysInLanguage, ModalScreen):
    """A coach's dialog: Esc cancels (dismisses with None), F1 opens the review's help over it (a modal screen
    shuts the app's own keys out)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "review.key.cancel"),
        Binding("f1", "app.help", "review.key.help"),
    ]
    language: str

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(ReviewDialog):
    """Dismisses with the note's text, or None on Escape."""

    def __init__(self, title: str, language: str, typed: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.language = language
        self.typed = typed
        """A note typed before, that could not be saved."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="review-dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.typed, placeholder=tr(self.language, "review.note_placeholder"), id="note")

    @on(Input.Submitted, "#note")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())



class OverrideDialog(ReviewDialog):
    """Dismisses with (trade, score, reason); a reason is required, the score must be 0–100."""

    def __init__(self, scores: dict[str, int | None], language: str) -> None:
        super().__init__()
        self.scores = scores
        self.language = language

    def compose(self) -> ComposeResult:
        t = self.language
        with Vertical(classes="review-dialog"):
            yield Label(tr(t, "review.override_title"), classes="dialog-title")
            yield Label(tr(t, "review.override_trade"))
            with RadioSet(id="override-trade"):
                for i, trade in enumerate(TRADES):
                    now = self.scores.get(trade)
                    yield RadioButton(f"{tr(t, f'trade.{trade}')} ({'–' if now is None else now})", value=i == 0,
                                      id=f"trade-{trade}")
            yield Label(tr(t, "review.override_score"))
            yield Input(restrict=r"[0-9]*", max_length=3, id="override-score")
            yield Label(tr(t, "review.override_reason"))
            yield Input(id="override-reason")
            yield Label("", id="override-error", classes="dialog-error")

    def on_mount(self) -> None:
        self.query_one("#override-score", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#override-error", Label)
        raw = self.query_one("#override-score", Input).value
        reason = self.query_one("#override-reason", Input).value.strip()
        if not raw.isdigit() or not 0 <= int(raw) <= 100:
            error.update(tr(self.language, "review.override_bad_score"))
            self.query_one("#override-score", Input).focus()
            return
        if not reason:
            error.update(tr(self.language, "review.override_no_reason"))
            self.query_one("#override-reason", Input).focus()
            return
        pressed = self.query_one("#override-trade", RadioSet).pressed_button
        trade = (pressed.id or "trade-facilitator").removeprefix("trade-") if pressed else TRADES[0]
        self.dismiss((trade, int(raw), reason))



class ExportDialog(ReviewDialog):
    """Dismisses with (format, path); the file name follows the format until the coach edits it."""

    def __init__(self, formats: tuple[str, ...], stem: str, language: str) -> None:
        super().__init__()
        self.formats = formats
        self.stem = stem
        self.language = language

    def compose(self) -> ComposeResult:
        t = self.language
        with Vertical(classes="review-dialog"):
            yield Label(tr(t, "review.export_title"), classes="dialog-title")
            yield Label(tr(t, "review.export_format"))
            with RadioSet(id="export-format"):
                for i, name in enumerate(self.formats):
                    yield RadioButton(name, value=i == 0, id=f"format-{name}")
            yield Label(tr(t, "review.export_path"))
            yield Input(f"{self.stem}.{_suffix(self.formats[0])}", id="export-path")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        name = (event.pressed.id or "").removeprefix("format-")
        if Path(path.value).stem == self.stem:
            path.value = f"{self.stem}.{_suffix(name)}"

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        name = (pressed.id or "").removeprefix("format-") if pressed else self.formats[0]
        self.dismiss((name, Path(event.value.strip()).expanduser()))



def _suffix(name: str) -> str:
    return {"markdown": "md", "html": "html", "json": "json", "csv": "csv"}[name]
