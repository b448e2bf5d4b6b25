"""An author writes a Dutch WhatsApp case (and its English twin) with issue 20's new keys: a son writes for his
mother of 81, whose booked wheelchair never came. It checks, graphs, explores and tests clean, and the scorer
ranks its scripted trainees the way a coach would: the one who fixes all three parts above the one who fixes one,
above the form letter signed "Team Skyblue Air"; the one who thanks the son and never names his mother gets no
credit for acknowledging her."""

from __future__ import annotations

import pytest
from conftest import SCENARIOS

from trainer.engine.events import CustomerMessage
from trainer.playthrough import run_playthrough
from trainer.scenario.loader import load_scenario

CASES = {language: SCENARIOS / f"wheelchair-{language}.yaml" for language in ("nl", "en")}
"""The Dutch case and its English twin: the same story, states and scripted trainees."""
CASE = CASES["nl"]
TWINS = {language: load_scenario(path) for language, path in CASES.items()}
SCENARIO = TWINS["nl"]
PLAYED_IN = {language: {p.name: run_playthrough(s, p) for p in s.playthroughs} for language, s in TWINS.items()}
PLAYED = PLAYED_IN["nl"]


def score(name: str, trade: str, language: str = "nl") -> int:
    return PLAYED_IN[language][name].scorecard.trades[trade].score


def criterion(name: str, criterion_id: str):
    return next(c for t in PLAYED[name].scorecard.trades.values() for c in t.criteria if c.id == criterion_id)


def she_said(result) -> list[str]:
    return [e.text for e in result.events if isinstance(e, CustomerMessage)]


# ── The author's commands ───────────────────────────────────────────────────────────────


def test_the_case_and_its_twin_check_with_no_errors_and_no_warnings(run_webcare):
    result = run_webcare("check", *map(str, CASES.values()))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 files checked: 0 errors, 0 warnings." in result.stdout


def test_its_graph_renders_every_state_and_ending(run_webcare):
    result = run_webcare("graph", str(CASE))
    assert result.returncode == 0, result.stderr
    for name in (*SCENARIO.states, *SCENARIO.outcomes):
        assert f"n_{name}" in result.stdout
    assert "unreachable" not in result.stdout.split("classDef unreachable")[1], "no state is marked unreachable"


@pytest.mark.parametrize("language", CASES)
def test_explore_reaches_every_state_and_ending_and_finds_no_problem(run_webcare, language):
    result = run_webcare("explore", str(CASES[language]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Reached 4/4 states and 4/4 outcomes." in result.stdout
    assert "0 problems, 0 warnings." in result.stdout


def test_its_playthroughs_pass_in_both_languages(run_webcare):
    result = run_webcare("test", *map(str, CASES.values()))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "10 passed, 0 failed" in result.stdout


# ── What the case is made of ────────────────────────────────────────────────────────────


def test_the_case_uses_the_new_keys_of_issue_20():
    s = SCENARIO
    assert (s.channel, s.audience, s.customer.handle) == ("whatsapp", "private", "+31 6 1234 5678")
    assert s.customer.writes_for is not None and s.customer.writes_for.relation == "zijn moeder"
    assert s.rubric.acknowledge_writes_for
    assert "airline" not in s.customer.own_details and "booking" in s.customer.own_details
    (fitting,) = s.rubric.fitting
    assert fitting.several and [p.action for p in fitting.parts] == ["refund_costs", "compensation", "secure_return"]
    assert any("assistance_log" in q.answered_by for q in s.rubric.questions), "a look-up answers his question"
    steps = [step for state in s.states.values() for step in state.on]
    assert any(step.not_knows for step in steps) and any(step.said_before for step in steps)
    assert any(step.only_in for step in s.anywhere)


# ── The coach's order ───────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("language", CASES)
@pytest.mark.parametrize("trade", ["plumber", "detective"])
def test_all_three_parts_beat_no_word_for_her_beat_one_part_beat_leaving_beat_the_form_letter(trade, language):
    names = ("exemplary", "ignores-mother", "mediocre", "leaves", "copy-paste")
    scores = [score(n, trade, language) for n in names]
    assert scores[0] > scores[1] > scores[2] > scores[3] >= scores[4], scores


@pytest.mark.parametrize("language", CASES)
def test_as_facilitator_the_form_letter_is_last_and_ignoring_his_mother_costs_more_than_doing_one_part(language):
    def facilitator(name: str) -> int:
        return score(name, "facilitator", language)

    assert facilitator("exemplary") > facilitator("mediocre") > facilitator("ignores-mother")
    assert facilitator("ignores-mother") > facilitator("copy-paste")
    assert facilitator("leaves") > facilitator("copy-paste")


# ── The new keys at work ────────────────────────────────────────────────────────────────


def test_a_form_letter_signed_team_skyblue_air_earns_nothing_for_personal():
    assert criterion("copy-paste", "personal").score == 0
    without = SCENARIO.model_copy(update={"customer": SCENARIO.customer.model_copy(update={"own_details": None})})
    copy_paste = next(p for p in SCENARIO.playthroughs if p.name == "copy-paste")
    card = run_playthrough(without, copy_paste).scorecard
    personal = next(c for t in card.trades.values() for c in t.criteria if c.id == "personal")
    assert personal.score > 0, "without own_details, the airline's name would count as hers"


def test_thanking_the_son_without_a_word_for_his_mother_is_no_acknowledgement():
    acknowledges = criterion("ignores-mother", "acknowledges")
    assert acknowledges.score == 0
    assert any("Riet" in (e.note or "") for e in acknowledges.evidence)
    assert criterion("exemplary", "acknowledges").score == 1


def test_one_part_of_three_earns_a_third_of_the_fitting_resolution():
    assert criterion("mediocre", "fitting_resolution").score == pytest.approx(1 / 3)
    assert criterion("ignores-mother", "fitting_resolution").score == 1


def test_thanking_him_early_is_a_house_rule_only_in_the_first_two_states():
    early = "Mij hoef je niet te bedanken."
    assert any(line.startswith(early) for line in she_said(PLAYED["ignores-mother"]))
    exemplary = next(p for p in SCENARIO.playthroughs if p.name == "exemplary")
    moves = list(exemplary.trainee[: exemplary.trainee.index("/do secure_return") + 1])
    late = exemplary.model_copy(update={"trainee": [*moves, "Bedankt voor je bericht, Jeroen.", "/end"]})
    said = she_said(run_playthrough(SCENARIO, late))
    assert not any(line.startswith(early) for line in said), "in for_mother the rule does not apply"
    assert said[-1] == "Ik bedoel: iets voor háár."


def test_money_before_knowing_what_happened_makes_him_sharper():
    assert any(line.startswith("Geld? Je weet nog niet eens") for line in she_said(PLAYED["leaves"]))


def test_an_acknowledgement_said_earlier_softens_the_refund():
    assert any("je zei al dat het je speet" in line for line in she_said(PLAYED["mediocre"]))
    assert any("Al heeft nog niemand gezegd" in line for line in she_said(PLAYED["ignores-mother"]))
