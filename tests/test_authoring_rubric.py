"""An author's rubric: a resolution that takes several parts together (`all:`), scored part by part, and a
question a look-up answers when the trainee also tells her so."""

from __future__ import annotations

import pytest

from scoring import score
from trainer.engine.clock import FakeClock
from trainer.engine.moves import parse_move
from trainer.play import Round
from trainer.scenario.loader import check_bytes, load_scenario
from trainer.scenario.models import Scenario

STRANDED = """\
format: 1
id: stranded
title: Stranded in Lisbon
teaser: His flight home was cancelled and nobody helped.
language: en
channel: chat
audience: private
difficulty: medium
briefing: Kees's flight {flight} from Lisbon was cancelled; he paid for a hotel himself.

customer:
  name: Kees Jansen
  handle: "@keesj"
  persona: Tired and short with you; fair when he is taken seriously.
  mood: 30
  patience: 8

details:
  flight: SB 202

facts:
  cancelled:
    is: The flight was cancelled by the airline, not by the weather.
    found_in: flight_status

lookups:
  flight_status:
    label: Flight status
    shows: "{flight}: cancelled by the airline (crew shortage)."

actions:
  refund:
    label: Refund the ticket
    limit: 400
  compensation:
    label: Pay the compensation
    limit: 600
  voucher:
    label: Voucher
    limit: 200

intents:
  apologise:
    means: Says sorry.
    match: [sorry, apolog*]
    examples: [I'm so sorry you were stranded.]
  return_help:
    means: Offers to get him home
    match: [get you home, train home, book you + home]
    examples: [I'll get you home tomorrow on the morning train home.]

start: waiting

states:
  waiting:
    lines: My flight {flight} was cancelled and I'm stuck in Lisbon.
    on:
      - said: apologise
        next: asking
  asking:
    lines: Was it really cancelled, or did you give my seat away?
    on:
      - looked_up: flight_status
        next: asking
      - said: return_help
        next: settled

outcomes:
  settled:
    kind: resolved
    summary: He has something back.
  gone:
    kind: churned
    summary: He gave up on you.

when_patience_runs_out: gone

rubric:
  key_facts: cancelled
  questions:
    - ask: Was it really cancelled?
      asked_in: asking
      answered_by: [flight_status]
  fitting:
    - all:
        - action: refund
        - action: compensation
          min_amount: 250
        - offer: return_help
      why: Money back, the compensation the rules give, and help home together fit.
"""

SORRY = "I'm so sorry you were stranded in Lisbon, Kees."
REFUND = "/do refund 300"
COMPENSATION = "/do compensation 250"
HOME = "I'll get you home tomorrow on the morning train home."


def case(tmp_path, text: str = STRANDED) -> Scenario:
    path = tmp_path / "stranded.yaml"
    path.write_text(text, "utf-8")
    return load_scenario(path)


def criterion(scenario: Scenario, *moves: str, cid: str = "fitting_resolution") -> dict:
    """Play the moves as a trainee would and return one criterion of the scorecard, as in the JSON."""
    clock = FakeClock()
    game = Round(scenario, seed=0, clock=clock)
    game.opening()
    for move in moves:
        if game.session.over:
            break  # "/end" after the story ended it
        clock.advance(30)  # a brisk trainee
        game.play(parse_move(move))
    card = score(game.session.events, scenario).to_dict()
    return next(c for t in card["trades"].values() for c in t["criteria"] if c["id"] == cid)


def notes(found: dict) -> list[tuple[str, bool]]:
    return [(e["note"], e["good"]) for e in found["evidence"]]


# ── fitting: all of several parts ───────────────────────────────────────────────────────────


def test_a_refund_alone_of_refund_compensation_and_help_home_earns_about_a_third(tmp_path):
    fit = criterion(case(tmp_path), SORRY, REFUND, "/end")
    assert fit["score"] == 33, "one of three equal parts; any one of them used to score full marks"
    assert ("part of what fits: Refund the ticket", True) in notes(fit)
    assert ("missing part of what fits: Pay the compensation (at least 250)", False) in notes(fit)
    assert ("missing part of what fits: Offers to get him home", False) in notes(fit)
    assert "Pay the compensation (at least 250)" in fit["tip"] and "Offers to get him home" in fit["tip"]
    assert "Refund the ticket" not in fit["tip"], "the tip says what was missing, not what was done"


def test_all_three_parts_earn_full_marks_with_the_authors_why(tmp_path):
    fit = criterion(case(tmp_path), SORRY, REFUND, COMPENSATION, HOME, "/end")
    assert fit["score"] == 100
    assert all(good for _, good in notes(fit)), notes(fit)
    assert ("part of what fits, in words: Offers to get him home", True) in notes(fit)
    assert ("3 of 3 parts: Money back, the compensation the rules give, and help home together fit.", True) \
        in notes(fit)


def test_a_dutch_scorecard_names_the_missing_parts_in_dutch(tmp_path):
    dutch = STRANDED.replace("language: en", "language: nl")
    fit = criterion(case(tmp_path, dutch), "Wat vervelend, Kees.", REFUND, "/end")
    assert fit["score"] == 33
    assert ("ontbrekend deel van wat past: Pay the compensation (minstens 250)", False) in notes(fit)
    assert fit["tip"].startswith("Ontbreekt nog: Pay the compensation (minstens 250); Offers to get him home.")


