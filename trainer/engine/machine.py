"""Build the `transitions` state machine from a scenario's states, steps and outcomes."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from transitions import EventData, Machine

from trainer.scenario.lines import LinesByBand
from trainer.scenario.models import Scenario, Step

if TYPE_CHECKING:
    from trainer.engine.session import Session

logging.getLogger("transitions").setLevel(logging.ERROR)
"""A move no step of the current state uses is normal play, not a warning worth logging."""

TRIGGERS = ("said", "did", "looked_up", "tick", "patience_out")
"""Every trigger the machine knows; a step's trigger is derived from its conditions."""


@dataclass
class Conversation:
    """The model the state machine drives; holds only what the machine needs."""

    state: str = ""
    pending_lines: LinesByBand | None = field(default=None, repr=False)

    if TYPE_CHECKING:  # added to the model by `transitions`' Machine

        def trigger(self, name: str, **kwargs: Any) -> bool: ...


def build_machine(scenario: Scenario, model: Conversation, session: Session) -> Machine:
    """One machine transition per step, in the author's order: `anywhere`, the state's own, patience.

    Conditions and effects are closures over the session, never names from the YAML, so
    nothing an author writes can make `transitions` import or call anything.
    """
    outcomes = list(scenario.outcomes)
    machine = Machine(
        model=model,
        states=list(scenario.states) + outcomes,
        initial=scenario.start,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=True,
    )
    for trigger in TRIGGERS:  # every trigger known, even where no step uses it
        machine.add_transition(trigger, scenario.start, None, conditions=[lambda _: False])

    def add(step: Step | None, source: str) -> None:
        trigger = step.trigger if step else "patience_out"
        dest = (step.next if step else scenario.when_patience_runs_out) or None

        def fits(event: EventData) -> bool:
            if step is None:
                return session.patience_ran_out()
            return session.fits(step, event.kwargs)

        def apply(event: EventData) -> None:
            session.apply(step, source, dest or source)

        machine.add_transition(trigger, source, dest, conditions=[fits], after=[apply])

    for name, state in scenario.states.items():
        for step in scenario.anywhere:
            if not step.only_in or name in step.only_in:
                add(step, name)
        for step in state.on:
            add(step, name)
    for name in scenario.states:
        add(None, name)
    return machine
