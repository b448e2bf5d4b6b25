"""A customer who says again what she said before, then hands over: resuming a session replays her lines
exactly, whoever wrote them (the script or a model), without asking anyone to write them twice."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.customers.base import Customer
from trainer.engine.session import Cue


class ReplayCustomer:
    def __init__(self, recorded: Iterable[str], then: Customer) -> None:
        self._recorded = list(recorded)
        self.then = then

    def attach(self, events) -> None:
        attach = getattr(self.then, "attach", None)
        if attach is not None:
            attach(events)

    @property
    def replaying(self) -> bool:
        return bool(self._recorded)

    def write(self, cue: Cue) -> str:
        if not self._recorded:
            return self.then.write(cue)
        text = self._recorded.pop(0)
        heard = getattr(self.then, "heard", None)
        if heard is not None:  # let her remember it, so she doesn't repeat herself later
            heard(cue, text)
        return text
