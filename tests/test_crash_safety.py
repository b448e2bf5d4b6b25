"""A trainee's session survives `kill -9` at any turn: nothing shown is lost, and it resumes to its end.

One kill here (a seed whose kill lands mid-game); `make soak` kills a hundred games at random turns.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from crash import MESSAGES, trial, uncrashed

SEED = 1
"""Kills the game after its third move, with seven of the ten still to play."""


@pytest.mark.slow
def test_a_killed_session_loses_no_shown_turn_and_resumes_to_the_end_it_would_have_had(tmp_path):
    result = trial(tmp_path, random.Random(SEED))
    assert result.shown, "the game showed at least the first message"
    assert result.lost == 0, f"shown {result.shown}, stored {result.stored}"
    assert 0 < len(result.replayed) < len(MESSAGES), "the kill landed mid-game: the resume plays the rest"
    assert result.replayed == list(MESSAGES[-len(result.replayed):]), "only the moves the store did not hold"
    assert result.resumed_outcome is not None
    assert result.events == uncrashed(tmp_path, result.seed), "the same moves without a kill tell the same story"


def test_resume_without_a_stopped_session_says_so(run_webcare):
    result = run_webcare("play", "--plain", "--resume")
    assert result.returncode == 1
    assert "no stopped session" in result.stderr and "Traceback" not in result.stderr
