"""A customer who says again what she said before, then hands over: resuming a session replays her lines
exactly, whoever wrote them (the script or a model), without asking anyone to write them twice."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trainer.customers.base import BaseCustomer, Writes
from trainer.engine.events import Event
from trainer.engine.session import Cue


class ReplayCustomer(BaseCustomer):
    def __init__(self, recorded: Iterable[str], then: Writes) -> None:
        self._recorded = list(recorded)
        self.then = then

    def attach(self, events: Sequence[Event]) -> None:
        self.then.attach(events)

    @property
    def replaying(self) -> bool:
        return bool(self._recorded)

    def write(self, cue: Cue) -> str:
        if not self._recorded:
            return self.then.write(cue)
        text = self._recorded.pop(0)
        self.then.heard(cue, text)  # she remembers it, so she doesn't repeat herself later
        return text
