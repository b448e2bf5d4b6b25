"""How long the customer has waited for you, against what the channel expects."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from trainer.texts import tr
from trainer.ui.colours import BAD, WARN, content
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.chat_styles import clock_time


class ResponseTimer(Widget):
    """Reads the game clock once a second; in the theme's error colour once the customer has waited longer than the channel's norm."""

    waited: reactive[float | None] = reactive(None, layout=True)
    """Seconds since the customer's last line while it is your turn; None when no one is waiting on you."""

    def __init__(self, language: str, norm: float, source: Callable[[], float | None], name: str = "",
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.language = language
        self.name_shown = name
        """The customer's first name, as the timer says it."""
        self.norm = norm
        """Seconds the channel expects an answer within (`reply_within`)."""
        self._source = source

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        """Read the clock again (the interval calls this; so do tests after moving a fake clock)."""
        self.waited = self._source()

    @property
    def late(self) -> bool:
        return self.waited is not None and self.waited > self.norm

    def watch_waited(self) -> None:
        self.set_class(self.late, "-late")

    def render(self) -> Content:
        return content(self._line())

    def _line(self) -> Text:
        norm = clock_time(self.norm)
        if self.waited is None:
            return Text(tr(self.language, "chat.timer_idle", norm=norm), style="dim")
        time = clock_time(self.waited)
        if self.late:
            return verbatim(tr(self.language, "chat.timer_late", time=time, norm=norm, name=self.name_shown), f"bold {BAD}")
        style = WARN if self.waited > self.norm * 2 / 3 else ""
        return verbatim(tr(self.language, "chat.timer", time=time, norm=norm, name=self.name_shown), style)
