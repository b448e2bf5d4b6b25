"""Her mood and patience, and how long she has waited for you."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from trainer.scenario.models import mood_band
from trainer.ui.i18n import tr

BAND_STYLE = {"furious": "bold red", "angry": "red", "upset": "yellow", "calm": "green", "happy": "bold green"}


class MoodMeter(Widget):
    """Mood 0–100 as a bar with its band, patience as dots, and her waiting time."""

    DEFAULT_CSS = "MoodMeter { height: 1; }"

    mood: reactive[int] = reactive(50)
    patience: reactive[int] = reactive(5)
    waited: reactive[float] = reactive(0.0)
    """Seconds since her last line while she waits for you."""

    def __init__(self, language: str, full_patience: int, reply_within: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.language = language
        self.full_patience = full_patience
        self.reply_within = reply_within

    def render(self) -> Text:
        band = mood_band(self.mood)
        style = BAND_STYLE[band]
        filled = round(self.mood / 10)
        out = Text.assemble(
            (f"{tr(self.language, 'chat.mood')} ", "bold"),
            ("█" * filled, style), ("░" * (10 - filled), "dim"),
            (f" {tr(self.language, 'mood.' + band)} {self.mood}", style),
            "   ",
            (f"{tr(self.language, 'chat.patience')} ", "bold"),
            ("●" * self.patience, "magenta"), ("○" * max(0, self.full_patience - self.patience), "dim"),
        )
        if self.waited >= 1:
            minutes, seconds = divmod(int(self.waited), 60)
            late = self.waited > self.reply_within
            out.append("   ")
            out.append(tr(self.language, "chat.waiting", time=f"{minutes}:{seconds:02d}"),
                       "bold red" if late else "dim")
        return out
