"""Games that last: each turn committed to the store as it is played, and a stopped game resumed.

Resuming replays the trainee's moves at their recorded times and her recorded lines, so
the game is exactly where it stopped, whoever wrote her lines.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from trainer.customers import Customer, ScriptedCustomer
from trainer.customers.replay import ReplayCustomer
from trainer.engine.clock import Clock, real_clock
from trainer.engine.events import CustomerMessage
from trainer.game import Game, rewind
from trainer.scenario.models import Scenario
from trainer.store import Store, StoreError
from trainer.store.errors import StoreUnavailable

PAUSE_S = 30.0
"""After an attempt that had to wait for the database (it didn't answer), how long turns are only kept in
memory before the next attempt: one wait, said once, instead of a wait on every turn."""
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
    """One game's place in the store; `save` after every move commits what is new.

    When the database is away for a while (a dropped connection that can't be made again, no
    answer in time) the game goes on: the turns not yet stored stay in memory (they are the game's
    own events) and are written at a later save, or at the finish, once it is back."""

    store: Store
    session_id: str | None
    """None while the database was away at the start: the session's row is written with the first turns."""
    stored: int = 0
    problem: str | None = field(default=None)
    """Why saving stopped for good, when it did (the game goes on; the trainee is told once)."""
    away: str | None = None
    """Why the database is away for now; the events after `stored` wait in memory."""
    start: dict[str, Any] = field(default_factory=dict)
    """What `Store.begin` needs, while `session_id` is None."""
    _news: list[News] = field(default_factory=list)
    _pause_until: float = 0.0

    def save(self, game: Game, *, now: bool = False) -> None:
        """Commit what is new; while the database is away, try again unless paused (`now`: always try)."""
        if self.problem or (self.away and not now and time.monotonic() < self._pause_until):
            return
        began = time.monotonic()
        before = self.stored
        try:
            if self.session_id is None:
                self.session_id = self.store.begin(**self.start)
            self.stored = self.store.record(self.session_id, game.session.events, self.stored)
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
            self._news.append(News("back", turns=_turns(game.session.events[before:self.stored])))

    def finish(self, game: Game, scorecard: dict[str, Any]) -> None:
        self.save(game, now=True)
        if self.problem:
            return
        if self.away:
            self._news.append(News("unsaved", self.away, _turns(game.session.events[self.stored:])))
            return
        try:
            self.store.finish(self.session_id, scorecard)
            summary = getattr(game.customer, "summary", None)  # a live customer: what it cost, how it went
            if summary is not None:
                self.store.amend_manifest(self.session_id, summary())
        except StoreError as exc:
            self.problem = str(exc)
            self._news.append(News("unsaved", self.problem))

    def take_news(self) -> News | None:
        """What to tell the trainee since the last call (the oldest first), once."""
        return self._news.pop(0) if self._news else None


def _turns(events) -> int:
    return len({e.turn for e in events})


def _story(event) -> dict[str, Any]:
    """An event without its clock readings: a replay lands within milliseconds, not on the same instant."""
    data = event.to_dict()
    data.pop("at", None)
    data.pop("response_seconds", None)
    return data


def begin(store: Store, game: Game, *, trainee: str, manifest: dict[str, Any] | None = None) -> SavedGame:
    """The game's record in the store; a database away for now is said once and the record written later."""
    s = game.session
    start = {"trainee": trainee, "scenario": s.scenario, "seed": s.seed, "mode": s.mode,
             "manifest": {"customer": type(game.customer).__name__, **_how_played(game), **(manifest or {})}}
    saved = SavedGame(store, None, start=start)
    saved.save(game)
    return saved


def _how_played(game: Game) -> dict[str, Any]:
    """A live customer's model, endpoint host, temperature, seed and prompt version (never the key)."""
    out: dict[str, Any] = {}
    manifest = getattr(game.customer, "manifest", None)
    if manifest is not None:
        out.update(manifest())
    if game.recogniser is not None and hasattr(game.recogniser, "manifest"):
        out["llm_intents"] = game.recogniser.manifest()
    return out


def resume(store: Store, session_id: str, scenario: Scenario, *, clock: Clock = real_clock,
           customer: Customer | None = None) -> tuple[Game, SavedGame]:
    """The stopped game, replayed to where it stopped, and its place in the store to go on saving.

    Its lease is taken first: a session another game is playing now is refused (SessionHeld)."""
    store.take(session_id)
    try:
        return _replayed(store, session_id, scenario, clock, customer)
    except BaseException:
        try:
            store.release(session_id)
        except StoreError:
            pass  # it runs out by itself
        raise


def _replayed(store: Store, session_id: str, scenario: Scenario, clock: Clock,
              customer: Customer | None) -> tuple[Game, SavedGame]:
    stored = store.load(session_id)
    row = stored.row
    said = [e.text for e in stored.events if isinstance(e, CustomerMessage)]
    live = customer or ScriptedCustomer(scenario, row.seed)
    game = rewind(scenario, stored.events, before_turn=10**9, seed=row.seed, mode=row.mode, live=clock,
                  customer=ReplayCustomer(said, then=live))
    game.customer = live
    replayed = game.session.events
    if [_story(e) for e in replayed[: len(stored.events)]] != [_story(e) for e in stored.events]:
        # The scenario changed since: keep the old record as it was, go on in a new one.
        store.abandon(session_id)
        return game, begin(store, game, trainee=row.trainee, manifest={"resumed_from": session_id})
    game.session.events[: len(stored.events)] = stored.events  # the record's own times, to the millisecond
    return game, SavedGame(store, session_id, stored=len(stored.events))
