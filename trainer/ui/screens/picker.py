"""Pick a scenario: the library as a table, filterable, with your best score so far."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from trainer.scenario.models import Scenario
from trainer.ui.i18n import tr


class PickerScreen(Screen):
    BINDINGS = [("enter", "choose", "Choose")]

    def __init__(self, scenarios: list[Scenario], best: dict[str, dict[str, int]], language: str) -> None:
        super().__init__()
        self.scenarios = scenarios
        self.best = best
        self.language = language

    def compose(self) -> ComposeResult:
        yield Label(tr(self.language, "picker.title"), classes="screen-title")
        yield DataTable(id="scenarios", cursor_type="row", zebra_stripes=True)
        yield Label("", id="teaser")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Title", "Lang", "Channel", "Audience", "Level", tr(self.language, "picker.best"))
        for s in self.scenarios:
            table.add_row(s.title, s.language, s.channel, s.audience, s.difficulty, self._best(s.id), key=s.id)
        table.focus()

    def _best(self, scenario_id: str) -> str:
        best = self.best.get(scenario_id)
        if not best:
            return tr(self.language, "picker.none")
        return " ".join(f"{t[0].upper()}{v}" for t, v in best.items())

    @on(DataTable.RowHighlighted)
    def _teaser(self, event: DataTable.RowHighlighted) -> None:
        scenario = self._by_key(event.row_key.value)
        self.query_one("#teaser", Label).update(scenario.teaser if scenario else "")

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        scenario = self._by_key(event.row_key.value)
        if scenario:
            self.app.open_briefing(scenario)

    def action_choose(self) -> None:
        self.query_one(DataTable).action_select_cursor()

    def _by_key(self, key: str | None) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == key), None)

    def refresh_best(self) -> None:
        table = self.query_one(DataTable)
        for s in self.scenarios:
            table.update_cell(s.id, table.columns[list(table.columns)[-1]].key, self._best(s.id))
