"""A finished conversation read back from its log, opened at the turn a piece of evidence names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.events import Resize
from textual.strip import Strip

from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    HintShown,
    LookedUp,
    SessionEnded,
    TraineeMessage,
)
from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.widgets.transcript import Transcript

SHOWN = (TraineeMessage, CustomerMessage, LookedUp, ActionTaken, FactRevealed, HintShown, ChannelChanged,
         SessionEnded)


class ScoreTranscript(Transcript):
    """The chat's own `Transcript`, filled from a finished game's events.

    With `mark`, a marker line (`▶ turn 2 · why it counted`) opens that turn, the turn's lines are
    highlighted, and the view keeps that turn at the top whenever the log is drawn.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"score-transcript--marked"}

    def __init__(self, scenario: Scenario, language: str, events: Sequence[Event], *,
                 mark: int | None = None, note: str = "", **kwargs) -> None:
        super().__init__(scenario, language, **kwargs)
        self.auto_scroll = False
        self.mark = mark
        self.note = note
        self._fill([e for e in events if isinstance(e, SHOWN)])

    def _fill(self, events: list[Event]) -> None:
        marked = False
        for e in events:
            if self.mark is not None and not marked and e.turn >= self.mark:
                self._marker()
                marked = True
            self._add(e)
        if self.mark is not None and not marked:
            self._marker()

    def _marker(self) -> None:
        assert self.mark is not None
        turn = tr(self.language, "score.turn", n=self.mark) if self.mark else tr(self.language, "score.start")
        self.system(tr(self.language, "score.marker", turn=turn, what=self.note), self.mark, style="bold reverse")

    def _add(self, e: Event) -> None:
        s, language = self.scenario, self.language
        if isinstance(e, TraineeMessage):
            self.trainee(e.text, e.turn, e.at)
        elif isinstance(e, CustomerMessage):
            self.customer(e.text, e.turn, e.at)
        elif isinstance(e, LookedUp):
            tool = s.lookups.get(e.tool)
            self.record(tool.label if tool else e.tool, e.result, e.ok, e.turn)
        elif isinstance(e, ActionTaken):
            action = s.actions.get(e.action)
            amount = f" · {e.amount:g}" if e.amount is not None else ""
            self.record((action.label if action else e.action) + amount, e.result, e.ok, e.turn)
        elif isinstance(e, FactRevealed):
            self.system(tr(language, "score.fact_line", text=s.facts[e.fact].is_), e.turn)
        elif isinstance(e, HintShown):
            self.system(tr(language, "score.hint_line", text=e.text), e.turn)
        elif isinstance(e, ChannelChanged):
            self.moved(e)
        elif isinstance(e, SessionEnded):
            self.system(f"— {e.summary}", e.turn, style="bold")

    def on_resize(self, event: Resize) -> None:
        super().on_resize(event)  # the log (re)draws its entries first, noting each turn's first line
        if self.mark is not None:
            self.call_later(self._show_mark)

    def _show_mark(self) -> None:
        if self.mark in self.turn_lines:
            self.scroll_to_turn(self.mark)
            self.refresh()

    @property
    def marked(self) -> range:
        """The lines of the marked turn, as drawn now."""
        start = self.turn_lines.get(self.mark) if self.mark is not None else None
        if start is None:
            return range(0)
        later = [line for line in self.turn_lines.values() if line > start]
        return range(start, min(later, default=len(self.lines)))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.scroll_offset.y + y in self.marked:
            # On top of the log's own background, which the strip already carries.
            style = Style(bgcolor=self.get_component_rich_style("score-transcript--marked").bgcolor)
            strip = Strip(Segment.apply_style(iter(strip), post_style=style), strip.cell_length)
        return strip
