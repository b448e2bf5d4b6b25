"""The per-turn trade detector on turns the project wrote, its weights, and `make eval` on the dev data.

None of the turns below is one of the examples the detector is trained on: they check that it
reads a turn's form, not that it remembers sentences.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.detector import LABELS, detect, guess_language, scores

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "trades-dev.jsonl"
GOAL = 0.75
FLOOR = 0.66  # what the detector reached when the goal was set; it must not slip below it


@pytest.mark.parametrize(
    ("text", "language", "trade"),
    [
        ("What happened when you got to the gate?", "en", "detective"),
        ("Can you tell me which flight it was?", "en", "detective"),
        ("When did you first notice the scratch on the table?", "en", "detective"),
        ("And the agent on the phone, what did she promise you?", "en", "detective"),
        ("That sounds really frustrating, I understand how you feel.", "en", "facilitator"),
        ("I'm so sorry, that must have been a long ten hours.", "en", "facilitator"),
        ("It sounds like you feel nobody is taking you seriously.", "en", "facilitator"),
        ("So you paid for priority boarding and still ended up at the back.", "en", "facilitator"),
        ("You could try rebooking online, or I can refund the seats and escalate this for you.", "en", "plumber"),
        ("I'll send a new lamp today and refund the delivery costs.", "en", "plumber"),
        ("Our policy is to refund the full fare when we cancel a flight.", "en", "plumber"),
        ("Hi!", "en", "other"),
        ("Thanks for chatting, have a lovely weekend!", "en", "other"),
        ("Mm-hmm.", "en", "other"),
        ("Wat is er precies gebeurd met je stoel?", "nl", "detective"),
        ("Wat is er precies gebeurd bij de gate?", "nl", "detective"),
        ("Wanneer zag je de kras op de tafel voor het eerst?", "nl", "detective"),
        ("Welk bestelnummer staat er op de pakbon?", "nl", "detective"),
        ("Dat klinkt echt frustrerend, zeker na twee bevestigingen.", "nl", "facilitator"),
        ("Wat vervelend, ik begrijp hoe je je voelt.", "nl", "facilitator"),
        ("Het klinkt alsof je het gevoel hebt dat niemand je serieus neemt.", "nl", "facilitator"),
        ("Ik kan me goed voorstellen dat je hier moe van wordt.", "nl", "facilitator"),
        ("Ik boek je om en stort het verschil vandaag terug.", "nl", "plumber"),
        ("Ik stel voor dat ik de stoelen terugbetaal en het voor je regel.", "nl", "plumber"),
        ("Ik stuur vandaag een nieuwe lamp en betaal de verzendkosten terug.", "nl", "plumber"),
        ("Hoi!", "nl", "other"),
        ("Bedankt voor het gesprek, fijn weekend!", "nl", "other"),
        ("Mm-hm.", "nl", "other"),
    ],
)
def test_a_turn_is_read_as_the_trade_it_exercises(text, language, trade):
    assert detect(text, language) == trade


def test_the_scores_say_how_likely_each_trade_is():
    found = scores("Have you tried restarting the router?", "en")
    assert set(found) == set(LABELS)
    assert sum(found.values()) == pytest.approx(1.0)
    assert all(0.0 <= v <= 1.0 for v in found.values())


def test_context_is_optional_and_an_empty_turn_is_other():
    context = [{"role": "customer", "text": "Can I get my money back?"}]
    assert detect("Yes, I'll refund it to your card today.", "en", context) == "plumber"
    assert detect("", "en") == "other"
    assert detect("   ", "nl") == "other"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("What happened to your chair?", "en"),
        ("I'm sorry, that must be so annoying.", "en"),
        ("Wat is er met je stoel gebeurd?", "nl"),
        ("Het spijt me, dat is echt vervelend voor je.", "nl"),
        ("Ik boek je om en stort het verschil terug.", "nl"),
    ],
)
def test_the_language_is_guessed_from_its_small_words(text, language):
    assert guess_language(text) == language


def test_without_a_language_the_detector_guesses_it():
    assert detect("Ik boek je om en stort het verschil vandaag terug.", None) == "plumber"


def test_the_shipped_weights_are_what_the_examples_train_to():
    from scoring.detector_training import WEIGHTS, train

    shipped = json.loads(WEIGHTS.read_text("utf-8"))
    retrained = train()
    assert shipped["trained_from"] == retrained["trained_from"], \
        "examples or features changed: run `python -m scoring.detector_training`"
    assert shipped["weights"].keys() == retrained["weights"].keys()
    for name, weights in retrained["weights"].items():
        assert shipped["weights"][name] == pytest.approx(weights, abs=2e-3), name


def test_both_languages_have_examples_of_every_trade():
    from scoring.detector_training import LANGUAGES, example_file, read_examples

    for language in LANGUAGES:
        counts = dict.fromkeys(LABELS, 0)
        for label, _ in read_examples(example_file(language)):
            counts[label] += 1
        assert min(counts.values()) >= 80, (language, counts)


def _run_eval() -> str:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_detector.py")],
                            capture_output=True, text=True, check=True, timeout=300)
    return result.stdout


@pytest.fixture(scope="module")
def eval_output():
    if not DATA.exists():
        pytest.skip("the labelled dev data is not on this machine")
    return _run_eval()


def _macro(output: str) -> float:
    return float(re.search(r"^macro-F1 ([0-9.]+)", output, re.MULTILINE).group(1))


def test_make_eval_prints_per_class_and_per_source_figures_and_the_confusion_matrix(eval_output):
    assert "confusion" in eval_output
    for label in LABELS:
        assert label in eval_output
    assert re.search(r"annomi\s+macro-F1 [0-9.]+", eval_output)
    assert re.search(r"esconv\s+macro-F1 [0-9.]+", eval_output)
    assert re.search(r"time per turn [0-9.]+ ms", eval_output)


def test_the_detector_does_not_slip_below_where_it_stands(eval_output):
    assert _macro(eval_output) >= FLOOR


@pytest.mark.xfail(reason="the goal of the issue; the detector reaches about 0.67 on the dev data", strict=True)
def test_the_detector_reaches_the_goal_on_the_dev_data(eval_output):
    assert _macro(eval_output) >= GOAL


def test_make_eval_skips_cleanly_without_the_data(tmp_path):
    env = {"WEBCARE_TRADES_DATA": str(tmp_path / "absent.jsonl"), "PATH": ""}
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_detector.py")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert "nothing to evaluate" in result.stdout
