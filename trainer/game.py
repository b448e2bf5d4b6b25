"""A session played against its customer: the loop shared by plain play, playthroughs and the TUI."""

from __future__ import annotations

from trainer.customers import Customer, ScriptedCustomer
from trainer.engine.clock import Clock, real_clock
from trainer.engine.events import Event
from trainer.engine.moves import Move
from trainer.engine.session import Session
from trainer.scenario.models import Scenario


class Game:
    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        clock: Clock = real_clock,
        customer: Customer | None = None,
        mode: str = "practice",
    ) -> None:
        self.session = Session(scenario, seed=seed, clock=clock, mode=mode)
        self.customer = customer or ScriptedCustomer(scenario, seed)

    def opening(self) -> list[Event]:
        """The customer's first line."""
        return self._answer()

    def play(self, move: Move) -> list[Event]:
        """One trainee move and, if she answers, her answer."""
        return self.session.play(move) + self._answer()

    def _answer(self) -> list[Event]:
        cue = self.session.cue
        if cue is None:
            return []
        return self.session.customer_wrote(self.customer.write(cue))
