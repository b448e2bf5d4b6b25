"""A scenario step seen from the session: whether its conditions hold, and how the log names what fired it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from trainer.engine.events import ActionTaken, LookedUp, TraineeMessage
from trainer.scenario.models import Step

if TYPE_CHECKING:
    from trainer.engine.session import Session


def conditions_hold(session: Session, step: Step, kwargs: Mapping[str, Any]) -> bool:
    """Whether the move being played (`kwargs`: its intents, action, amount or tool) and the session's
    facts, mood and turns meet every condition of `step`."""
    if step.said and step.said not in kwargs.get("intents", ()):
        return False
    if step.did and step.did != kwargs.get("action"):
        return False
    if step.min_amount is not None and (kwargs.get("amount") or 0) < step.min_amount:
        return False
    if step.looked_up and step.looked_up != kwargs.get("tool"):
        return False
    if any(f not in session.known for f in step.knows):
        return False
    if any(f in session.known for f in step.not_knows):
        return False
    if step.said_before and not said_before(session, step.said_before):
        return False
    if step.mood_below is not None and not session.mood < step.mood_below:
        return False
    if step.mood_above is not None and not session.mood > step.mood_above:
        return False
    return not (step.turns_here is not None and session.turns_here < step.turns_here)


def said_before(session: Session, intent: str) -> bool:
    """Whether a message before the move being played showed `intent` (the message being answered does not
    count; after a look-up or a deed, the last message is an earlier one)."""
    first = session.said.get(intent)
    if first is None:
        return False
    move = next((e for e in reversed(session.events) if isinstance(e, (TraineeMessage, ActionTaken, LookedUp))),
                None)
    return not isinstance(move, TraineeMessage) or first < move.turn


def trigger_name(step: Step | None) -> str:
    """What fired a step, for `StateChanged.trigger`: "said ask_what_happened", "patience ran out" …"""
    if step is None:
        return "patience ran out"
    if step.said:
        return f"said {step.said}"
    if step.did:
        return f"did {step.did}"
    if step.looked_up:
        return f"looked up {step.looked_up}"
    return ", ".join(step.conditions)
