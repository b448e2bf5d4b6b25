"""Intent understanding measured on sets written by people who never read the intents' phrases."""

from __future__ import annotations

import pytest

from conftest import ROOT
from trainer.authoring.understanding import Figures, false_recognitions, load_set, paraphrase_recall
from trainer.scenario.loader import load_scenario

SETS = ROOT / "tests" / "data" / "understanding"


def _measure(understand: bool) -> tuple[Figures, Figures]:
    para, adv = Figures(), Figures()
    for path in sorted(SETS.glob("*.yaml")):
        scenario_id, intents = load_set(path)
        scenario = load_scenario(ROOT / "scenarios" / f"{scenario_id}.yaml")
        if path.name.startswith("paraphrase-"):
            paraphrase_recall(scenario, intents, para, understand=understand)
        else:
            false_recognitions(scenario, intents, adv, understand=understand)
    return para, adv


@pytest.fixture(scope="module")
def figures():
    return {"phrases": _measure(False), "meaning": _measure(True)}


def test_the_sets_cover_four_scenarios_in_two_languages_with_ten_wordings_an_intent():
    files = sorted(p.name for p in SETS.glob("*.yaml"))
    assert len([f for f in files if f.startswith("paraphrase-")]) >= 4
    for path in SETS.glob("*.yaml"):
        _, intents = load_set(path)
        assert all(len(items) == 10 for items in intents.values()), path.name


def test_reading_meaning_cuts_false_recognitions_to_a_fraction(figures):
    _, before = figures["phrases"]
    _, after = figures["meaning"]
    assert after.rate <= 0.10
    assert after.rate < before.rate / 3


@pytest.mark.xfail(reason="measured: the meaning layer recognises 242/540 paraphrases vs 280 for phrases alone; "
                   "stances read from one example per intent are too strict (issue 15 stays open)", strict=False)
def test_reading_meaning_recognises_no_fewer_paraphrases_than_phrases_alone(figures):
    before, _ = figures["phrases"]
    after, _ = figures["meaning"]
    assert after.hits >= before.hits * 0.9


@pytest.mark.xfail(reason="goal of issue 15: recall ≥ 90 %, false ≤ 3 % (see BENCHMARKS.md)", strict=False)
def test_the_goal_of_the_issue(figures):
    para, adv = figures["meaning"]
    assert para.rate >= 0.90 and adv.rate <= 0.03
