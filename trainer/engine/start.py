"""Starting a session part-way through its story (`webcare play --from`): where, in what mood, knowing what."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from trainer.errors import TrainerError
from trainer.scenario.models import Scenario
from trainer.scenario.problems import did_you_mean

START_SOURCE = "start"
"""The source of a fact known from the start (`FactRevealed.source`)."""


class StartError(TrainerError):
    """A start point the scenario does not have; the message names what it does have."""


@dataclass(frozen=True, slots=True)
class StartAt:
    """Open in `state`, with the customer's mood at `mood` (None: the scenario's), the trainee knowing `facts`."""

    state: str
    mood: int | None = None
    facts: tuple[str, ...] = ()


def start_at(scenario: Scenario, state: str | None = None, mood: int | None = None,
             facts: Iterable[str] = ()) -> StartAt:
    """A checked start point; `StartError` with a did-you-mean when a name or the mood is wrong."""
    state = state or scenario.start
    if state not in scenario.states:
        if state in scenario.outcomes:
            raise StartError(f"'{state}' is an outcome, where a conversation ends; start in a state: "
                             + ", ".join(scenario.states))
        raise StartError(f"{scenario.id} has no state '{state}'; {did_you_mean(state, scenario.states)}")
    if mood is not None and not 0 <= mood <= 100:
        raise StartError(f"the mood runs from 0 (livid) to 100 (delighted), not {mood}")
    wanted = tuple(dict.fromkeys(f.strip() for f in facts if f.strip()))
    for fact in wanted:
        if fact not in scenario.facts:
            raise StartError(f"{scenario.id} has no fact '{fact}'; {did_you_mean(fact, scenario.facts) or 'it has none'}")
    return StartAt(state, mood, wanted)
