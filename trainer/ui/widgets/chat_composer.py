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

from trainer.engine.channels import CHANNELS, handle_shown, sms_parts
from trainer.scenario.models import Scenario
from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.chat_styles import moves_line, subject


class CharCounter(Widget):
    """Characters typed, against the channel's limit; repaints without a new layout at every key."""

    count: reactive[int] = reactive(0)

    def __init__(self, limit: int | None, language: str, segment: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.limit = limit
        self.language = language
        self.segment = segment
        """A text's length on SMS: past it, the counter says how many texts the message goes out as."""

    def watch_count(self, count: int) -> None:
        self.set_class(bool(self.limit) and count > (self.limit or 0), "-over")

    def render(self) -> str:
        if self.segment and self.limit and self.count > self.segment:
            parts = tr(self.language, "chat.sms_parts", n=sms_parts(self.count, self.segment))
            return f"{self.count}/{self.limit} · {parts}"
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

    def __init__(self, scenario: Scenario, language: str, channel: str | None = None, **kwargs) -> None:
        """`channel`: where the conversation is now (a state may have moved it); the scenario's by default."""
        super().__init__(**kwargs)
        self.scenario = scenario
        self.language = language
        self.channel = channel or scenario.channel
        self.max_chars = CHANNELS[self.channel].max_chars
        self.multiline = self.channel == "email"

    def compose(self) -> ComposeResult:
        channel, c, t = self.channel, self.scenario.customer, self.language
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
                yield ComposerField("enter", id="composer", placeholder=self._placeholder(channel))
                yield CharCounter(self.max_chars, t, CHANNELS[channel].segment, id="counter")
        yield Label(verbatim(moves_line(self.scenario, t)), id="composer-moves")

    def on_mount(self) -> None:
        self._count()

    def _placeholder(self, channel: str) -> Content:
        c = self.scenario.customer
        return Content(shown(tr(self.language, f"chat.placeholder.{channel}",
                                handle=handle_shown(c.handle, self.language), name=c.first_name)))

    def move_to(self, channel: str) -> None:
        """The story moved the conversation: the new channel's limit and invitation (an e-mail's form stays)."""
        self.channel, self.max_chars = channel, CHANNELS[channel].max_chars
        counter = self.query_one(CharCounter)
        counter.limit, counter.segment = self.max_chars, CHANNELS[channel].segment
        if not self.multiline and channel != "email":
            self.field.placeholder = self._placeholder(channel)
        self._count()
        counter.refresh()

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
