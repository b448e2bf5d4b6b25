"""What a soak check reports: how many cases it ran, what failed, and its slowest case."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

Size = Literal["full", "small"]
"""`full` for `make soak`; `small` for the short version `make test` runs."""

MAX_SHOWN = 40
"""Failures kept per check, in full; the rest are counted."""


@dataclass
class Result:
    cases: int = 0
    failures: list[str] = field(default_factory=list)
    failed: int = 0
    """Cases that failed (each adds one line to `failures`, up to MAX_SHOWN)."""
    worst: float = 0.0
    """Seconds taken by the slowest case."""
    figures: list[str] = field(default_factory=list)
    """Other things worth printing under the table (e.g. how many mutants loaded)."""
    skipped: str = ""
    """Why the check could not run on this machine (a missing server); said in one line, not a failure."""

    def skip(self, reason: str) -> None:
        """Skip the check for want of something outside the project; fail it instead when CI is set."""
        if os.environ.get("CI"):
            self.fail(f"{reason} (and CI is set)")
        else:
            self.skipped = reason

    def fail(self, message: str) -> None:
        self.failed += 1
        if len(self.failures) < MAX_SHOWN:
            self.failures.append(message)

    @contextmanager
    def case(self) -> Iterator[Took]:
        """Time one case and count it; the `Took` it gives holds the seconds once the case is done."""
        took = Took()
        started = time.perf_counter()
        try:
            yield took
        finally:
            took.seconds = time.perf_counter() - started
            self.cases += 1
            self.worst = max(self.worst, took.seconds)


@dataclass
class Took:
    seconds: float = 0.0


def pick(size: Size, *, full: int, small: int) -> int:
    return full if size == "full" else small
