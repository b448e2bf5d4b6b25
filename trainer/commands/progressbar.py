"""How far a long command is, on standard error: a rich.progress bar on a terminal, plain lines in a log."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, Self, TextIO


class Bar:
    """A bar (rich.progress) once the job has taken `after` seconds, when standard error is a terminal, gone when
    the job ends; when it is a log or a pipe, one plain line every `plain_every` seconds instead, no terminal codes.
    `total` None: a job whose size is not known ahead (a spinner and the time so far)."""

    def __init__(self, total: int | None, *, stream: TextIO | None = None, after: float = 1.0,
                 plain_every: float = 10.0, clock: Callable[[], float] | None = None,
                 plain: Callable[[int, float], str] | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.after, self.plain_every, self.clock = after, plain_every, clock or _now
        self.plain = plain
        """The plain line from the steps done and the seconds so far (the description, when not given)."""
        self.started = self.last = self.clock()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def update(self, completed: int, description: str) -> None:
        """The job is `completed` steps far; `description` says so in words (and is the plain line in a log)."""
        now = self.clock()
        if self.bar is not None:
            self.bar.update(self.task, completed=completed, description=description)
        elif self.tty:
            if now - self.started >= self.after:
                self._start(completed, description)
        elif now - self.last >= self.plain_every:
            from trainer.terminal import shown

            self.last = now
            line = self.plain(completed, now - self.started) if self.plain else description
            print(shown(line), file=self.stream, flush=True)

    def tell(self, message: str) -> None:
        """A message printed above the bar (or as a line of its own when there is none), shown as text."""
        from trainer.terminal import shown

        if self.bar is not None:
            self.bar.console.print(shown(message), markup=False, highlight=False)
        else:
            print(shown(message), file=self.stream)

    def _start(self, completed: int, description: str) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        text = TextColumn("{task.description}", markup=False)  # a scenario's id or a name: data, not markup
        columns = ((text, BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()) if self.total is not None
                   else (SpinnerColumn(), text, TimeElapsedColumn()))
        self.bar = Progress(*columns, console=Console(file=self.stream), transient=True)
        self.task = self.bar.add_task(description, total=self.total, completed=completed)
        self.bar.start()

    def close(self) -> None:
        """The job is over: the bar leaves the terminal (its result is printed after it)."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _now() -> float:
    """The clock progress is timed by (a test sets its own)."""
    return time.monotonic()
