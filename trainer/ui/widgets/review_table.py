"""Sessions as a table for a coach: when, who, which scenario, how it ended, and the three scores.

A class keeps thousands of sessions. Textual's `DataTable` measures every cell of every row when
rows change (seconds for 5,000 rows, again on each refresh), so this table draws through the line
API instead: it renders only the rows in view, and `show` with the same rows redraws nothing.
Cells are plain text drawn as segments (never markup), their control characters written out.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from trainer.scenario.kinds import TRADES, Trade
from trainer.store import SessionRow
from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.widgets.score_bar import outcome_name

COLUMNS = ("started", "trainee", "scenario", "outcome", "turns", *TRADES)
SORT_BY: dict[str, str] = {"started": "started_at", "trainee": "trainee", "scenario": "scenario", "outcome": "outcome",
           "turns": "turns", **{t: t for t in TRADES}}
KEYS = ("mark", *COLUMNS)
PAD = 1
"""Blank cells each side of a cell's text."""


def score_cell(row: SessionRow, trade: Trade, overridden: dict[str, dict[str, int]]) -> str:
    """The score as it stands; a coach's override is starred."""
    coach = overridden.get(row.id, {}).get(trade)
    if coach is not None:
        return f"{coach}*"
    value = row.scores.get(trade)
    return "–" if value is None else str(value)


class SessionTable(ScrollView, can_focus=True):
    """Rows keyed by session id, a header that stays in view; marked rows (for comparing) carry a dot."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"session-table--header", "session-table--cursor",
                                             "session-table--stripe"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "", show=False),
        Binding("down", "cursor(1)", "", show=False),
        Binding("pageup", "page(-1)", "", show=False),
        Binding("pagedown", "page(1)", "", show=False),
        Binding("home", "cursor(-1_000_000_000)", "", show=False),
        Binding("end", "cursor(1_000_000_000)", "", show=False),
    ]

    cursor_row: reactive[int] = reactive(0)

    class Chosen(Message):
        """The row under the cursor was clicked again: open it."""

        def __init__(self, table: SessionTable, session_id: str) -> None:
            super().__init__()
            self.table = table
            self.session_id = session_id

        @property
        def control(self) -> SessionTable:
            return self.table

    class HeaderClicked(Message):
        """A column's header was clicked: sort by it."""

        def __init__(self, table: SessionTable, column: str) -> None:
            super().__init__()
            self.table = table
            self.column = column

        @property
        def control(self) -> SessionTable:
            return self.table

    def __init__(self, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.language = language
        self.headers = (" ", *(tr(language, f"review.column.{c}") for c in COLUMNS))
        self.ids: list[str] = []
        self.cells: list[tuple[str, ...]] = []
        self.widths = [cell_len(h) for h in self.headers]

    # -- the data ------------------------------------------------------------------------------------

    def show(self, rows: list[SessionRow], marked: list[str], overridden: dict[str, dict[str, int]]) -> None:
        """Show `rows`; the cursor stays on the session it was on. The same rows again: nothing is redrawn."""
        keep = self.highlighted_id
        unfinished = tr(self.language, "review.unfinished")

        def outcome(r: SessionRow) -> str:
            """The ending's name as the trainee's scorecard says it (one catalogue entry per kind of ending)."""
            return outcome_name(r.outcome_kind or r.outcome, self.language) if r.outcome else unfinished

        cells = [("●" if r.id in marked else " ", *(shown(str(c)) for c in (
            r.started_at[:16].replace("T", " "), r.trainee, r.scenario, outcome(r), r.turns,
            *(score_cell(r, t, overridden) for t in TRADES)))) for r in rows]
        ids = [r.id for r in rows]
        if ids == self.ids and cells == self.cells:
            return
        self.ids, self.cells = ids, cells
        self.widths = [max([cell_len(self.headers[i]), *(cell_len(c[i]) for c in cells)]) for i in range(len(KEYS))]
        self.virtual_size = Size(sum(w + 2 * PAD for w in self.widths), len(cells) + 1)
        self.cursor_row = ids.index(keep) if keep in ids else min(self.cursor_row, max(len(ids) - 1, 0))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.ids)

    def get_row_at(self, index: int) -> list[str]:
        return list(self.cells[index])

    @property
    def highlighted_id(self) -> str | None:
        return self.ids[self.cursor_row] if 0 <= self.cursor_row < len(self.ids) else None

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        self.cursor_row = max(0, min(row, len(self.ids) - 1))

    # -- moving ----------------------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        view = max(self.scrollable_content_region.height - 1, 1)  # rows in view under the header
        if new < self.scroll_y:
            self.scroll_to(y=new, animate=False)
        elif new >= self.scroll_y + view:
            self.scroll_to(y=new - view + 1, animate=False)
        self.refresh()

    def action_cursor(self, by: int) -> None:
        self.move_cursor(row=self.cursor_row + by)

    def action_page(self, pages: int) -> None:
        self.move_cursor(row=self.cursor_row + pages * max(self.scrollable_content_region.height - 2, 1))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + int(self.scroll_x)
            for column, width in zip(KEYS, self.widths, strict=True):
                x -= width + 2 * PAD
                if x < 0:
                    if column in SORT_BY:
                        self.post_message(self.HeaderClicked(self, column))
                    break
            return
        row = int(self.scroll_y) + event.y - 1
        if 0 <= row < len(self.ids):
            if row == self.cursor_row:
                self.post_message(self.Chosen(self, self.ids[row]))
            self.cursor_row = row

    # -- drawing ---------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("session-table--header")
            return self._strip(self.headers, style)
        row = int(self.scroll_y) + y - 1
        if row >= len(self.cells):
            return Strip.blank(self.size.width, base)
        style = base
        if row % 2:
            style += self.get_component_rich_style("session-table--stripe")
        if row == self.cursor_row:
            style += self.get_component_rich_style("session-table--cursor")
        return self._strip(self.cells[row], style)

    def _strip(self, cells: tuple[str, ...], style: Style) -> Strip:
        text = "".join(" " * PAD + c + " " * (w - cell_len(c) + PAD) for c, w in zip(cells, self.widths, strict=True))
        width = self.size.width
        strip = Strip([Segment(text, style)]).crop(int(self.scroll_x), int(self.scroll_x) + width)
        return strip.extend_cell_length(width, style)
