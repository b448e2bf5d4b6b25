"""The coach's view of a class in a curriculum: who is where and stuck for how long, the criteria the whole class
fails most, and an opt-in leaderboard per module."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from trainer.campaign.cohort import Cohort, read_cohort
from trainer.campaign.models import Curriculum
from trainer.scenario.kinds import TRADES, Trade
from trainer.store import Store
from trainer.texts import tr
from trainer.ui.colours import BAD, follow_theme, themed
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.score_bar import score_style, trade_name

SHOWN_CRITERIA = 8


def fdp(scores: dict[Trade, int | None]) -> str:
    return "/".join("–" if scores.get(t) is None else str(scores[t]) for t in TRADES)


class CohortScreen(KeysInLanguage, Screen):
    """Read-only; `m` shows the next module's leaderboard."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "review.key.back"),
        Binding("m", "next_module", "cohort.key.module"),
    ]

    AUTO_FOCUS = "#cohort-trainees"

    def __init__(self, store: Store, curriculum: Curriculum, language: str, now: datetime) -> None:
        super().__init__()
        self.store = store
        self.curriculum = curriculum
        self.language = language
        self.now = now
        self.module_index = 0
        self.cohort: Cohort | None = None

    def compose(self) -> ComposeResult:
        t = self.language
        yield Label(verbatim(tr(t, "cohort.title", title=self.curriculum.title)), classes="screen-title")
        with VerticalScroll(id="cohort"):
            yield Label(tr(t, "cohort.trainees"), classes="side-title")
            yield DataTable(id="cohort-trainees", cursor_type="row", zebra_stripes=True)
            yield Static("", id="cohort-status")
            yield Label(tr(t, "cohort.fails"), classes="side-title")
            yield DataTable(id="cohort-criteria", cursor_type="none", zebra_stripes=True)
            yield Label("", id="cohort-board-title", classes="side-title")
            yield DataTable(id="cohort-board", cursor_type="none")
            yield Static("", id="cohort-board-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        t = self.language
        self.query_one("#cohort-trainees", DataTable).add_columns(
            *(tr(t, f"cohort.column.{c}") for c in ("trainee", "current", "passed", "stuck", "last")))
        self.query_one("#cohort-criteria", DataTable).add_columns(
            *(tr(t, f"cohort.column.{c}") for c in ("trade", "criterion", "average", "sessions")))
        self.query_one("#cohort-board", DataTable).add_columns(
            *(tr(t, f"cohort.column.{c}") for c in ("rank", "trainee", "total")))
        self.reload()
        follow_theme(self, self.reload)  # the tables are drawn by Rich, in the colours of the theme they were filled in

    def reload(self) -> None:
        from trainer.store import StoreError
        from trainer.ui.review_app import say_store_error

        t, variables = self.language, self.app.theme_variables
        try:
            self.cohort = cohort = read_cohort(self.store, self.curriculum, self.now)
        except StoreError as exc:  # the database stays away: said, and the screen shows what it showed
            say_store_error(self, t, exc)
            return
        trainees = self.query_one("#cohort-trainees", DataTable)
        trainees.clear()
        total = len(self.curriculum.modules)
        for line in cohort.trainees:
            stuck = tr(t, "cohort.done") if line.stuck_days is None else tr(t, "cohort.days", n=line.stuck_days)
            style = themed(f"bold {BAD}", variables) if (line.stuck_days or 0) >= 7 else ""
            trainees.add_row(verbatim(line.trainee), verbatim(line.current or "—"), f"{line.passed}/{total}",
                             Text(stuck, style=style), verbatim((line.last_played or "")[:10]), key=line.trainee)
        self.query_one("#cohort-status", Static).update(tr(t, "cohort.empty") if not cohort.trainees else "")
        criteria = self.query_one("#cohort-criteria", DataTable)
        criteria.clear()
        for c in cohort.criteria[:SHOWN_CRITERIA]:
            criteria.add_row(verbatim(trade_name(c.trade, t)), verbatim(c.title),
                             Text(str(c.average), style=themed(f"bold {score_style(c.average)}", variables)),
                             str(c.sessions), key=f"{c.trade}.{c.criterion}")
        self._show_board()

    def _show_board(self) -> None:
        t = self.language
        module = self.curriculum.modules[self.module_index]
        self.query_one("#cohort-board-title", Label).update(verbatim(tr(t, "cohort.board", module=module.title)))
        from trainer.store import StoreError
        from trainer.ui.review_app import say_store_error

        try:
            opted = self.store.leaderboard_opt_ins(self.curriculum.id)
        except StoreError as exc:
            say_store_error(self, t, exc)
            return
        ranked = self.cohort.leaderboard(module.id, opted) if self.cohort else []
        board = self.query_one("#cohort-board", DataTable)
        board.clear()
        for rank, (trainee, best) in enumerate(ranked, 1):
            board.add_row(str(rank), verbatim(trainee), fdp(best), key=trainee)
        board.display = bool(ranked)
        empty = self.query_one("#cohort-board-empty", Static)
        empty.display = not ranked
        empty.update(tr(t, "cohort.board_empty"))

    def action_next_module(self) -> None:
        self.module_index = (self.module_index + 1) % len(self.curriculum.modules)
        self._show_board()