def test_a_part_under_its_min_amount_counts_half_and_says_it_is_less_than_fits(tmp_path):
    fit = criterion(case(tmp_path), SORRY, REFUND, "/do compensation 100", HOME, "/end")
    assert fit["score"] == 83  # (1 + ½ + 1) / 3
    assert ("part of what fits, but less than fits: Pay the compensation (at least 250)", False) in notes(fit)


def test_a_part_with_a_weight_counts_that_much_more(tmp_path):
    weighted = STRANDED.replace("        - action: refund\n", "        - action: refund\n          weight: 2\n")
    fit = criterion(case(tmp_path, weighted), SORRY, REFUND, "/end")
    assert fit["score"] == 50  # 2 of 2 + 1 + 1


def test_parts_given_only_in_words_count_at_most_half_like_an_offer_alone(tmp_path):
    words = STRANDED.replace("        - action: refund\n        - action: compensation\n          min_amount: 250\n",
                             "        - offer: apologise\n")
    fit = criterion(case(tmp_path, words), SORRY, HOME, "/end")
    assert fit["score"] == 50, "both parts said, none done"


def test_one_fitting_action_scores_as_it_always_did(tmp_path):
    single = STRANDED[: STRANDED.index("    - all:")] + (
        "    - action: refund\n      min_amount: 300\n      why: His money back.\n")
    assert criterion(case(tmp_path, single), SORRY, REFUND, "/end")["score"] == 100
    half = criterion(case(tmp_path, single), SORRY, "/do refund 100", "/end")
    assert half["score"] == 50 and notes(half) == [("less than fits: His money back.", False)]


# ── answered_by: a look-up, and saying so ───────────────────────────────────────────────────

TOLD = "I've checked the flight status: the airline cancelled it, a crew shortage. Your seat was not given away."


def test_a_question_is_answered_by_a_look_up_when_the_trainee_also_tells_him(tmp_path):
    answers = criterion(case(tmp_path), SORRY, "/lookup flight_status", TOLD, "/end", cid="answers_questions")
    assert answers["score"] == 100
    assert notes(answers) == [("answers “Was it really cancelled?”", True)]


def test_the_look_up_alone_does_not_answer_him(tmp_path):
    scenario = case(tmp_path)
    silent = criterion(scenario, SORRY, "/lookup flight_status", "Let me see what I can do.", "/end",
                       cid="answers_questions")
    assert silent["score"] == 0
    assert notes(silent)[0][1] is False and "never answered" in notes(silent)[0][0]


def test_telling_him_of_a_look_up_never_done_does_not_answer_him(tmp_path):
    unchecked = criterion(case(tmp_path), SORRY, TOLD, "/end", cid="answers_questions")
    assert unchecked["score"] == 0


def test_a_look_up_done_before_he_asked_is_not_the_answer(tmp_path):
    early = criterion(case(tmp_path), "/lookup flight_status", SORRY, TOLD, "/end", cid="answers_questions")
    assert early["score"] == 0


# ── webcare check: names, places and what is used ───────────────────────────────────────────


def check(tmp_path, text: str):
    path = tmp_path / "stranded.yaml"
    return check_bytes(text.encode(), path)


def test_the_case_checks_clean_and_nothing_named_only_in_the_rubric_is_unused(tmp_path):
    scenario, problems = check(tmp_path, STRANDED)
    assert scenario is not None, [str(p) for p in problems.errors]
    warned = [p.message for p in problems.warnings]
    assert not [w for w in warned if "flight_status" in w or "'compensation'" in w or "return_help" in w], warned
    assert any("'voucher' is never used" in w for w in warned), "what no one names is still reported"


@pytest.mark.parametrize(("wrong", "right", "message", "line", "column"), [
    ("        - action: compensation\n", "        - action: compensaton\n",
     "unknown action 'compensaton'", 87, 19),
    ("        - offer: return_help\n", "        - offer: return_hlp\n",
     "unknown intent 'return_hlp'", 89, 18),
    ("      answered_by: [flight_status]\n", "      answered_by: [flight_stats]\n",
     "unknown intent, action or look-up 'flight_stats'", 83, 21),
])
def test_a_misspelt_name_in_a_part_or_an_answer_says_where_and_what_was_meant(tmp_path, wrong, right, message,
                                                                               line, column):
    _, problems = check(tmp_path, STRANDED.replace(wrong, right))
    [problem] = problems.errors
    assert (problem.message, problem.line, problem.column) == (message, line, column), str(problem)
    assert problem.hint.startswith("did you mean '"), problem.hint


def test_all_under_poor_is_an_error_with_the_fix(tmp_path):
    poor = STRANDED + ("  poor:\n    - all:\n        - action: voucher\n        - offer: apologise\n"
                       "      why: A voucher and a sorry.\n")
    _, problems = check(tmp_path, poor)
    [problem] = problems.errors
    assert problem.message == "'all:' is for fitting resolutions; a poor one is a single action or offer"
    assert (problem.line, problem.column) == (92, 7)
    assert "write each action or offer as an item of its own under poor:" in problem.hint


def test_a_resolution_with_both_an_action_and_all_parts_says_to_choose(tmp_path):
    both = STRANDED.replace("    - all:\n", "    - action: voucher\n      all:\n")
    _, problems = check(tmp_path, both)
    [problem] = problems.errors
    assert "a resolution names an action, an offer (an intent) or all: its parts" in problem.message
    assert problem.line == 85


def test_min_amount_belongs_on_the_part_it_is_for(tmp_path):
    misplaced = STRANDED.replace("      why: Money back", "      min_amount: 250\n      why: Money back")
    _, problems = check(tmp_path, misplaced)
    [problem] = problems.errors
    assert "min_amount goes on the part it is for" in problem.message
