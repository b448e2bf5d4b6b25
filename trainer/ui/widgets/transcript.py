"""The conversation so far, styled for its channel; one log widget however long it gets."""

from __future__ import annotations

from dataclasses import replace

from textual.events import Resize
from textual.widgets import RichLog

from trainer.engine.channels import Where
from trainer.engine.events import ChannelChanged
from trainer.scenario.models import Scenario
from trainer.ui.colours import follow_theme
from trainer.ui.widgets.chat_styles import ChannelStyle, Entry, channel_line, followers, moved_line

__all__ = ["Transcript", "channel_line", "followers"]


class Transcript(RichLog):
    """Each message is rendered once, when it arrives, and appended as lines: message 500 costs what
    message 10 did. Entries are kept as data, so a change of width, or of theme, draws them again."""

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, auto_scroll=True, min_width=20, **kwargs)
        self.scenario = scenario
        self.language = language
        self.channel_style = ChannelStyle(scenario, language)
        self.entries: list[Entry] = []
        self.turn_lines: dict[int, int] = {}
        """First line of each turn, to jump to it from the scorecard."""
        self.messages = 0
        """Messages from the customer and from you (not look-ups, hints or notices)."""
        self._width = 0
        """The width the entries were drawn at; 0 until the log knows its size."""
        self._drawn_messages = 0
        self.where = Where(scenario.channel, scenario.audience)
        """Where the conversation is now: each message is drawn as the channel it was posted on shows it."""

    def on_mount(self) -> None:
        self.channel_style.variables = self.app.theme_variables
        follow_theme(self, self._theme_changed)

    def _theme_changed(self) -> None:
        self.channel_style.variables = self.app.theme_variables
        self._width = 0  # drawn at this width again, in the new colours
        self._redraw()

    # -- adding --------------------------------------------------------------------------------

    def customer(self, text: str, turn: int, at: float = 0.0) -> None:
        self.add(Entry("customer", text, turn, at))

    def trainee(self, text: str, turn: int, at: float = 0.0) -> None:
        self.add(Entry("trainee", text, turn, at))

    def record(self, title: str, body: str, ok: bool, turn: int, mark: str = "✓") -> None:
        """A look-up (mark ⌕) or an action in the timeline; the chat leaves `body` to the back office."""
        self.add(Entry("record", body.strip(), turn, title=title, ok=ok, mark=mark))

    def hint(self, title: str, text: str, turn: int | None = None) -> None:
        self.add(Entry("hint", text, turn, title=title))

    def system(self, text: str, turn: int | None = None, style: str = "dim italic") -> None:
        self.add(Entry("system", text, turn, style=style))

    def moved(self, event: ChannelChanged) -> None:
        """The story moved the conversation (a tweet thread to DM): said in the timeline, later messages drawn there."""
        self.where = Where(event.channel, event.audience)
        self.system(moved_line(self.where, self.language), event.turn, style="bold")

    def add(self, entry: Entry) -> None:
        if entry.kind in ("customer", "trainee"):
            entry = replace(entry, channel=self.where.channel, audience=self.where.audience)
            self.messages += 1
        self.entries.append(entry)
        if self._width:
            self._draw(entry)

    # -- drawing -------------------------------------------------------------------------------

    def _draw(self, entry: Entry) -> None:
        if entry.turn is not None:
            self.turn_lines.setdefault(entry.turn, len(self.lines))
        is_message = entry.kind in ("customer", "trainee")
        first = is_message and self._drawn_messages == 0
        if is_message:
            self._drawn_messages += 1
        self.write(self.channel_style.render(entry, self._width, first), width=self._width)

    def on_resize(self, event: Resize) -> None:
        # RichLog learns its size in its own handler; let it, then draw at once, so that whatever is
        # added from now on (by a subclass too) is drawn as it comes and each turn's first line is right.
        RichLog.on_resize(self, event)
        self._redraw()

    def _redraw(self) -> None:
        width = self.scrollable_content_region.width
        if not width or width == self._width:
            return
        self._width = width
        self.clear()
        self.turn_lines.clear()
        self._drawn_messages = 0
        for entry in self.entries:
            self._draw(entry)

    # -- reading -------------------------------------------------------------------------------

    def scroll_to_turn(self, turn: int) -> None:
        line = self.turn_lines.get(turn)
        if line is None:
            earlier = [t for t in self.turn_lines if t <= turn]
            line = self.turn_lines[max(earlier)] if earlier else 0
        self.auto_scroll = False
        self.scroll_to(y=line, animate=False)
