"""Where the trainee writes: a field that grows to a few lines as the message does (Enter sends), or an
e-mail sent with Ctrl+S. What is pasted is kept whole, newlines and all, its control characters written out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, TextArea

from trainer.engine.channels import CHANNELS
from trainer.scenario.models import Scenario
from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.chat_styles import moves_line, subject


class CharCounter(Widget):
    """Characters typed, against the channel's limit; repaints without a new layout at every key."""

    count: reactive[int] = reactive(0)

    def __init__(self, limit: int | None, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.limit = limit
        self.language = language

    def watch_count(self, count: int) -> None:
        self.set_class(bool(self.limit) and count > (self.limit or 0), "-over")

    def render(self) -> str:
        return f"{self.count}/{self.limit}" if self.limit else tr(self.language, "chat.chars", n=self.count)


class ComposerField(TextArea):
    """The field. The key that sends takes the text and empties the field in its own key handler, before
    the next key is read: keys that follow at once (a burst, typing on) start the next message."""

    @dataclass
    class Submitted(Message):
        text: str

    def __init__(self, send_key: str, **kwargs) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=False, highlight_cursor_line=False, **kwargs)
        self.send_key = send_key

    async def _on_key(self, event: events.Key) -> None:
        if event.key == self.send_key:
            event.stop()
            event.prevent_default()
            text = self.text
            self.clear()
            self.post_message(self.Submitted(text))
            return
        await super()._on_key(event)

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self.put(event.text)

    def put(self, text: str) -> None:
        """Text typed or pasted, at the cursor: every line kept (a terminal sends a paste's newlines as carriage
        returns), control characters written out (`\\x1b`) as everywhere text reaches the screen."""
        if self.read_only or not text:
            return
        result = self.replace(shown(text.replace("\r\n", "\n").replace("\r", "\n")), *self.selection)
        self.move_cursor(result.end_location)


class ChatComposer(Vertical):
    """Posts `Sent` with the text, the field emptied already; the screen takes it, or hands it back with
    `give_back` (the customer is typing, it is too long…). Nothing typed is lost."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "send", "key.send")]  # e-mail only: see check_action

    @dataclass
    class Sent(Message):
        text: str

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.language = language
        self.max_chars = CHANNELS[scenario.channel].max_chars
        self.multiline = scenario.channel == "email"

    def compose(self) -> ComposeResult:
        channel, c, t = self.scenario.channel, self.scenario.customer, self.language
        if self.multiline:
            yield Label(verbatim(tr(t, "chat.mail_header", name=c.name, subject=subject(self.scenario))),
                        id="composer-header")
            yield ComposerField("ctrl+s", id="composer", classes="-email",
                                placeholder=Content(shown(tr(t, "chat.placeholder.email", name=c.first_name))))
            with Horizontal(id="composer-foot"):
                yield Label(tr(t, "chat.send_hint.email"), id="composer-hint")
                yield CharCounter(self.max_chars, t, id="counter")
        else:
            with Horizontal(id="composer-line"):
                yield ComposerField("enter", id="composer", placeholder=Content(shown(tr(
                    t, f"chat.placeholder.{channel}", handle=c.handle, name=c.first_name))))
                yield CharCounter(self.max_chars, t, id="counter")
        yield Label(verbatim(moves_line(self.scenario, t)), id="composer-moves")

    def on_mount(self) -> None:
        self._count()

    # -- reading and writing ---------------------------------------------------------------

    @property
    def field(self) -> ComposerField:
        return self.query_one("#composer", ComposerField)

    @property
    def text(self) -> str:
        return self.field.text

    def clear(self) -> None:
        self.field.clear()
        self._count()

    def give_back(self, text: str) -> None:
        """A message that was not taken, back in the field ahead of whatever was typed since."""
        field = self.field
        field.text = text + field.text
        field.move_cursor(field.document.end)
        self._count()

    def insert_typed(self, text: str) -> None:
        """Text typed or pasted elsewhere on the screen (the back office), where the cursor is."""
        self.field.put(text)
        self._count()

    def focus_field(self) -> None:
        self.field.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.multiline if action == "send" else True

    def action_send(self) -> None:
        """Ctrl+S from outside the field (the field takes it itself when it has the focus)."""
        text = self.text
        self.clear()
        self.post_message(self.Sent(text))

    @on(ComposerField.Submitted)
    def _submitted(self, event: ComposerField.Submitted) -> None:
        event.stop()
        self._count()
        self.post_message(self.Sent(event.text))

    @on(TextArea.Changed, "#composer")
    def _changed(self) -> None:
        self._count()

    def _count(self) -> None:
        self.query_one(CharCounter).count = len(self.text.strip())
