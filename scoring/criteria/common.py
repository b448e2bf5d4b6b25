"""What the criteria of all three trades share."""

from __future__ import annotations

from scoring.texts import customer_called
from scoring.transcript import Transcript
from trainer.scenario.models import Scenario


def called(t: Transcript, s: Scenario) -> str:
    """The customer as notes and tips name them: `Thomas`, or "the customer" when the scenario has no name."""
    return customer_called(t.language, s.customer.first_name)


def generic(s: Scenario) -> bool:
    """A scenario with no case behind it (an imported transcript): no facts, intents, back office or rubric."""
    r = s.rubric
    case = (s.facts, s.intents, s.lookups, s.actions, r.key_facts, r.harm, r.explains, r.questions, r.fitting,
            r.poor, r.escalate, r.improve)
    return not any(case)
