"""A transcript turned into the events the scorer reads: through a scenario's engine, or plainly.

With a scenario, the agent's lines are played as moves in a `Session` (so intents, facts and
wrong claims are recognised) and the customer's real lines stand in for the ones the game
would have written. Without one, the lines become messages of the generic rubric.
A reply's time is known only when both it and the line before it are timed; otherwise its
`response_seconds` is -1 (unknown).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scoring.batch.conversation import AGENT, Conversation, Line, ReadError, at
from scoring.batch.generic import GENERIC_ID
from trainer.engine.clock import FakeClock
from trainer.engine.events import (
    CustomerMessage,
    Event,
    IntentsRecognised,
    SessionStarted,
    TraineeMessage,
)
from trainer.engine.moves import Help, Say, parse_move
from trainer.engine.session import Session
from trainer.errors import MoveError
from trainer.scenario.models import Scenario

if TYPE_CHECKING:
    from trainer.engine.intents import Recogniser

UNKNOWN = -1.0
MODE = "test"
"""Real conversations had no hints."""


def waits(lines: list[Line]) -> list[float]:
    """Per line, seconds since the last line she saw (hers or a message, not a back-office move), or UNKNOWN."""
    out: list[float] = []
    before: Line | None = None
    for line in lines:
        if line.at is not None and before is not None and before.at is not None:
            out.append(round(max(0.0, line.at - before.at), 3))
        else:
            out.append(UNKNOWN)
        if not _is_move(line):
            before = line
    return out


def _is_move(line: Line) -> bool:
    return line.role == AGENT and line.text.startswith("/") and not line.text.startswith("//")


def generic_events(conversation: Conversation, scenario: Scenario) -> list[Event]:
    """The lines as plain messages: no engine, no moves (a `/lookup` line has no back office here)."""
    mood = scenario.customer.mood
    events: list[Event] = [SessionStarted(0, GENERIC_ID, scenario.language, 0, mood, scenario.customer.patience,
                                          MODE)]
    turn = 0
    for line, waited in zip(conversation.lines, waits(conversation.lines)):
        moment = line.at or 0.0
        if line.role != AGENT:
            events.append(CustomerMessage(turn, line.text, scenario.start, mood, at=moment))
            continue
        try:
            move = parse_move(line.text)
        except MoveError:
            move = Say(line.text)
        if isinstance(move, Say) and move.text:
            turn += 1
            events.append(TraineeMessage(turn, move.text, waited, at=moment))
            events.append(IntentsRecognised(turn, (), at=moment))
    return events


def scenario_events(conversation: Conversation, scenario: Scenario) -> list[Event]:
    """The agent's lines played through the scenario's engine, with the customer's real lines."""
    return _Replay(conversation, scenario).run()


class _Replay:
    def __init__(self, conversation: Conversation, scenario: Scenario) -> None:
        self.c = conversation
        self.scenario = scenario
        self.clock = FakeClock()
        self.session = Session(scenario, clock=self.clock, mode=MODE)
        self.events: list[Event] = list(self.session.events)
        self.pending: list[Line] = []
        self.recogniser: Recogniser | None = None
        self.extra_turns = 0
        """Agent messages after the game's end, numbered on from its last turn."""

    @property
    def turn(self) -> int:
        return self.session.turn + self.extra_turns

    def run(self) -> list[Event]:
        for line, waited in zip(self.c.lines, waits(self.c.lines)):
            if line.role != AGENT:
                self.pending.append(line)
                if self.session.cue is not None:
                    self._customer()
            else:
                self._agent(line, waited)
        if self.pending:
            self._customer()
        return self.events

    def _customer(self) -> None:
        """Her waiting lines, as the answer the game expects, or as they came when it expects none."""
        last = self.pending[-1]
        if last.at is not None:
            self.clock.now = last.at
        text = "\n".join(line.text for line in self.pending)
        self.pending = []
        s = self.session
        if s.cue is not None:
            self.events += s.customer_wrote(text)
        else:
            self.events.append(CustomerMessage(self.turn, text, s.state, s.mood, at=s.now()))

    def _agent(self, line: Line, waited: float) -> None:
        try:
            move = parse_move(line.text)
        except MoveError as exc:
            raise ReadError([f"{at(self.c.path, line.line)}: {_first_line(exc)}"]) from None
        if isinstance(move, Help):
            return
        s = self.session
        if self.pending or s.cue is not None:
            if s.cue is not None and not self.pending:
                self.pending.append(Line("customer", "", line.line, line.at))  # she did not answer here
            self._customer()
        if line.at is not None:
            self.clock.now = line.at
        if s.over:
            self._after_the_end(line, move, waited)
            return
        try:
            new = s.play(move)
        except MoveError as exc:
            raise ReadError([(f"{at(self.c.path, line.line)}: the scenario {self.scenario.id} refuses this move: "
                             f"{_first_line(exc)} Fix the line or leave it out.")]) from None
        self.events += [replace(e, response_seconds=waited) if isinstance(e, TraineeMessage) else e for e in new]

    def _after_the_end(self, line: Line, move, waited: float) -> None:
        """The game's conversation is over but hers went on: her agent's words still count."""
        if not isinstance(move, Say):
            return  # no back office after the end
        if self.recogniser is None:
            from trainer.engine.intents import Recogniser

            self.recogniser = Recogniser(self.scenario.intents, self.scenario.language)
        self.extra_turns += 1
        turn = self.turn
        intents = self.recogniser.recognise(move.text)
        moment = self.session.now()
        self.events.append(TraineeMessage(turn, move.text, waited, at=moment))
        self.events.append(IntentsRecognised(turn, intents, self.recogniser.wrong(intents), at=moment))


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]
