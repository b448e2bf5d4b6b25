"""Games that last: each turn committed to the store as it is played, and a stopped game resumed.

Resuming replays the trainee's moves at their recorded times and her recorded lines, so
the game is exactly where it stopped, whoever wrote her lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.customers import Customer, ScriptedCustomer
from trainer.customers.replay import ReplayCustomer
from trainer.engine.clock import Clock, real_clock
from trainer.engine.events import CustomerMessage
from trainer.game import Game, rewind
from trainer.scenario.models import Scenario
from trainer.store import Store, StoreError


@dataclass
class SavedGame:
    """One game's place in the store; `save` after every move commits what is new."""

    store: Store
    session_id: str
    stored: int = 0
    problem: str | None = field(default=None)
    """Why saving stopped, when it did (the game goes on; the trainee is told once)."""

    def save(self, game: Game) -> None:
        if self.problem:
            return
        try:
            self.stored = self.store.record(self.session_id, game.session.events, self.stored)
        except StoreError as exc:
            self.problem = str(exc)

    def finish(self, game: Game, scorecard: dict[str, Any]) -> None:
        self.save(game)
        if not self.problem:
            try:
                self.store.finish(self.session_id, scorecard)
                summary = getattr(game.customer, "summary", None)  # a live customer: what it cost, how it went
                if summary is not None:
                    self.store.amend_manifest(self.session_id, summary())
            except StoreError as exc:
                self.problem = str(exc)


def _story(event) -> dict[str, Any]:
    """An event without its clock readings: a replay lands within milliseconds, not on the same instant."""
    data = event.to_dict()
    data.pop("at", None)
    data.pop("response_seconds", None)
    return data


def begin(store: Store, game: Game, *, trainee: str, manifest: dict[str, Any] | None = None) -> SavedGame:
    s = game.session
    session_id = store.begin(trainee=trainee, scenario=s.scenario, seed=s.seed, mode=s.mode,
                             manifest={"customer": type(game.customer).__name__, **_how_played(game), **(manifest or {})})
    saved = SavedGame(store, session_id)
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
