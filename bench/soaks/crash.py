"""Crash safety: a real `webcare play` killed with SIGKILL at random turns loses no turn it showed."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.crash import trial
from bench.soaks.result import Result, Size, pick


def check(size: Size) -> Result:
    result = Result()
    rng = random.Random(2026)
    lost = unfinished = 0
    with tempfile.TemporaryDirectory(prefix="webcare-crash-") as folder:
        for n in range(pick(size, full=100, small=2)):
            with result.case():
                outcome = trial(Path(folder), rng)
            if outcome.lost:
                lost += outcome.lost
                result.fail(f"trial {n}: shown {outcome.shown}, stored {outcome.stored}")
            if outcome.stored and outcome.resumed_outcome is None:
                unfinished += 1
                result.fail(f"trial {n}: the resumed session did not reach an outcome")
    result.figures.append(f"kill -9 at random turns: {result.cases} trials, committed turns lost: {lost}, "
                          f"resumes that did not finish: {unfinished}")
    return result
