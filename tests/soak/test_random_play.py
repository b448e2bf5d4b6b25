"""Property-based: any sequence of moves on any built-in scenario keeps mood, patience and scores in range.

The property is bench/soaks/random_play.py's; `make soak` runs it with thousands of examples.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.soaks.random_play import (  # noqa: E402
    builtin_scenarios,
    games,
    scenario_named,
    the_engine_keeps_its_promises,
)

FEW = settings(max_examples=40, deadline=None, database=None, derandomize=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FEW
@given(games())
def test_random_moves_never_break_the_engine_and_scores_stay_0_to_100(game):
    scenario_id, seed, mode, plays = game
    the_engine_keeps_its_promises(scenario_named(scenario_id), seed, mode, plays)


@pytest.mark.parametrize("scenario", builtin_scenarios(), ids=lambda s: s.id)
def test_slow_empty_answers_end_the_conversation(scenario):
    plays = [(45.0, "/lookup nosuch"), *[(4_000.0, "…")] * (scenario.customer.patience + 2)]
    session = the_engine_keeps_its_promises(scenario, 0, "practice", plays)
    assert session.over, "she waits for ever"
    assert session.outcome in scenario.outcomes  # the patience outcome, or a step's that fired in the same move


def test_in_the_legroom_case_her_patience_runs_out_and_she_blogs():
    legroom = next(s for s in builtin_scenarios() if s.id == "legroom-en")
    session = the_engine_keeps_its_promises(legroom, 0, "practice", [(4_000.0, "…")] * 10)
    assert session.patience == 0 and session.outcome == legroom.when_patience_runs_out == "blogged"


def test_the_property_catches_a_mood_out_of_range(monkeypatch):
    from trainer.engine import session

    scenario = builtin_scenarios()[0]
    original = session.Session._change

    def unclamped(self, mood, patience, reason):
        original(self, mood, patience, reason)
        self.mood = self.mood + 200

    monkeypatch.setattr(session.Session, "_change", unclamped)
    with pytest.raises(AssertionError, match="mood"):
        the_engine_keeps_its_promises(scenario, 0, "practice", [(4_000.0, "…")])
