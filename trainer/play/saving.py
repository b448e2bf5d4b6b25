"""A round that lasts: each turn committed to the store as it is played; what changed about saving, said once.

When the database is away for a while the round goes on: the turns not yet stored stay in memory
(they are the session's own events) and are written at a later save, or at the finish, once it is back.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trainer.engine.events import Event
from trainer.store import Store, StoreError
from trainer.store.errors import StoreUnavailable

if TYPE_CHECKING:
    from scoring import Scorecard

PAUSE_S = 30.0
"""After an attempt that had to wait for the database (it didn't answer), how long turns are only kept in
memory before the next attempt: one wait, said once, instead of a wait on every turn."""
DRAFT = "draft"
"""The manifest's field for what was typed and not sent when the game was quit."""
SLOW_S = 0.5
"""An attempt that took longer had to wait for the database (not refused at once): PAUSE_S follows."""


@dataclass(frozen=True, slots=True)
class News:
    """What changed about saving, for the game to say in one line."""

    kind: str
    """`away` (kept in memory from now), `back` (kept turns written), `stopped` (for good) or `unsaved`
    (the game ended with the database still away)."""
    reason: str = ""
    turns: int = 0

    @property
    def key(self) -> str:
        """Which text says it: `away`, `back`, `not_saving`, `unsaved` or `unsaved_end` (only the scorecard)."""
        if self.kind == "stopped":
            return "not_saving"
        return "unsaved_end" if self.kind == "unsaved" and not self.turns else self.kind


@dataclass
class SavedGame:
    """One round's place in the store; `save` after every move commits what is new."""

    store: Store
    session_id: str | None
    """None while the database was away at the start: the session's row is written with the first turns."""
    stored: int = 0
    problem: str | None = field(default=None)
    """Why saving stopped for good, when it did (the round goes on; the trainee is told once)."""
    away: str | None = None
    """Why the database is away for now; the events after `stored` wait in memory."""
    start: dict[str, Any] = field(default_factory=dict)
    """What `Store.begin` needs, while `session_id` is None."""
    _news: list[News] = field(default_factory=list)
    _pause_until: float = 0.0

    def save(self, events: Sequence[Event], *, now: bool = False) -> None:
        """Commit what is new; while the database is away, try again unless paused (`now`: always try)."""
        if self.problem or (self.away and not now and time.monotonic() < self._pause_until):
            return
        began = time.monotonic()
        before = self.stored
        try:
            if self.session_id is None:
                self.session_id = self.store.begin(**self.start)
            self.stored = self.store.record(self.session_id, events, self.stored)
        except StoreUnavailable as exc:
            if time.monotonic() - began > SLOW_S:
                self._pause_until = time.monotonic() + PAUSE_S
            if self.away is None:
                self.away = str(exc)
                self._news.append(News("away", self.away))
            return
        except StoreError as exc:
            self.problem = str(exc)
            self._news.append(News("stopped", self.problem))
            return
        if self.away is not None:
            self.away = None
            self._news.append(News("back", turns=_turns(events[before:self.stored])))

    def finish(self, events: Sequence[Event], scorecard: Scorecard, summary: dict[str, Any]) -> None:
        """The last turns and the scorecard; `summary` (a live customer's cost and fallbacks) joins the manifest."""
        self.save(events, now=True)
        if self.problem:
            return
        if self.away:
            self._news.append(News("unsaved", self.away, _turns(events[self.stored:])))
            return
        assert self.session_id is not None  # begun by the save above, or it would be away or stopped
        try:
            self.store.finish(self.session_id, scorecard)
            if summary:
                self.store.amend_manifest(self.session_id, summary)
        except StoreError as exc:
            self.problem = str(exc)
            self._news.append(News("unsaved", self.problem))

    def keep_draft(self, text: str) -> None:
        """What the trainee had typed and not sent, kept with the session (a quit); quietly not, when it can't be."""
        if self.session_id is None or self.problem or self.away:
            return
        try:
            self.store.amend_manifest(self.session_id, {DRAFT: text})
        except StoreError:
            pass  # quitting all the same: a draft is no turn

    def draft(self) -> str:
        """The draft kept with the session when it was quit ("" when none, or when the store can't say)."""
        if self.session_id is None:
            return ""
        try:
            kept = self.store.load(self.session_id).manifest.get(DRAFT)
        except StoreError:
            return ""
        return kept if isinstance(kept, str) else ""

    def take_news(self) -> News | None:
        """What to tell the trainee since the last call (the oldest first), once."""
        return self._news.pop(0) if self._news else None


def _turns(events: Sequence[Event]) -> int:
    return len({e.turn for e in events})


def story(event: Event) -> dict[str, Any]:
    """An event without its clock readings: a replay lands within milliseconds, not on the same instant."""
    data = event.to_dict()
    data.pop("at", None)
    data.pop("response_seconds", None)
    return data
