"""The scorer against a coach: plays ranked per trade by coaches who never read the scorer, and gaming
attempts with the band of scores a coach would sign (tests/data/coach; `make eval` prints the figures)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from scoring import TRADES
from trainer.authoring.coaching import load_coach_set, measure, tau_b

SETS = ROOT / "tests" / "data" / "coach"
KINDS = ("excellent", "warm-but-useless", "cold-but-effective", "liar", "hand-off", "form-letter",
         "non-native-typos", "wrong-language")
FLOOR_TAU = 0.5
"""Where the scorer stands today, averaged over the sets per trade: a change may not fall below it."""
FLOOR_INSIDE = 0.6


@pytest.fixture(scope="module")
def results():
    return measure(SETS, ROOT / "scenarios")


def test_kendall_tau_b_counts_ties_and_reversals():
    assert tau_b([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert tau_b([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    assert tau_b([1, 1, 2, 3], [5, 6, 7, 8]) == pytest.approx(0.9128709, abs=1e-6)


def test_the_sets_hold_the_plays_the_issue_asks_for():
    sets = [load_coach_set(p) for p in sorted(SETS.glob("*.yaml"))]
    assert {"legroom-en", "bag-thrower-en", "refund-or-voucher-en"} <= {c.scenario for c in sets}
    assert any(c.scenario.endswith("-nl") for c in sets)
    for c in sets:
        names = [p.name for p in c.plays]
        assert len(names) >= 8, c.scenario
        assert all(any(kind in name for name in names) for kind in KINDS), c.scenario
        assert all(set(p.rank) == set(TRADES) for p in c.plays), c.scenario
        assert len(c.gaming) >= 6 and all(set(p.band) == set(TRADES) for p in c.gaming), c.scenario


def test_every_play_is_played_to_its_last_move(results):
    assert [problem for r in results for problem in r.problems] == []


def test_the_scorer_orders_plays_more_like_a_coach_than_today_s_floor(results):
    for trade in TRADES:
        mean = sum(r.tau[trade] for r in results) / len(results)
        assert mean >= FLOOR_TAU, (trade, {r.scenario: round(r.tau[trade], 2) for r in results})


def test_gaming_attempts_mostly_land_in_the_band_a_coach_would_sign(results):
    total = sum(len(load_coach_set(SETS / f"{r.scenario}.yaml").gaming) for r in results)
    outside = {(r.scenario, name) for r in results for name, *_ in r.outside}
    assert (total - len(outside)) / total >= FLOOR_INSIDE, sorted(outside)


@pytest.mark.xfail(reason="goal of issue 16: tau-b ≥ 0.9 per trade, every gaming attempt in its band", strict=True)
def test_the_goal_of_the_issue(results):
    assert all(r.tau[t] >= 0.9 for r in results for t in TRADES)
    assert all(not r.outside for r in results)
