"""The typed scorecard reads back the JSON it wrote: the store and the exports hold a `Scorecard`, the bytes stay."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

import pytest

from scoring import TRADES, Scorecard, Trade, score
from scoring.batch.generic import generic_scenario
from scoring.judgement import Judgement, JudgeRating, unavailable
from scoring.scorecard import Criterion, as_scorecard
from trainer.playthrough import play_script, run_playthrough
from trainer.scenario.library import find_scenario

SCENARIOS = ("legroom-en", "legroom-nl", "usb-stick-en", "usb-stick-nl", "fan-drawing-nl")
"""Both languages; between them every playthrough kind: exemplary, poor, gamed, capped by a ceiling."""


@cache
def played(scenario_id: str) -> tuple[Scorecard, ...]:
    scenario = find_scenario(scenario_id)
    return tuple(run_playthrough(scenario, p).scorecard for p in scenario.playthroughs)


def written(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def read_back(card: Scorecard) -> Scorecard:
    """As the store does it: JSON text in, typed card out."""
    return Scorecard.from_dict(json.loads(json.dumps(card.to_dict(), ensure_ascii=False)))


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_played_scorecard_read_back_is_the_same_card_and_writes_the_same_bytes(scenario_id):
    for card in played(scenario_id):
        again = read_back(card)
        assert written(again.without_source().to_dict()) == written(card.to_dict())  # from its fields alone
        assert written(again.to_dict()) == written(card.to_dict())
        assert (again.outcome, again.tips, again.language) == (card.outcome, card.tips, card.language)
        assert {t: s.score for t, s in again.trades.items()} == {t: s.score for t, s in card.trades.items()}
        assert all(type(t) is Trade for t in again.trades)


def test_a_ceiling_a_judge_a_start_part_way_and_too_little_evidence_survive_the_round_trip():
    capped = next(c for c in played("fan-drawing-nl") if any(t.ceiling for t in c.trades.values()))
    judge = Judgement("local-model", "127.0.0.1", "nl", ratings=(
        JudgeRating("facilitator", "tone", 2, 3, "Wat vervelend", 1, "warm"),
        JudgeRating("detective", "asks", 1, None, rejected_quote="niet gezegd"),
    ), usage={"requests": 1, "tokens_in": 900, "tokens_out": 120})
    generic = generic_scenario("nl")
    game, *_ = play_script(generic, ["Hoi, wat vervelend. Wat is er gebeurd?", "Ik regel het en bel je morgen."])
    thin = score(game.session.events, generic)
    assert any(not t.enough for t in thin.trades.values())
    for card in (replace(capped, judge=judge, started_from="angry"), replace(thin, judge=unavailable("timeout"))):
        again = read_back(card)
        assert written(again.without_source().to_dict()) == written(card.to_dict())
        assert again.judge is not None and again.judge.summary() == card.judge.summary()


def test_every_whole_score_comes_back_as_the_same_whole_score():
    for n in range(101):
        assert Criterion.from_dict({"id": "x", "score": n}).percent == n


def test_an_older_or_newer_card_reads_and_is_written_back_exactly_as_stored():
    old = {"version": 1, "scenario": "legroom-en", "outcome": "resolved", "outcome_kind": "resolved",
           "summary": "Sorted.", "turns": 4,
           "trades": {t: {"score": 70, "criteria": [{"id": "tone", "score": 50, "weight": 1.0,
                                                     "evidence": [{"turn": 1, "quote": "hi", "good": False}]}]}
                      for t in TRADES},
           "tips": ["Say her name."], "added_later": {"kept": True}}
    card = Scorecard.from_dict(old)
    assert (card.mode, card.hints, card.language) == ("practice", 0, "en")  # fields it predates
    assert card.trades[Trade.plumber].criteria[0].title == "tone"  # untitled: named by its id
    assert card.trades[Trade.plumber].criteria[0].evidence[0].good is False
    assert written(card.to_dict()) == written(old)
    bare = Scorecard.from_dict({"outcome": "left"})
    assert bare.outcome == "left" and bare.trades == {} and bare.to_dict() == {"outcome": "left"}


def test_a_card_is_taken_as_it_is_or_read_from_its_json():
    card = played("legroom-en")[0]
    assert as_scorecard(card) is card
    assert written(as_scorecard(card.to_dict()).without_source().to_dict()) == written(card.to_dict())


def test_a_trade_is_the_string_it_names():
    assert Trade.detective == "detective" and {"detective": 1}[Trade.detective] == 1
    assert json.dumps({Trade.plumber: Trade.facilitator}) == '{"plumber": "facilitator"}'
    assert f"{Trade.plumber}" == "plumber" and TRADES == ("facilitator", "detective", "plumber")
