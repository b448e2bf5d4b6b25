"""`webcare check --watch`: check again each time a scenario file is saved, until Ctrl+C.

Polls the files' sizes and times twice a second: no new dependency, the same on every platform and
file system (network shares and containers included), and a scenario folder is a handful of files.
"""

from __future__ import annotations

import contextlib
import io
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

INTERVAL = 0.5
"""Seconds between looks at the files."""


def watch_check(paths: list[Path], check: Callable[[], int], *, out: TextIO | None = None,
                interval: float = INTERVAL, stop: threading.Event | None = None) -> int:
    """Run `check` now and after every change under `paths`; its problems, or "all clean", each time.

    `check` prints problems on stderr and a summary on stdout, as `webcare check` does, and returns
    its exit status. `stop` ends the loop (tests); Ctrl+C ends it for a person.
    """
    from trainer.scenario.changes import fingerprint

    out = out or sys.stdout
    stop = stop or threading.Event()
    try:
        while not stop.is_set():
            seen = fingerprint(paths or None)
            _run(check, out)
            out.write(f"Watching {_what(paths)} for changes (Ctrl+C to stop)…\n")
            out.flush()
            while not stop.is_set() and fingerprint(paths or None) == seen:
                stop.wait(interval)
    except KeyboardInterrupt:
        out.write("\nStopped watching.\n")
    return 0


def _run(check: Callable[[], int], out: TextIO) -> None:
    problems, summary = io.StringIO(), io.StringIO()
    from trainer.errors import TrainerError

    with contextlib.redirect_stderr(problems), contextlib.redirect_stdout(summary):
        try:
            status = check()
        except TrainerError as exc:  # a file removed while watching: say so, and go on watching
            print(f"webcare: {exc}", file=sys.stderr)
            status = 1
    out.write(f"\n── {time.strftime('%H:%M:%S')} " + "─" * 60 + "\n")
    if problems.getvalue():
        out.write(problems.getvalue())
    out.write(summary.getvalue())
    if status == 0 and not problems.getvalue():
        out.write("All clean.\n")


def _what(paths: list[Path]) -> str:
    if not paths:
        return "the built-in scenarios"
    return ", ".join(str(p) for p in paths[:3]) + (" …" if len(paths) > 3 else "")
