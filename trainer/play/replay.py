"""A log read back as moves: what a rewind, a resume and a reloaded scenario replay."""

from __future__ import annotations

from collections.abc import Sequence

from trainer.engine.events import (
    ActionTaken,
    Event,
    HintShown,
    LookedUp,
    SessionEnded,
    SessionStarted,
    TraineeMessage,
)
from trainer.engine.moves import Act, End, Hint, Lookup, Move, Say
from trainer.engine.start import StartAt


def moves_of(events: Sequence[Event]) -> list[tuple[int, float, Move]]:
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


def started_at(events: Sequence[Event]) -> StartAt | None:
    """Where a logged session opened, when it was started part-way (`webcare play --from`)."""
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    if started is None or not started.start:
        return None
    return StartAt(started.start, started.mood, started.facts)
