"""Pick a scenario: the library as a table (one's own marked), filtered by number keys, with your best score so far,
and what is wrong in one's own scenario files."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Label, Static

from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.picker_best import Best, best_line
from trainer.ui.widgets.picker_filters import FIELDS, FilterChip, Filters, choices

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from trainer.scenario.models import Scenario
    from trainer.scenario.problems import Problem
    from trainer.store import SessionRow
    from trainer.ui.widgets.picker_table import ScenarioTable

PROBLEMS_SHOWN = 5
"""The problems in one's own files listed under the table; past these, how many more (`webcare check` has all)."""

FILTER_KEYS = dict(zip(FIELDS, ("1", "2", "3", "4")))
"""Number keys, not letters: the same in English and Dutch, in the order the chips are shown."""


class PickerScreen(KeysInLanguage, Screen):
    """Filters are cycled by one key each (all → each value the library has → all), so the table keeps
    the focus and Enter opens the highlighted scenario at any moment; the chips show every filter's
    key and value, and a click on a chip cycles it too."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, or the table's own (hidden) Enter would keep "Choose" out of the footer.
        Binding("enter", "choose", "key.choose", priority=True),
        Binding("0", "clear_filters", "picker.key.clear"),
        # Not in the footer: the chips above the table show these keys with their values.
        *(Binding(key, f"filter_{field}", f"picker.key.{field}", show=False) for field, key in FILTER_KEYS.items()),
        Binding("r", "resume", "picker.key.resume"),
        Binding("x", "forget", "picker.key.forget"),
        Binding("escape", "home", "home.key.home"),  # only with a curriculum's home below: see check_action
    ]

    AUTO_FOCUS = "#scenarios"

    filters: reactive[Filters] = reactive(Filters, init=False)
    """What the table shows; changing it fills the table again."""

    def __init__(self, scenarios: list[Scenario] | None, best: Best, language: str,
                 resume: SessionRow | None = None, *, home: bool = False, own: frozenset[str] = frozenset(),
                 problems: tuple[Problem, ...] = ()) -> None:
        super().__init__()
        self.own = own
        """The ids of one's own scenarios (from one's own folders): marked in the table."""
        self.problems = problems
        """The errors in one's own scenario files (those files are left out): listed under the table."""
        self.home = home
        """A curriculum's home screen is below: Escape goes back to it."""
        self.resumable = resume
        """The trainee's latest session that stopped before its end, offered on `r` (`x` forgets it)."""
        self.scenarios = scenarios or []
        self.reading = scenarios is None
        """True until the app hands over the library (it is read after the first frame)."""
        self.best = best
        """The app's own dict, updated after each session: read afresh whenever the picker is shown."""
        self.language = language

    def compose(self) -> ComposeResult:
        yield Label(tr(self.language, "picker.title"), classes="screen-title")
        yield Static("", id="picker-resume")
        with Horizontal(id="picker-filters"):
            for field, key in FILTER_KEYS.items():
                yield FilterChip(field, key, self.language)
            yield Static("", id="picker-count")
        if not self.reading:
            yield self._table()
        yield Static("", id="picker-teaser")
        yield Static("", id="picker-best")
        yield Static("", id="picker-problems")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self._show_problems()
        self.offer_resume(self.resumable)

    def offer_resume(self, row: SessionRow | None) -> None:
        """Show (or hide) the line offering the stopped session."""
        self.resumable = row
        line = self.query_one("#picker-resume", Static)
        line.display = row is not None
        if row is not None:
            when = row.updated_at[:16].replace("T", " ")
            line.update(verbatim(tr(self.language, "picker.resume", title=row.title or row.scenario, turn=row.turns,
                                    when=when)))
        self.refresh_bindings()

    def action_resume(self) -> None:
        if self.resumable is not None:
            row, self.resumable = self.resumable, None
            webcare_app(self.app).resume(row)

    def action_forget(self) -> None:
        """Ask first: a forgotten session can't be resumed or reviewed (and only the trainee's own is offered)."""
        from trainer.ui.widgets.confirm_dialog import ConfirmDialog

        row = self.resumable
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.resumable is row:
                app = webcare_app(self.app)
                app.discard(row)
                self.offer_resume(app.unfinished[0] if app.unfinished else None)

        question = tr(self.language, "confirm.forget", title=row.title or row.scenario, turn=row.turns)
        self.app.push_screen(ConfirmDialog(question, self.language), answered)

    def on_screen_resume(self) -> None:
        """Back from a briefing or a session: the best scores may have changed."""
        webcare_app(self.app).language = self.language  # the palette and help speak the picker's language again
        self._show()

    def watch_filters(self) -> None:
        self._show()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "Clear filters" only while one is set, and "Choose" only while there is a row."""
        if action == "clear_filters":
            return self.filters.active
        if action == "choose":
            return bool(self.shown)
        if action in ("resume", "forget"):
            return self.resumable is not None
        if action == "home":
            return self.home
        return True

    async def action_home(self) -> None:
        await self.run_action("app.home")

    def _table(self) -> ScenarioTable:
        from trainer.ui.widgets.picker_table import ScenarioTable

        return ScenarioTable(self.language, id="scenarios")

    def _scenario_table(self) -> ScenarioTable | None:
        """The table, once the library is read: the first frame (drawn while it is read) has none, and doesn't
        import its class (a DataTable) to look for it."""
        found = self.query("#scenarios")
        return cast("ScenarioTable", found.first()) if found else None

    def set_scenarios(self, scenarios: list[Scenario], own: frozenset[str] = frozenset(),
                      problems: tuple[Problem, ...] = ()) -> None:
        """The library has been read: show it, and what is wrong in one's own files."""
        self.scenarios, self.reading, self.own, self.problems = scenarios, False, own, problems
        if self.is_mounted:
            self._show_problems()
            if self._scenario_table() is None:
                table = self._table()
                self.mount(table, before="#picker-teaser")
                table.focus()
            self._show()
            self.refresh_bindings()

    @property
    def shown(self) -> list[Scenario]:
        return [s for s in self.scenarios if self.filters.matches(s)]

    def _show(self) -> None:
        shown = self.shown
        table = self._scenario_table()
        if table is not None:
            table.show(shown, self.best, self.own)
        for chip in self.query(FilterChip):
            chip.show(getattr(self.filters, chip.field))
        count = tr(self.language, "picker.count", shown=len(shown), total=len(self.scenarios))
        self.query_one("#picker-count", Static).update(count)
        self._describe(table.highlighted_id if table is not None else None)

    def _show_problems(self) -> None:
        """Each problem in one's own files as `file:line:col: message` with its line and hint; none: hidden."""
        panel = self.query_one("#picker-problems", Static)
        panel.display = bool(self.problems)
        if not self.problems:
            return
        lines = [tr(self.language, "picker.own_problems", n=len(self.problems))]
        lines += [str(problem) for problem in self.problems[:PROBLEMS_SHOWN]]
        if len(self.problems) > PROBLEMS_SHOWN:
            lines.append(tr(self.language, "picker.own_more", n=len(self.problems) - PROBLEMS_SHOWN))
        panel.update(verbatim("\n".join(lines)))

    def _describe(self, scenario_id: str | None) -> None:
        """The teaser and best score of the highlighted scenario, or why the table is empty."""
        teaser = self.query_one("#picker-teaser", Static)
        scenario = self._by_id(scenario_id)
        teaser.set_class(scenario is None, "-empty")
        if scenario is None:
            teaser.update(tr(self.language, "picker.loading" if self.reading else "picker.empty"))
            self.query_one("#picker-best", Static).update("")
            return
        teaser.update(verbatim(scenario.teaser))
        self.query_one("#picker-best", Static).update(best_line(self.best.get(scenario.id), self.language))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The scenario table's cursor moved (the screen's one table, named by handler: no DataTable import)."""
        self._describe(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        scenario = self._by_id(event.row_key.value)
        if scenario is not None:
            webcare_app(self.app).open_briefing(scenario)

    @on(FilterChip.Pressed)
    def _chip_pressed(self, event: FilterChip.Pressed) -> None:
        self.cycle(event.field)

    def cycle(self, field: str) -> None:
        self.filters = self.filters.cycled(field, choices(self.scenarios, field))

    def action_filter_language(self) -> None:
        self.cycle("language")

    def action_filter_channel(self) -> None:
        self.cycle("channel")

    def action_filter_difficulty(self) -> None:
        self.cycle("difficulty")

    def action_filter_audience(self) -> None:
        self.cycle("audience")

    def action_clear_filters(self) -> None:
        self.filters = Filters()

    def action_choose(self) -> None:
        table = self._scenario_table()
        if table is not None:
            table.action_select_cursor()

    def _by_id(self, scenario_id: str | None) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)
