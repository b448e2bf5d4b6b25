"""A circuit breaker counted in calls: after a failure the next call is one try, after more the model rests.

    closed ──fault──▶ trial (the next call: one try, no retries) ──fault──▶ resting N calls ──▶ trial …
       ▲                     │ success                                   (N doubles per failed trial,
       └─────────────────────┘                                            up to `longest`)

A fault that says the endpoint is plainly gone (a refused connection, a rejected key) rests at once.
Counting calls rather than seconds keeps a session's requests bounded however fast it is played, and
makes it the same in a test as in a game.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Breaker:
    rest: int = 3
    """Calls skipped after the first failed trial."""
    longest: int = 12
    """The longest rest, however many trials fail."""
    resting: int = 0
    """Calls still to skip."""
    trial: bool = False
    """The next call is a single try: the model failed last time."""
    _next_rest: int = 0

    def allow(self) -> bool:
        """May this call ask the model? A skipped call counts down the rest; the call after it is a trial."""
        if self.resting:
            self.resting -= 1
            return False
        return True

    def succeeded(self) -> None:
        self.resting, self.trial, self._next_rest = 0, False, 0

    def failed(self, *, gone: bool = False) -> None:
        """The call's model failed; `gone`: it can't be reached or refuses us, no point trying next time."""
        if self.trial or gone:
            self._next_rest = min(self.longest, self._next_rest * 2 if self._next_rest else self.rest)
            self.resting = self._next_rest
        self.trial = True
