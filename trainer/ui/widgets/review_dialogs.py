"""A coach's small forms: a note, a score override with its reason, where to export.

Each says how to submit, and has its field focused as it appears (`AUTO_FOCUS`): the screen that opens one
awaits it (`open_dialog`), so keys typed meanwhile wait for it and go to that field, not nowhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, RadioButton, RadioSet

from trainer.review.filenames import session_stem
from trainer.scenario.kinds import TRADES
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage

if TYPE_CHECKING:
    from trainer.store import SessionRow

SUFFIX = {"markdown": "md", "html": "html", "json": "json", "csv": "csv"}


def export_stem(row: SessionRow) -> str:
    """`anna-legroom-en-2025-03-09-<id>`: who, what, when and which, as `trainer.review.filenames` names a session's
    file (letters, digits, `-` and `_`: never a path, a hidden file, markup or a control character)."""
    return session_stem(row)


def free_name(stem: str, suffix: str, folder: Path | None = None) -> str:
    """`stem.suffix`, or `stem-2.suffix`, … : the first name no file in `folder` (the working folder) has yet."""
    folder = Path.cwd() if folder is None else folder
    name, n = f"{stem}.{suffix}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem}-{n}.{suffix}"
    return name


async def open_dialog(screen: Screen, dialog: ModalScreen, done: Callable[[Any], None]) -> None:
    """Push `dialog` and wait until it is mounted with its field focused: the keys typed meanwhile wait in the app's
    queue until then, and go to the field, not to a screen that had no focus yet."""
    await screen.app.push_screen(dialog, done)


class ReviewDialog(KeysInLanguage, ModalScreen):
    """A coach's dialog: Esc cancels (dismisses with None), F1 opens the review's help over it (a modal screen
    shuts the app's own keys out)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "review.key.cancel"),
        Binding("f1", "app.help", "review.key.help"),
        Binding("tab", "app.focus_next", "", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "", show=False, priority=True),
    ]
    """Tab moves on as it arrives (a priority key): in "42⇥Why" typed at once, "Why" goes to the next field."""
    language: str

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(ReviewDialog):
    """Dismisses with the note's text, or None on Escape."""

    AUTO_FOCUS = "#note"

    def __init__(self, title: str, language: str, typed: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.language = language
        self.typed = typed
        """A note typed before, that could not be saved."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="review-dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.typed, placeholder=tr(self.language, "review.note_placeholder"), id="note")
            yield Label(tr(self.language, "review.note_hint"), classes="dialog-hint")

    @on(Input.Submitted, "#note")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())


class OverrideDialog(ReviewDialog):
    """Dismisses with (trade, score, reason); a reason is required, the score must be 0–100."""

    AUTO_FOCUS = "#override-score"

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
            yield Label(tr(t, "review.override_hint"), classes="dialog-hint")

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
    """Dismisses with (format, path). It proposes a file name no file in the folder has; the name follows the format
    until the coach edits it."""

    AUTO_FOCUS = "#export-path"

    def __init__(self, formats: tuple[str, ...], stem: str, language: str) -> None:
        super().__init__()
        self.formats = formats
        self.stem = stem
        self.language = language
        self.proposed = free_name(stem, SUFFIX[formats[0]])

    def compose(self) -> ComposeResult:
        t = self.language
        with Vertical(classes="review-dialog"):
            yield Label(tr(t, "review.export_title"), classes="dialog-title")
            yield Label(tr(t, "review.export_format"))
            with RadioSet(id="export-format"):
                for i, name in enumerate(self.formats):
                    yield RadioButton(name, value=i == 0, id=f"format-{name}")
            yield Label(tr(t, "review.export_path"))
            yield Input(self.proposed, id="export-path")
            yield Label(tr(t, "review.export_hint"), classes="dialog-hint")

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        name = (event.pressed.id or "").removeprefix("format-")
        if path.value == self.proposed:
            self.proposed = path.value = free_name(self.stem, SUFFIX[name])

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        name = (pressed.id or "").removeprefix("format-") if pressed else self.formats[0]
        self.dismiss((name, Path(event.value.strip()).expanduser()))
