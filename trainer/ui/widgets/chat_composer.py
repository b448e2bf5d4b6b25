"""Where the trainee writes: one line for tweets, DMs and chat; a multi-line e-mail sent with Ctrl+S."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label

from trainer.engine.channels import CHANNELS
from trainer.scenario.models import Scenario
from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.chat_styles import subject


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


class ChatComposer(Vertical):
    """Posts `Sent` with the text; the screen decides whether to take it and then calls `clear`.
    Nothing typed is lost while the customer is typing or when a message is refused."""

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
        channel, c = self.scenario.channel, self.scenario.customer
        if self.multiline:
            from textual.widgets import TextArea  # only e-mail needs it; it is slow to import

            yield Label(verbatim(tr(self.language, "chat.mail_header", name=c.name, subject=subject(self.scenario))),
                        id="composer-header")
            yield TextArea(id="composer", soft_wrap=True, show_line_numbers=False,
                           placeholder=Content(shown(tr(self.language, "chat.placeholder.email", name=c.first_name))))
            with Horizontal(id="composer-foot"):
                yield Label(tr(self.language, "chat.send_hint.email"), id="composer-hint")
                yield CharCounter(self.max_chars, self.language, id="counter")
        else:
            with Horizontal(id="composer-line"):
                yield Input(placeholder=shown(tr(self.language, f"chat.placeholder.{channel}", handle=c.handle,
                                                 name=c.first_name)), id="composer")
                yield CharCounter(self.max_chars, self.language, id="counter")

    def on_mount(self) -> None:
        self._count()

    # -- reading and writing ---------------------------------------------------------------

    @property
    def text(self) -> str:
        if self.multiline:
            from textual.widgets import TextArea  # imported already by compose

            return self.query_one("#composer", TextArea).text
        return self.query_one("#composer", Input).value

    def clear(self) -> None:
        if self.multiline:
            from textual.widgets import TextArea

            self.query_one("#composer", TextArea).clear()
        else:
            self.query_one("#composer", Input).value = ""
        self._count()

    def focus_field(self) -> None:
        self.query_one("#composer").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.multiline if action == "send" else True

    def action_send(self) -> None:
        self.post_message(self.Sent(self.text))

    @on(Input.Submitted, "#composer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Sent(event.value))

    @on(Input.Changed, "#composer")
    def _changed(self) -> None:
        self._count()

    def on_text_area_changed(self) -> None:
        self._count()

    def _count(self) -> None:
        self.query_one(CharCounter).count = len(self.text.strip())
