"""The offline customer: says the scenario's own lines, varied, never twice while the state has others."""

from __future__ import annotations

import random

from trainer.customers.base import BaseCustomer
from trainer.engine.session import Cue
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill


class ScriptedCustomer(BaseCustomer):
    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self._values = scenario.placeholders()
        self._random = random.Random(seed)
        self._said: dict[str, int] = {}
        """Lines said, with when (a growing count): the oldest is repeated first when all are used."""
        self._clock = 0
        self._last = ""

    def write(self, cue: Cue) -> str:
        if not cue.lines:
            return "…"
        fresh = [line for line in cue.lines if line not in self._said]
        if not fresh:  # every variant used: another line of this state, else the one said longest ago
            fresh = [line for line in cue.others if line not in self._said]
        if not fresh:
            pool = [line for line in dict.fromkeys((*cue.lines, *cue.others)) if line != self._last] or list(cue.lines)
            fresh = [min(pool, key=lambda line: self._said.get(line, -1))]
        line = self._random.choice(fresh)
        self._clock += 1
        self._said[line] = self._clock
        self._last = line
        return fill(line.strip(), self._values)

    def heard(self, cue: Cue, text: str) -> None:
        """A replayed line: move on exactly as if she had just written it herself."""
        self.write(cue)
