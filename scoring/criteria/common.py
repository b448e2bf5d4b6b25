"""What the criteria of all three trades share."""

from __future__ import annotations

from trainer.scenario.models import Scenario


def generic(s: Scenario) -> bool:
    """A scenario with no case behind it (an imported transcript): no facts, intents, back office or rubric."""
    r = s.rubric
    case = (s.facts, s.intents, s.lookups, s.actions, r.key_facts, r.harm, r.explains, r.questions, r.fitting,
            r.poor, r.escalate, r.improve)
    return not any(case)
