"""The per-turn trade detector on sentences the project wrote, and `make eval` on the dev data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scoring.detector import detect

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "trades-dev.jsonl"


@pytest.mark.parametrize(
    ("text", "language", "trade"),
    [
        ("What happened when you got to the gate?", "en", "detective"),
        ("Can you tell me which flight it was?", "en", "detective"),
        ("That sounds really frustrating, I understand how you feel.", "en", "facilitator"),
        ("I'm so sorry, that must have been a long ten hours.", "en", "facilitator"),
        ("You could try rebooking online, or I can refund the seats and escalate this for you.", "en", "plumber"),
        ("Hi!", "en", "other"),
        ("Wat is er precies gebeurd bij de gate?", "nl", "detective"),
        ("Wat vervelend, ik begrijp hoe je je voelt.", "nl", "facilitator"),
        ("Ik stel voor dat ik de stoelen terugbetaal en het voor je regel.", "nl", "plumber"),
        ("Hoi!", "nl", "other"),
    ],
)
def test_a_turn_is_read_as_the_trade_it_exercises(text, language, trade):
    assert detect(text, language) == trade


@pytest.mark.skipif(not DATA.exists(), reason="the labelled dev data is not on this machine")
def test_make_eval_prints_per_class_figures_and_the_confusion_matrix():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_detector.py")],
                            capture_output=True, text=True, check=True, timeout=300)
    assert "macro-F1" in result.stdout
    assert "confusion" in result.stdout
    for label in ("facilitator", "detective", "plumber", "other"):
        assert label in result.stdout


def test_make_eval_skips_cleanly_without_the_data(tmp_path):
    env = {"WEBCARE_TRADES_DATA": str(tmp_path / "absent.jsonl"), "PATH": ""}
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_detector.py")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert "nothing to evaluate" in result.stdout
