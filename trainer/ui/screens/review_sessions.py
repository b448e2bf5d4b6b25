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
from textual.widgets import Label, ProgressBar, Static

from trainer.scenario.kinds import TRADES
from trainer.store import SessionRow, Store, StoreError
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.review_dialogs import ExportDialog, export_stem, open_dialog
from trainer.ui.widgets.review_table import COLUMNS, SORT_BY, SessionTable

FIELDS = ("trainee", "scenario", "outcome", "period")
POLL_S = 3.0
"""How often the list is read again while on screen: a class's sessions appear as they are played."""
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


@dataclass(frozen=True)
class Listing:
    """One read of the list: what was asked (filters, order, direction), and what the store answered."""

    asked: tuple[Filters, str, bool]
    stamp: tuple
    """The store's change stamp when it was read (`Store.list_stamp`)."""
    rows: list[SessionRow]
    everything: list[SessionRow]
    overridden: dict[str, dict[str, int]]


class SessionsScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "review.key.open", priority=True),
        Binding("space", "mark", "review.key.mark"),
        Binding("c", "compare", "review.key.compare"),
        Binding("s", "sort", "review.key.sort"),
        Binding("r", "reverse", "review.key.reverse"),
        Binding("e", "export", "review.key.export", priority=True),
        Binding("x", "export_all", "review.key.export_all", priority=True),
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
        self.from_dialog = False
        """Set when a dialog opens over the list: closing it changes no session, so the list is not read again."""
        self.stamp: tuple | None = None
        """The store's change stamp of the rows shown: a poll that finds it unchanged reads nothing more."""
        self.poll_said = False
        """The background read's store error was said; said again only after a read worked."""

    def compose(self) -> ComposeResult:
        yield Label(tr(self.language, "review.title"), classes="screen-title")
        with Horizontal(id="review-filters"):
            for field in FIELDS:
                yield Static("", id=f"chip-{field}", classes="review-chip")
            yield Static("", id="review-count")
        yield SessionTable(self.language, id="sessions")
        yield Static("", id="review-status")
        yield ProgressBar(id="review-progress", show_eta=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review-progress").display = False
        self.reload()
        self.set_interval(POLL_S, self.poll, name="poll sessions")

    def on_screen_resume(self) -> None:
        if self.from_dialog:
            self.from_dialog = False
        else:
            self.reload()  # back from a session or the class: notes and overrides may have changed

    def read(self) -> Listing:
        """The shown sessions, all of them (for the count and the filters' values) and the coach's overrides: four
        light queries at most, whatever the class's size (no event logs, no scorecards). Safe in a thread."""
        f, order, descending = self.filters, SORT_BY[self.sort], self.descending
        stamp = self.store.list_stamp()
        unfinished = f.outcome == "—"
        rows = self.store.sessions(trainee=f.trainee, scenario=f.scenario, outcome=None if unfinished else f.outcome,
                                   finished=False if unfinished else None, since=f.since(), order=order,
                                   descending=descending)
        everything = self.store.sessions() if f.active else rows
        return Listing((f, order, descending), stamp, rows, everything, self.store.overridden())

    def reload(self) -> None:
        """Read the list now (a filter or the sort changed); the database away: said, and the list stays."""
        from trainer.ui.review_app import store_said

        with store_said(self, self.language):
            self.apply(self.read())
        self.show_chips()

    def poll(self) -> None:
        """Every few seconds, while the list is on screen: sessions that arrived or changed appear."""
        if self.is_current and not self.workers_busy("poll"):
            self.read_in_background()

    def workers_busy(self, group: str) -> bool:
        return any(w.group == group and not w.is_finished for w in self.workers)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def read_in_background(self) -> None:
        try:
            if self.store.list_stamp() == self.stamp:
                return  # nothing new: one small query, and the list is not touched
            listing = self.read()
        except StoreError as exc:
            self.app.call_from_thread(self.poll_failed, exc)
            return
        self.app.call_from_thread(self.apply, listing)

    def poll_failed(self, exc: StoreError) -> None:
        """Said once while the database stays away; the list shows what it showed."""
        from trainer.ui.review_app import say_store_error

        if not self.poll_said:
            self.poll_said = True
            say_store_error(self, self.language, exc)

    def apply(self, listing: Listing) -> None:
        """Show a listing read for the filters and sort still chosen (one read before a change is dropped); the
        cursor stays on its session, and unchanged rows are not redrawn."""
        if listing.asked != (self.filters, SORT_BY[self.sort], self.descending):
            return
        self.poll_said = False
        self.stamp = listing.stamp
        self.rows, self.everything = listing.rows, listing.everything
        self.query_one(SessionTable).show(self.rows, self.marked, listing.overridden)
        t = self.language
        self.query_one("#review-count", Static).update(
            tr(t, "review.count", shown=len(self.rows), total=len(self.everything)))
        self.show_status()

    def show_chips(self) -> None:
        t, f = self.language, self.filters
        for field in FIELDS:
            value = getattr(f, field)
            shown = tr(t, f"review.period.{value}") if field == "period" and value else value or tr(t, "review.all")
            chip = self.query_one(f"#chip-{field}", Static)
            chip.update(verbatim(f"{FIELDS.index(field) + 1} {tr(t, f'review.filter.{field}')}: {shown}"))
            chip.set_class(bool(value), "-active")
        self.show_status()

    def show_status(self) -> None:
        t = self.language
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

    @on(SessionTable.HeaderClicked, "#sessions")
    def _header(self, event: SessionTable.HeaderClicked) -> None:
        key = event.column
        if key in SORT_BY:
            self.descending = not self.descending if key == self.sort else True
            self.sort = key
            self.reload()

    # -- opening, comparing, exporting -----------------------------------------------------------

    @on(SessionTable.Chosen, "#sessions")
    async def _selected(self, event: SessionTable.Chosen) -> None:
        await self._open(event.session_id)

    async def action_open(self) -> None:
        """Open the session under the cursor; what is typed next goes to it (a priority key, awaited)."""
        await self._open(self.query_one(SessionTable).highlighted_id)

    async def _open(self, session_id: str | None) -> None:
        from trainer.ui.review_app import store_said
        from trainer.ui.screens.review_session import SessionScreen

        screen = None
        if session_id:
            with store_said(self, self.language):  # the database away: said, and the list stays
                screen = SessionScreen(self.store, session_id, self.coach, self.language)
        if screen is not None:
            await self.app.push_screen(screen)

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

    async def action_export(self) -> None:
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

        self.from_dialog = True
        await open_dialog(self, ExportDialog(("html", "markdown", "json"), export_stem(row), self.language), export)

    async def action_export_all(self) -> None:
        if not self.rows:
            return

        def export(choice: tuple | None) -> None:
            if choice:
                self.export_cohort(list(self.rows), *choice)

        stem = "cohort-" + datetime.now(UTC).strftime("%Y-%m-%d")
        self.from_dialog = True
        await open_dialog(self, ExportDialog(("csv", "json", "html"), stem, self.language), export)

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
