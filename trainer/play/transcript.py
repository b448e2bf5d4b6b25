"""A real conversation played as a round of its scenario (`webcare score --scenario`): the agent's lines are
the trainee's moves, so intents, facts and wrong claims are recognised as in the game, and the customer's
real lines stand in for the ones her writer would have written."""

from __future__ import annotations

from dataclasses import replace

from scoring.batch.conversation import AGENT, Conversation, Line, ReadError, at
from scoring.batch.replay import MODE, waits
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage, Event, IntentsRecognised, TraineeMessage
from trainer.engine.moves import Help, Move, Say, parse_move
from trainer.errors import MoveError
from trainer.play.round import Round
from trainer.scenario.models import Scenario


def transcript_events(conversation: Conversation, scenario: Scenario) -> list[Event]:
    """The agent's lines played as a round of `scenario`, with the customer's real lines: what the scorer reads."""
    return _Transcript(conversation, scenario).run()


class _Transcript:
    def __init__(self, conversation: Conversation, scenario: Scenario) -> None:
        self.c = conversation
        self.scenario = scenario
        self.clock = FakeClock()
        self.round = Round(scenario, clock=self.clock, mode=MODE)
        self.events: list[Event] = list(self.round.session.events)
        self.pending: list[Line] = []
        self.extra_turns = 0
        """Agent messages after the game's end, numbered on from its last turn."""

    @property
    def turn(self) -> int:
        return self.round.session.turn + self.extra_turns

    def run(self) -> list[Event]:
        for line, waited in zip(self.c.lines, waits(self.c.lines), strict=True):
            if line.role != AGENT:
                self.pending.append(line)
                if self.round.session.cue is not None:
                    self._customer()
            else:
                self._agent(line, waited)
        if self.pending:
            self._customer()
        return self.events

    def _customer(self) -> None:
        """Her waiting lines, as the answer the round expects, or as they came when it expects none."""
        last = self.pending[-1]
        if last.at is not None:
            self.clock.now = last.at
        text = "\n".join(line.text for line in self.pending)
        self.pending = []
        reply = self.round.reply()
        if reply is not None:
            self.events += reply.settle(text)
        else:
            s = self.round.session
            self.events.append(CustomerMessage(self.turn, text, s.state, s.mood, at=s.now()))

    def _agent(self, line: Line, waited: float) -> None:
        try:
            move = parse_move(line.text, self.scenario.language)
        except MoveError as exc:
            raise ReadError([f"{at(self.c.path, line.line)}: {_first_line(exc)}"]) from None
        if isinstance(move, Help):
            return
        s = self.round.session
        if self.pending or s.cue is not None:
            if s.cue is not None and not self.pending:
                self.pending.append(Line("customer", "", line.line, line.at))  # she did not answer here
            self._customer()
        if line.at is not None:
            self.clock.now = line.at
        if s.over:
            self._after_the_end(move, waited)
            return
        try:
            new = self.round.move(move)
        except MoveError as exc:
            raise ReadError([(f"{at(self.c.path, line.line)}: the scenario {self.scenario.id} refuses this move: "
                             f"{_first_line(exc)} Fix the line or leave it out.")]) from None
        self.events += [replace(e, response_seconds=waited) if isinstance(e, TraineeMessage) else e for e in new]

    def _after_the_end(self, move: Move, waited: float) -> None:
        """The round's conversation is over but hers went on: her agent's words still count."""
        if not isinstance(move, Say):
            return  # no back office after the end
        self.extra_turns += 1
        turn = self.turn
        reader = self.round.reader  # the round's own: the same intents, read the same way
        intents = reader.recognise(move.text)
        moment = self.round.session.now()
        self.events.append(TraineeMessage(turn, move.text, waited, at=moment))
        self.events.append(IntentsRecognised(turn, intents, reader.wrong(intents), at=moment))


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0]
