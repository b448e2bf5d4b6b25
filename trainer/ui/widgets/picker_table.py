"""The scenarios as a table: title (one's own marked), language, channel, audience, level and your best score so far."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from trainer.texts import tr
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.picker_best import Best, best_cell
from trainer.ui.widgets.picker_filters import value_name

if TYPE_CHECKING:
    from trainer.scenario.models import Scenario

COLUMNS = ("title", "language", "channel", "audience", "difficulty", "best")

TITLE_MIN = 24
"""The narrowest the title column gets to keep the other columns (the level above all) in view."""


def title_width(widths: dict[str, int], room: int) -> int:
    """The title column's width: the titles' own when every column fits in `room`; narrower (not under
    TITLE_MIN) so the columns up to the level fit, "best" last, as the line under the table says it too."""
    padded = {column: width + 2 for column, width in widths.items()}  # a cell's padding, one each side
    others = sum(padded.values()) - padded["title"]
    if padded["title"] + others <= room:
        return widths["title"]
    fit = room - others - 2
    if fit < TITLE_MIN:
        fit = room - (others - padded["best"]) - 2
    return max(TITLE_MIN, min(widths["title"], fit))


class ScenarioTable(DataTable):
    """Rows keyed by scenario id; `show` fills it again and keeps the cursor on the same scenario; the title
    column gives way on a narrow terminal."""

    def __init__(self, language: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.language = language
        self.shown: tuple[list[Scenario], Best, frozenset[str]] = ([], {}, frozenset())
        self.fitted_to = -1
        """The width the columns were laid out for."""

    def show(self, scenarios: list[Scenario], best: Best, own: frozenset[str] = frozenset()) -> None:
        keep = self.highlighted_id
        self.shown = (scenarios, best, own)
        titles = [self._title(s, s.id in own) for s in scenarios]
        rows = [(str(title), *(value_name(self.language, f, getattr(s, f))
                               for f in ("language", "channel", "audience", "difficulty")),
                 best_cell(best.get(s.id), self.language)) for s, title in zip(scenarios, titles)]
        self.clear(columns=True)
        self.fitted_to = self.size.width
        headers = [tr(self.language, f"picker.column.{column}") for column in COLUMNS]
        widths = {column: max([cell_len(headers[i]), *(cell_len(row[i]) for row in rows)])
                  for i, column in enumerate(COLUMNS)}
        room = self.size.width - self.styles.scrollbar_size_vertical
        fitted = title_width(widths, room) if room > 0 else widths["title"]
        for column, header in zip(COLUMNS, headers):
            self.add_column(header, key=column, width=fitted if column == "title" else None)
        for s, title, row in zip(scenarios, titles, rows):
            title.truncate(fitted, overflow="ellipsis")  # "Pluis, the rabbit who stayed on b…"
            self.add_row(title, *row[1:], key=s.id)
        ids = [s.id for s in scenarios]
        if keep in ids:
            self.move_cursor(row=ids.index(keep), animate=False)

    def _title(self, scenario: Scenario, own: bool) -> Text:
        """The title; one's own scenario's starts with a mark ("yours · "), so it stands out beside the built-in ones."""
        title = verbatim(scenario.title)
        return Text.assemble((f"{tr(self.language, 'picker.own')} · ", "bold"), title) if own else title

    def on_resize(self) -> None:
        if self.size.width != self.fitted_to:
            self.show(*self.shown)

    @property
    def highlighted_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value
