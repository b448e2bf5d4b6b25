"""Crash safety: a real `webcare play` killed with SIGKILL at random turns loses no turn it showed."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.crash import trial, uncrashed
from bench.soaks.result import Result, Size, pick


def check(size: Size) -> Result:
    result = Result()
    rng = random.Random(2026)
    lost = unfinished = told_otherwise = 0
    stories: dict[int, list[tuple]] = {}  # each seed's game played without a kill, once
    with tempfile.TemporaryDirectory(prefix="webcare-crash-") as folder:
        for n in range(pick(size, full=100, small=1)):
            with result.case():
                outcome = trial(Path(folder), rng)
            if outcome.seed not in stories:
                stories[outcome.seed] = uncrashed(Path(folder), outcome.seed)
            if outcome.resumed_outcome is not None and outcome.events != stories[outcome.seed]:
                told_otherwise += 1
                result.fail(f"trial {n}: resumed (replaying {outcome.replayed}), the session differs from the same "
                            f"moves played without a kill (seed {outcome.seed})")
            if outcome.lost:
                lost += outcome.lost
                result.fail(f"trial {n}: shown {outcome.shown}, stored {outcome.stored}")
            if outcome.stored and outcome.resumed_outcome is None:
                unfinished += 1
                result.fail(f"trial {n}: the resumed session did not reach an outcome")
    result.figures.append(f"kill -9 at random turns: {result.cases} trials, committed turns lost: {lost}, "
                          f"resumes that did not finish: {unfinished}, that ended otherwise than without the kill: "
                          f"{told_otherwise}")
    return result
