"""Clocks for the game: the real one for play, a fake one that tests and playthroughs move."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def __call__(self) -> float:
        """Seconds on a monotonic clock."""
        ...


def real_clock() -> float:
    return time.monotonic()


def untimed() -> float:
    """No clock worth reading: piped input arrives all at once, so how long she waited means nothing. A
    session on it records every wait as unknown (-1) and the scorecard judges no promptness."""
    return 0.0


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ReplayClock:
    """Replays recorded times, then runs on from the last of them with a live clock."""

    def __init__(self, live: Clock = real_clock) -> None:
        self._live = live
        self._offset: float | None = None
        self.now = 0.0

    def __call__(self) -> float:
        return self.now if self._offset is None else self._offset + self._live()

    def go_live(self) -> None:
        """From now on time runs; it continues from the last replayed moment."""
        self._offset = self.now - self._live()
