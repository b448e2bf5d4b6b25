"""The customer's mood and patience, moving as they react to you."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from trainer.scenario.models import mood_band
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, HER, WARN, content

BAND_STYLE = {"furious": f"bold {BAD}", "angry": BAD, "upset": WARN, "calm": GOOD, "happy": f"bold {GOOD}"}


class MoodMeter(Widget):
    """Mood 0–100 as a bar with its band and the last change; patience as dots."""

    mood: reactive[int] = reactive(50)
    patience: reactive[int] = reactive(5)
    change: reactive[int] = reactive(0)
    """How much the last reaction moved the mood (0: no change shown)."""

    def __init__(self, language: str, full_patience: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.language = language
        self.full_patience = full_patience

    def set(self, mood: int, patience: int, change: int = 0) -> None:
        self.mood, self.patience, self.change = mood, patience, change

    def render(self) -> Content:
        """Labelled with a bar of ten; where that does not fit (a small terminal), a bar of five, unlabelled:
        her mood, its band and her patience always show."""
        full = self._meter(labels=True, cells=10)
        if not self.size.width or full.cell_len <= self.size.width:
            return content(full)
        return content(self._meter(labels=False, cells=5))

    def _meter(self, *, labels: bool, cells: int) -> Text:
        band = mood_band(self.mood)
        style = BAND_STYLE[band]
        filled = round(self.mood * cells / 100)
        out = Text.assemble(
            (f"{tr(self.language, 'mood.label')} " if labels else "", "bold"),
            ("█" * filled, style), ("░" * (cells - filled), "dim"),
            (f" {tr(self.language, 'mood.' + band)} {self.mood}", style),
        )
        if self.change:
            out.append(f" {'▲' if self.change > 0 else '▼'}{self.change:+d}", GOOD if self.change > 0 else BAD)
        out.append_text(Text.assemble(
            "   " if labels else " ", (f"{tr(self.language, 'mood.patience')} " if labels else "", "bold"),
            ("●" * self.patience, HER), ("○" * max(0, self.full_patience - self.patience), "dim"),
        ))
        return out
