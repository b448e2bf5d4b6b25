"""A transcript turned into the events the scorer reads, plainly: the generic rubric's messages.

With a scenario, the agent's lines are played as moves in a round of the game instead
(`trainer.play.transcript`, handed to the batch as the rubric's `replay`), so intents, facts and
wrong claims are recognised. A reply's time is known only when both it and the line before it are
timed; otherwise its `response_seconds` is -1 (unknown).
"""

from __future__ import annotations

from scoring.batch.conversation import AGENT, Conversation, Line
from scoring.batch.generic import GENERIC_ID
from trainer.engine.events import (
    CustomerMessage,
    Event,
    IntentsRecognised,
    SessionStarted,
    TraineeMessage,
)
from trainer.engine.moves import Say, parse_move
from trainer.errors import MoveError
from trainer.scenario.models import Scenario

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
