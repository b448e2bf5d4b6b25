"""A trainee's session survives `kill -9` at any turn: nothing shown is lost, and it resumes to its end."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from crash import trial

TRIALS = 4


@pytest.mark.parametrize("seed", range(TRIALS))
def test_a_killed_session_loses_no_shown_turn_and_resumes(tmp_path, seed):
    result = trial(tmp_path, random.Random(seed))
    assert result.shown, "the game showed at least the first message"
    assert result.lost == 0, f"shown {result.shown}, stored {result.stored}"
    assert result.resumed_outcome is not None, "the resumed game reached an outcome"


def test_resume_without_a_stopped_session_says_so(run_webcare):
    result = run_webcare("play", "--plain", "--resume")
    assert result.returncode == 1
    assert "no stopped session" in result.stderr and "Traceback" not in result.stderr
