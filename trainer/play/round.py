"""A round being played: one session's whole life, whichever front end shows it.

The full-screen game, plain play, playthroughs, `webcare test`, `passk` and the replays all drive a
`Round`: it starts (fresh, part-way, resumed or rewound), plays a move and commits it before it
returns, has the customer answer (written or streamed, the script standing in when that fails: see
`Reply`), and finishes with the scorecard saved. The front ends show its events and forward input;
they decide nothing. Scoring and the store load only when a round needs them (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from trainer.customers import Customer, ScriptedCustomer
from trainer.engine.clock import Clock, ReplayClock, real_clock
from trainer.engine.events import CustomerMessage, Event
from trainer.engine.intents import Reads, Recogniser
from trainer.engine.moves import Move, Say
from trainer.engine.session import Session
from trainer.engine.start import StartAt
from trainer.play.replay import moves_of, started_at
from trainer.play.reply import Reply
from trainer.scenario.models import Scenario

if TYPE_CHECKING:
    from scoring import Scorecard
    from trainer.play.saving import News, SavedGame
    from trainer.store import Store


@dataclass(frozen=True)
class Finished:
    """What a round ends with: the scorecard (saved, if the round was kept) and what a live customer cost."""

    card: Scorecard
    cost: str | None = None


class Round:
    """One trainee against one scenario and its customer, from the first line to the scorecard."""

    def __init__(
        self, scenario: Scenario, *, seed: int = 0, clock: Clock = real_clock, mode: str = "practice",
        customer: Customer | None = None, recogniser: Reads | None = None, start: StartAt | None = None,
    ) -> None:
        """`recogniser` reads the trainee's intents (default: the scenario's patterns); `start` opens it part-way."""
        self.reader: Reads = recogniser or Recogniser(scenario.intents, scenario.language)
        self.session = Session(scenario, seed=seed, clock=clock, mode=mode, recogniser=self.reader, start=start)
        self.reader.attach(self.session.events)
        self.customer = customer or ScriptedCustomer(scenario, seed)
        self.saved: SavedGame | None = None
        """Its record in the store, when kept: every move is committed before it is shown."""
        self.rewound_from: Round | None = None
        """For a what-if replay: the round it branched from, to compare scorecards."""
        self.resumed = False
        """Picked up where a stopped session was (`Round.resume`): its log is there already."""
        self._fell_back: str | None = None

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @property
    def customer(self) -> Customer:
        return self._customer

    @customer.setter
    def customer(self, customer: Customer) -> None:
        """A customer that reads the conversation (a model's prompt quotes it) is shown the session's log."""
        self._customer = customer
        customer.attach(self.session.events)

    # -- playing ---------------------------------------------------------------------------------

    def opening(self) -> list[Event]:
        """The customer's first line."""
        return self.answer()

    def play(self, move: Move) -> list[Event]:
        """One trainee move and, if she answers, her answer; committed before it returns."""
        return self.move(move) + self.answer()

    def move(self, move: Move) -> list[Event]:
        """One trainee move alone, committed (the full-screen game has her answer written in a worker)."""
        events = self.session.play(move)
        self.save()
        return events

    def hint(self) -> str | None:
        """The next hint for this moment, committed; None when none is left (MoveError in test mode)."""
        text = self.session.hint()
        self.save()
        return text

    def reply(self) -> Reply | None:
        """The customer's turn, when she has something to say (the engine's cue)."""
        cue = self.session.cue
        return Reply(self, cue, self._fallback) if cue is not None else None

    @cached_property
    def _fallback(self) -> ScriptedCustomer:
        """The round's own script, for a writer that keeps none and failed: made the first time it is needed."""
        return ScriptedCustomer(self.scenario, self.session.seed)

    def answer(self) -> list[Event]:
        """Her answer, written here and now; [] when she has nothing to say."""
        reply = self.reply()
        return reply.settle(reply.write()) if reply is not None else []

    def waiting(self) -> float | None:
        """Seconds she has waited for you since her last line; None while she writes, before she has written,
        or when it is over."""
        s = self.session
        if s.over or s.cue is not None:
            return None
        last = next((e.at for e in reversed(s.events) if isinstance(e, CustomerMessage)), None)
        return None if last is None else max(0.0, s.now() - last)

    def fell_back(self, why: str) -> None:
        """The script stood in for her writer as a last resort (it raised, or gave no line in time)."""
        self._fell_back = why

    def take_notices(self) -> tuple[str | None, str | None]:
        """Her writer's own word on a line the script wrote (a model's fault), and why the script stood in as a
        last resort; each once, None when there is nothing to say."""
        fell_back, self._fell_back = self._fell_back, None
        return self.customer.take_notice(), fell_back

    def reads_slowly(self, move: Move) -> bool:
        """Whether reading this message asks a model (`--llm-intents`): `read_ahead` it off the UI thread first."""
        return isinstance(move, Say) and not self.reader.ready(move.text)

    def read_ahead(self, move: Say) -> None:
        self.reader.prepare(move.text)

    # -- keeping ---------------------------------------------------------------------------------

    def keep(self, store: Store, *, trainee: str, **manifest: Any) -> None:
        """Keep the round in the store from now on; a database away or failing is news, never an exception."""
        from trainer.play.saving import SavedGame

        s = self.session
        how = {"customer": type(self.customer).__name__, **self.how_played(), **manifest}
        self.saved = SavedGame(store, None, start={"trainee": trainee, "scenario": s.scenario, "seed": s.seed,
                                                   "mode": s.mode, "manifest": how})
        self.save()

    def how_played(self) -> dict[str, Any]:
        """A live customer's model, endpoint host, temperature, seed and prompt version (never the key)."""
        out = dict(self.customer.manifest())
        reading = self.reader.manifest()
        if reading is not None:
            out["llm_intents"] = reading
        return out

    def save(self) -> None:
        """Commit what is new (the store may be away: the turns wait in memory, said once)."""
        if self.saved is not None:
            self.saved.save(self.session.events)

    def take_news(self) -> News | None:
        """What changed about saving since the last call, oldest first, once."""
        return self.saved.take_news() if self.saved is not None else None

    # -- finishing -------------------------------------------------------------------------------

    def finish(self) -> Finished:
        """Score the session and save the scorecard with what a live customer cost."""
        from scoring import score

        card = score(self.session.events, self.scenario)
        if self.saved is not None:
            self.saved.finish(self.session.events, card, self.customer.summary())
        return Finished(card, self.customer.cost_line())

    # -- other starts ----------------------------------------------------------------------------

    def rewound(self, before_turn: int, *, mode: str | None = None, live: Clock = real_clock,
                customer: Customer | None = None) -> Round:
        """A new round that has replayed this one's moves before `before_turn` (her lines from the script),
        ready to play on; `customer` writes her lines from there."""
        s = self.session
        branch = replayed(s.scenario, s.events, before_turn, seed=s.seed, mode=mode or s.mode, live=live)
        if customer is not None:
            branch.customer = customer
        branch.rewound_from = self
        return branch

    @classmethod
    def resume(cls, store: Store, session_id: str, scenario: Scenario, *, clock: Clock = real_clock,
               customer: Customer | None = None) -> Round:
        """The stopped session, replayed to where it stopped, kept in the store from there.

        Its lease is taken first: a session another game is playing now is refused (SessionHeld)."""
        from trainer.store import StoreError

        store.take(session_id)
        try:
            return _resumed(store, session_id, scenario, clock, customer)
        except BaseException:
            try:
                store.release(session_id)
            except StoreError:
                pass  # it runs out by itself
            raise


def replayed(scenario: Scenario, events: list[Event], before_turn: int, *, seed: int = 0,
             mode: str = "practice", live: Clock = real_clock, customer: Customer | None = None,
             answers: Callable[[], bool] | None = None) -> Round:
    """A new round that has replayed every move of `events` before `before_turn`, ready to play on.

    `answers` says whether she answers during the replay (a resume: only while her recorded lines last, so a
    line she had not finished is written as in play, by the front end, never here on its thread)."""
    clock = ReplayClock(live)
    branch = Round(scenario, seed=seed, clock=clock, mode=mode, customer=customer, start=started_at(events))
    if answers is None or answers():
        branch.opening()
    for turn, at, move in moves_of(events):
        if turn >= before_turn or branch.session.over:
            break
        clock.now = at
        branch.move(move)
        if answers is None or answers():
            branch.answer()
    clock.go_live()
    return branch


def _resumed(store: Store, session_id: str, scenario: Scenario, clock: Clock, customer: Customer | None) -> Round:
    """Her recorded lines said again, whoever wrote them, then `customer` (default: the script) from there."""
    from trainer.customers.replay import ReplayCustomer
    from trainer.play.saving import SavedGame, story

    stored = store.load(session_id)
    row = stored.row
    said = [e.text for e in stored.events if isinstance(e, CustomerMessage)]
    live = customer or ScriptedCustomer(scenario, row.seed)
    recorded = ReplayCustomer(said, then=live)
    resumed = replayed(scenario, stored.events, 10**9, seed=row.seed, mode=row.mode, live=clock,
                       customer=recorded, answers=lambda: recorded.replaying)
    resumed.customer = live
    resumed.resumed = True
    events = resumed.session.events
    if [story(e) for e in events[: len(stored.events)]] != [story(e) for e in stored.events]:
        # The scenario changed since: keep the old record as it was, go on in a new one.
        store.abandon(session_id)
        resumed.keep(store, trainee=row.trainee, resumed_from=session_id)
        return resumed
    events[: len(stored.events)] = stored.events  # the record's own times, to the millisecond
    resumed.saved = SavedGame(store, session_id, stored=len(stored.events))
    return resumed
