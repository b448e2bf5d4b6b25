"""The coach's list of sessions: filter by trainee, scenario, outcome and period; sort; open; compare; export."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, ProgressBar, Static

from trainer.scenario.kinds import TRADES
from trainer.store import SessionRow, Store, StoreError
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.review_dialogs import ExportDialog, export_stem
from trainer.ui.widgets.review_table import COLUMNS, SORT_BY, SessionTable

FIELDS = ("trainee", "scenario", "outcome", "period")
PERIODS = {"today": 1, "week": 7, "month": 30}


@dataclass(frozen=True)
class Filters:
    trainee: str | None = None
    scenario: str | None = None
    outcome: str | None = None
    period: str | None = None

    @property
    def active(self) -> bool:
        return any(getattr(self, f) for f in FIELDS)

    def since(self) -> str | None:
        if not self.period:
            return None
        start = datetime.now(UTC) - timedelta(days=PERIODS[self.period])
        return start.isoformat(timespec="seconds").replace("+00:00", "Z")


class SessionsScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "review.key.open"),
        Binding("space", "mark", "review.key.mark"),
        Binding("c", "compare", "review.key.compare"),
        Binding("s", "sort", "review.key.sort"),
        Binding("r", "reverse", "review.key.reverse"),
        Binding("e", "export", "review.key.export"),
        Binding("x", "export_all", "review.key.export_all"),
        Binding("g", "app.open_cohort", "review.key.cohort"),
        Binding("0", "clear_filters", "review.key.clear"),
        *(Binding(str(i + 1), f"filter('{f}')", "") for i, f in enumerate(FIELDS)),
    ]

    AUTO_FOCUS = "#sessions"

    def __init__(self, store: Store, coach: str, language: str) -> None:
        super().__init__()
        self.store = store
        self.coach = coach
        self.language = language
        self.filters = Filters()
        self.sort = "started"
        self.descending = True
        self.marked: list[str] = []
        self.rows: list[SessionRow] = []
        self.everything: list[SessionRow] = []

    def compose(self) -> ComposeResult:
        yield Label(tr(self.language, "review.title"), classes="screen-title")
        with Horizontal(id="review-filters"):
            for field in FIELDS:
                yield Static("", id=f"chip-{field}", classes="review-chip")
            yield Static("", id="review-count")
        yield SessionTable(self.language, id="sessions")
        yield Static("", id="review-status")
        yield ProgressBar(id="review-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-progress").display = False
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()  # notes and overrides may have changed

    def reload(self) -> None:
        from trainer.ui.review_app import store_said

        f = self.filters
        with store_said(self, self.language):
            unfinished = f.outcome == "—"
            rows = self.store.sessions(trainee=f.trainee, scenario=f.scenario,
                                       outcome=None if unfinished else f.outcome,
                                       finished=False if unfinished else None, since=f.since(),
                                       order=SORT_BY[self.sort], descending=self.descending)
            self.everything, self.rows, overridden = self.store.sessions(), rows, self.store.overridden()
            self.query_one(SessionTable).show(self.rows, self.marked, overridden)
        t = self.language
        for field in FIELDS:
            value = getattr(f, field)
            shown = tr(t, f"review.period.{value}") if field == "period" and value else value or tr(t, "review.all")
            chip = self.query_one(f"#chip-{field}", Static)
            chip.update(verbatim(f"{FIELDS.index(field) + 1} {tr(t, f'review.filter.{field}')}: {shown}"))
            chip.set_class(bool(value), "-active")
        self.query_one("#review-count", Static).update(
            tr(t, "review.count", shown=len(self.rows), total=len(self.everything)))
        arrow = " ↓" if self.descending else " ↑"
        status = tr(t, "review.sort", column=tr(t, f"review.column.{self.sort}"), direction=arrow)
        if not self.everything:
            status = tr(t, "review.empty")
        elif not self.rows:
            status = tr(t, "review.none_match")
        self.query_one("#review-status", Static).update(status)

    # -- filters and sorting -------------------------------------------------------------------

    def action_filter(self, field: str) -> None:
        if field == "period":
            values: list[str | None] = [None, *PERIODS]
        else:
            seen = {getattr(r, field) or "—" for r in self.everything}
            values = [None, *sorted(seen)]
        now = getattr(self.filters, field)
        following = values[(values.index(now) + 1) % len(values)] if now in values else None
        self.filters = replace(self.filters, **{field: following})
        self.reload()

    def action_clear_filters(self) -> None:
        self.filters = Filters()
        self.reload()

    def action_sort(self) -> None:
        self.sort = COLUMNS[(COLUMNS.index(self.sort) + 1) % len(COLUMNS)]
        self.descending = self.sort in ("started", "turns", *TRADES)
        self.reload()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.reload()

    @on(DataTable.HeaderSelected, "#sessions")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key is not None and key in SORT_BY:
            self.descending = not self.descending if key == self.sort else True
            self.sort = key
            self.reload()

    # -- opening, comparing, exporting -----------------------------------------------------------

    @on(DataTable.RowSelected, "#sessions")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open(self) -> None:
        self._open(self.query_one(SessionTable).highlighted_id)

    def _open(self, session_id: str | None) -> None:
        from trainer.ui.review_app import store_said
        from trainer.ui.screens.review_session import SessionScreen

        if session_id:
            with store_said(self, self.language):
                self.app.push_screen(SessionScreen(self.store, session_id, self.coach, self.language))

    def action_mark(self) -> None:
        chosen = self.query_one(SessionTable).highlighted_id
        if not chosen:
            return
        if chosen in self.marked:
            self.marked.remove(chosen)
        else:
            self.marked = [*self.marked, chosen][-2:]
        self.notify(tr(self.language, "review.marked", n=len(self.marked)))
        self.reload()

    def action_compare(self) -> None:
        from trainer.ui.screens.review_compare import AttemptsScreen

        if len(self.marked) != 2:
            self.notify(tr(self.language, "review.compare_two"), severity="warning")
            return
        from trainer.ui.review_app import say_store_error

        try:
            first, second = (self.store.load(i) for i in self.marked)
        except StoreError as exc:
            say_store_error(self, self.language, exc)
            return
        if first.row.scenario != second.row.scenario:
            self.notify(tr(self.language, "review.compare_same"), severity="warning")
            return
        self.app.push_screen(AttemptsScreen(first, second, self.language))

    def action_export(self) -> None:
        chosen = self.query_one(SessionTable).highlighted_id
        if not chosen:
            return
        row = next(r for r in self.rows if r.id == chosen)

        def export(choice: tuple | None) -> None:
            if choice:
                from trainer.ui.review_app import store_said
                from trainer.ui.screens.review_session import write_export

                with store_said(self, self.language):
                    write_export(self, self.language, self.store.load(chosen), *choice)

        self.app.push_screen(ExportDialog(("html", "markdown", "json"), export_stem(row), self.language), export)

    def action_export_all(self) -> None:
        if not self.rows:
            return

        def export(choice: tuple | None) -> None:
            if choice:
                self.export_cohort(list(self.rows), *choice)

        stem = "cohort-" + datetime.now(UTC).strftime("%Y-%m-%d")
        self.app.push_screen(ExportDialog(("csv", "json", "html"), stem, self.language), export)

    @work(thread=True, exclusive=True, group="export")
    def export_cohort(self, rows: list[SessionRow], kind: str, path) -> None:
        """Write the shown sessions to one file, with a progress bar: a class can be large."""
        from trainer.review.cohort import write_cohort

        bar = self.query_one("#review-progress", ProgressBar)
        self.app.call_from_thread(setattr, bar, "display", True)
        self.app.call_from_thread(bar.update, total=len(rows), progress=0)
        try:
            write_cohort(self.store, rows, kind, path,
                         progress=lambda n: self.app.call_from_thread(bar.update, progress=n))
        except OSError as exc:
            self.app.call_from_thread(self.notify, tr(self.language, "review.export_failed", path=path,
                                                      error=exc.strerror or exc), severity="error")
        except StoreError as exc:
            self.app.call_from_thread(self.notify, tr(self.language, "store.failed", reason=exc), severity="error",
                                      markup=False)
        else:
            self.app.call_from_thread(self.notify, tr(self.language, "review.export_done", path=path))
        finally:
            self.app.call_from_thread(setattr, bar, "display", False)
