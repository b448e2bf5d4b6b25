"""Badges for what a trainee did, and lessons from a real played session with model answers from the scenario."""

from __future__ import annotations

import pytest

from tests.campaign.story import at, played, row, stamp
from trainer.campaign.badges import earns, new_badges
from trainer.campaign.feedback import gains, lessons
from trainer.campaign.library import builtin_badges, find_curriculum
from trainer.campaign.models import BadgeRule
from trainer.campaign.progress import progress
from trainer.engine.events import TraineeMessage

RULES = {r.id: r for r in builtin_badges()}


def card(scenario_id: str, playthrough: str) -> dict:
    return played(scenario_id, playthrough)[1].scorecard.to_dict()


def test_every_question_answered_is_read_from_the_criterion_not_from_time():
    assert earns(RULES["every-question"], card("legroom-en", "exemplary"))
    assert not earns(RULES["every-question"], card("legroom-en", "mediocre"))


def test_moving_a_public_conversation_to_dm_correctly_earns_a_badge_asking_details_in_public_does_not():
    assert earns(RULES["taken-private"], card("public-details-en", "exemplary"))
    assert not earns(RULES["taken-private"], card("public-details-en", "asked-in-public"))


def test_a_crisis_resolved_without_a_voucher_earns_a_badge_but_not_in_another_case_or_when_it_went_viral():
    rule = RULES["crisis-no-voucher"]
    assert earns(rule, card("usb-stick-en", "exemplary"))
    assert not earns(rule, card("usb-stick-en", "overpromise"))  # went viral
    assert not earns(rule, card("legroom-en", "exemplary"))  # not a crisis
    bought_off = card("usb-stick-en", "exemplary")
    fix = next(c for c in bought_off["trades"]["plumber"]["criteria"] if c["id"] == "fitting_resolution")
    fix["evidence"].append({"turn": 3, "action": "voucher 100", "note": "buys her off", "good": False})
    assert not earns(rule, bought_off)


def test_no_badge_can_be_written_for_time_spent():
    with pytest.raises(ValueError, match="minutes"):
        BadgeRule.model_validate({"id": "stayer", "icon": "T", "title": {"en": "Stayer", "nl": "Blijver"},
                                  "about": {"en": "An hour in.", "nl": "Een uur."}, "when": {"minutes": 60}})


def test_a_badge_is_earned_once_by_the_first_session_that_shows_it_in_the_curriculums_language():
    nl = find_curriculum("onboarding-nl")
    first = row("legroom-nl", at(0), (64, 48, 28))
    second = row("legroom-nl", at(1), (100, 100, 100))
    third = row("legroom-nl", at(2), (100, 100, 100))
    cards = {first.id: card("legroom-nl", "mediocre"), second.id: card("legroom-nl", "exemplary"),
             third.id: card("legroom-nl", "exemplary")}
    earned = {e.badge.id: e for e in progress(nl, [third, first, second], cards, now=at(3)).badges}
    assert earned["every-question"].session_id == second.id
    assert earned["every-question"].earned_at == second.ended_at == stamp(at(1, 0.2))  # 12 minutes in
    assert earned["every-question"].badge.title == "Elke vraag beantwoord"
    assert "crisis-no-voucher" not in earned
    assert progress(nl, [first], cards, now=at(3)).badges == ()


def test_the_scorecard_can_say_which_badges_this_session_just_earned():
    exemplary = card("legroom-en", "exemplary")
    fresh = new_badges(builtin_badges(), exemplary, "en", already={"every-question"})
    assert "every-question" not in {b.id for b in fresh} and "straight-a" in {b.id for b in fresh}
    assert all(b.title and b.about and b.icon for b in fresh)


def test_lessons_from_a_played_legroom_session_point_at_the_turn_and_quote_a_model_answer():
    scenario, result = played("legroom-en", "mediocre")
    taught = lessons(result.scorecard, scenario, events=result.events)
    assert len(taught) == 2
    ranked = gains(result.scorecard.to_dict())
    assert [(t.trade, t.criterion_id) for t in taught] == [(trade, c["id"]) for _, trade, c in ranked[:2]]
    assert taught[0].gain >= taught[1].gain > 0
    said = {e.turn: e.text for e in result.events if isinstance(e, TraineeMessage)}
    _, exemplary = played("legroom-en", "exemplary")
    model_lines = {e.text for e in exemplary.events if isinstance(e, TraineeMessage)}
    for lesson in taught:
        assert lesson.turn in said and lesson.quote in said[lesson.turn]  # the trainee's own words, at that turn
        assert lesson.model_answer in model_lines  # what the exemplary trainee said instead
        assert lesson.title and lesson.tip


def test_lessons_can_put_the_modules_focus_first_and_come_from_a_stored_scorecard_dict():
    scenario, result = played("legroom-en", "refund-no-fix")
    taught = lessons(result.scorecard.to_dict(), scenario, limit=3, focus="detective")
    # the plumber would gain most, but a detective module teaches the detective's criteria first
    assert gains(result.scorecard.to_dict())[0][1] == "plumber"
    assert [(t.trade, t.criterion_id) for t in taught] == [
        ("detective", "answers_questions"), ("detective", "key_facts"), ("plumber", "owns_next_step")]
    assert all(t.model_answer for t in taught)
    assert lessons(played("legroom-en", "exemplary")[1].scorecard, scenario) == []


def test_lessons_in_dutch_quote_the_dutch_exemplary_and_without_an_exemplary_there_is_no_model_answer():
    scenario, result = played("legroom-nl", "mediocre")
    [lesson] = lessons(result.scorecard, scenario, limit=1, events=result.events)
    nl_lines = {e.text for e in played("legroom-nl", "exemplary")[1].events if isinstance(e, TraineeMessage)}
    assert lesson.model_answer in nl_lines
    bare = scenario.model_copy(update={"playthroughs": tuple(p for p in scenario.playthroughs
                                                             if p.name != "exemplary")})
    assert all(t.model_answer is None for t in lessons(result.scorecard, bare, events=result.events))
