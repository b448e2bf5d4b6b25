"""The offline customer: says the scenario's own lines, varied, never twice while variants remain."""

from __future__ import annotations

import random

from trainer.engine.session import Cue
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill


class ScriptedCustomer:
    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self._values = scenario.placeholders()
        self._random = random.Random(seed)
        self._said: set[str] = set()

    def write(self, cue: Cue) -> str:
        if not cue.lines:
            return "…"
        fresh = [line for line in cue.lines if line not in self._said]
        line = self._random.choice(fresh or list(cue.lines))
        self._said.add(line)
        return fill(line.strip(), self._values)

    def heard(self, cue: Cue, text: str) -> None:
        """A replayed line: move on exactly as if she had just written it herself."""
        self.write(cue)
