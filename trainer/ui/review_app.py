"""`webcare review`: the coach's app — browse sessions, read them annotated, note, override, compare, export."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from trainer.errors import TrainerError
from trainer.store import Store, StoreError
from trainer.texts import tr
from trainer.ui.app_settings import SavedSettings
from trainer.ui.verbatim import Notices


@contextmanager
def store_said(where, language: str) -> Iterator[None]:
    """A store error inside (the database away, a failed statement) is said in one line; the screen stays.

    A dropped connection is made again by the store itself; this is for a database that stays away."""
    try:
        yield
    except StoreError as exc:
        say_store_error(where, language, exc)


def say_store_error(where, language: str, exc: StoreError) -> None:
    where.notify(tr(language, "store.failed", reason=exc), severity="error", timeout=10, markup=False)


def _review_commands():
    from trainer.ui.review_commands import ReviewCommands

    return ReviewCommands


class ReviewApp(SavedSettings, Notices, App[None]):
    CSS_PATH = "review.tcss"
    TITLE = "Webcare Trainer — review"
    COMMANDS = App.COMMANDS | {_review_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit"),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
    ]

    def __init__(self, store: Store, coach: str, language: str = "en", *, curriculum: str | None = None,
                 now: Callable[[], datetime] | None = None, config: Path | None = None) -> None:
        super().__init__()
        self.read_settings_file(config)  # [ui]: the theme picked last time (the coach's language is --lang's)
        self.store = store
        self.coach = coach
        self.language = language
        self.curriculum = curriculum
        """The curriculum of the cohort view (`--curriculum`); None: the first one the stored sessions play."""
        self.now = now
        """Today (UTC), for "stuck for"; None: the real time (tests fix it)."""

    def on_mount(self) -> None:
        from trainer.ui.screens.review_sessions import SessionsScreen

        self.restore_settings(None)
        self.push_screen(SessionsScreen(self.store, self.coach, self.language))
        if self.curriculum:
            self.action_open_cohort()

    def action_help(self) -> None:
        """The coach's help over any review screen or dialog: what it is for, and its keys."""
        from trainer.ui.screens.help import HelpScreen
        from trainer.ui.screens.review_help import ReviewHelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(ReviewHelpScreen(self.language))

    def action_open_cohort(self) -> None:
        """The class's progress in the curriculum (`g` on the sessions list)."""
        from trainer.campaign.attempts import utc_now
        from trainer.ui.screens.review_cohort import CohortScreen

        try:
            curriculum = self._curriculum()
        except TrainerError as exc:
            self.notify(str(exc), severity="error")
            return
        if curriculum is None:
            self.notify(tr(self.language, "cohort.no_curriculum"), severity="warning")
            return
        self.push_screen(CohortScreen(self.store, curriculum, self.language, (self.now or utc_now)()))

    def _curriculum(self):
        from trainer.campaign.library import find_curriculum, load_curricula

        if self.curriculum:
            return find_curriculum(self.curriculum)
        rows = self.store.sessions()
        curricula = load_curricula().curricula
        tagged = [c for c in curricula if any(r.curriculum == c.id for r in rows)]
        played = {r.scenario for r in rows}
        return next(iter(tagged), None) or next((c for c in curricula if played & set(c.scenario_ids)), None)
