"""A session played against its customer: the loop shared by plain play, playthroughs and the TUI."""

from __future__ import annotations

from trainer.customers import Customer, ScriptedCustomer
from trainer.engine.clock import Clock, ReplayClock, real_clock
from trainer.engine.intents import Recogniser
from trainer.engine.events import (
    ActionTaken, Event, HintShown, LookedUp, SessionEnded, SessionStarted, TraineeMessage,
)
from trainer.engine.moves import Act, End, Hint, Lookup, Move, Say
from trainer.engine.session import Session
from trainer.engine.start import StartAt
from trainer.scenario.models import Scenario


class Game:
    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        clock: Clock = real_clock,
        customer: Customer | None = None,
        mode: str = "practice",
        recogniser: Recogniser | None = None,
        start: StartAt | None = None,
    ) -> None:
        self.session = Session(scenario, seed=seed, clock=clock, mode=mode, recogniser=recogniser, start=start)
        self.recogniser = recogniser
        """None: the scenario's patterns (the engine's own)."""
        if recogniser is not None and hasattr(recogniser, "attach"):
            recogniser.attach(self.session.events)
        self.customer = customer or ScriptedCustomer(scenario, seed)

    @property
    def customer(self) -> Customer:
        return self._customer

    @customer.setter
    def customer(self, customer: Customer) -> None:
        """A customer that reads the conversation (a model's prompt quotes it) is shown the session's log."""
        self._customer = customer
        attach = getattr(customer, "attach", None)
        if attach is not None:
            attach(self.session.events)

    def opening(self) -> list[Event]:
        """The customer's first line."""
        return self._answer()

    def play(self, move: Move) -> list[Event]:
        """One trainee move and, if she answers, her answer."""
        return self.session.play(move) + self._answer()

    def _answer(self) -> list[Event]:
        cue = self.session.cue
        if cue is None:
            return []
        return self.session.customer_wrote(self.customer.write(cue))


def moves_of(events: list[Event]) -> list[tuple[int, float, Move]]:
    """The trainee's moves in a log, as (turn, time, move): what a replay needs."""
    out: list[tuple[int, float, Move]] = []
    for e in events:
        if isinstance(e, TraineeMessage):
            out.append((e.turn, e.at, Say(e.text)))
        elif isinstance(e, LookedUp):
            out.append((e.turn, e.at, Lookup(e.tool, e.arg)))
        elif isinstance(e, ActionTaken):
            out.append((e.turn, e.at, Act(e.action, e.amount)))
        elif isinstance(e, HintShown):
            out.append((e.turn, e.at, Hint()))
        elif isinstance(e, SessionEnded) and e.outcome == "left":
            out.append((e.turn, e.at, End()))
    return out


def started_at(events: list[Event]) -> StartAt | None:
    """Where a logged session opened, when it was started part-way (`webcare play --from`)."""
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    if started is None or not started.start:
        return None
    return StartAt(started.start, started.mood, started.facts)


def rewind(
    scenario: Scenario, events: list[Event], before_turn: int, *, seed: int = 0, mode: str = "practice",
    live: Clock = real_clock, customer: Customer | None = None,
) -> Game:
    """A new game that has replayed every move before `before_turn`, ready to play on."""
    clock = ReplayClock(live)
    game = Game(scenario, seed=seed, clock=clock, mode=mode, customer=customer, start=started_at(events))
    game.opening()
    for turn, at, move in moves_of(events):
        if turn >= before_turn or game.session.over:
            break
        clock.now = at
        game.play(move)
    clock.go_live()
    return game
