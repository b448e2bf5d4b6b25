"""An author writes a case where a son writes for his mother, and marks which details are the customer's own:
the scorer then looks for both of them, and a form letter signed with the airline's name is not personal."""

from __future__ import annotations

from pathlib import Path

from scoring import score
from trainer.customers.prompt import customer_messages
from trainer.engine.events import CustomerMessage, SessionStarted, TraineeMessage
from trainer.engine.session import Cue
from trainer.scenario.loader import check_bytes, load_scenario

SON_WRITES = """\
format: 1
id: wheelchair
title: The wheelchair that never came
teaser: A son writes for his mother, who waited an hour at the gate without her wheelchair.
language: en
channel: dm
audience: private
difficulty: easy
briefing: Kees writes for his mother {writes_for}, who flew on {flight}.

customer:
  name: Kees de Vries
  handle: "@keesdv"
  persona: A son who writes for his mother. Polite, worried, short.
  mood: 30
  patience: 5
  writes_for:
    name: Annie de Vries
    call_me: Mrs de Vries
    relation: his mother
  own_details: [booking, wheelchair]

details:
  company: SkyBlue
  flight: SB 203
  booking: R2D4KW
  wheelchair: folding wheelchair

intents:
  sorry:
    means: Says sorry.
    match: [sorry]
    examples: [I'm so sorry.]

start: waiting

states:
  waiting:
    lines: My mother {writes_for_first_name} waited an hour at the gate for her wheelchair.
    on:
      - said: sorry
        next: done

outcomes:
  done:
    kind: resolved
    summary: He knows his mother was heard.

when_patience_runs_out: done

rubric:
  harm: [waited an hour, wheelchair]
  acknowledge_writes_for: true
"""

HIS_LINE = "My mother waited an hour at the gate for her wheelchair. She is 84."


def case(tmp_path: Path, text: str = SON_WRITES, name: str = "wheelchair.yaml"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load_scenario(path)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def transcript(*replies: str) -> list:
    """He writes once; the agent answers with each reply in turn."""
    events: list = [SessionStarted(0, "wheelchair", "en", 0, 30, 5), CustomerMessage(0, HIS_LINE, "waiting", 30)]
    for turn, text in enumerate(replies, 1):
        events.append(TraineeMessage(turn, text, 30.0))
    return events


def criteria(scenario, *replies: str) -> dict:
    card = score(transcript(*replies), scenario).to_dict()
    return {c["id"]: c for t in card["trades"].values() for c in t["criteria"]}


# ── someone writing for someone else ─────────────────────────────────────────────────────


def test_a_reply_that_names_his_mother_and_her_harm_acknowledges(tmp_path):
    found = criteria(case(tmp_path), "Kees, I'm so sorry your mother waited an hour at the gate for her wheelchair.")
    acknowledges = found["acknowledges"]
    assert acknowledges["score"] == 100
    assert acknowledges["evidence"][0]["good"] is True


def test_naming_his_mother_and_the_harm_only_to_refuse_to_talk_about_them_acknowledges_nothing(tmp_path):
    found = criteria(case(tmp_path), "I won't discuss your mother or the wheelchair here.")
    assert found["acknowledges"]["score"] == 0


def test_a_reply_that_only_thanks_the_son_does_not_acknowledge_when_the_rubric_asks_for_her(tmp_path):
    found = criteria(case(tmp_path), "Thank you for letting us know, Kees, I'm so sorry about the wheelchair.")
    acknowledges = found["acknowledges"]
    assert acknowledges["score"] == 0
    assert acknowledges["evidence"][0]["note"] == "sympathy for Kees, but not a word to or about his mother Annie"
    assert acknowledges["tip"] == ("In your first reply, name what happened to his mother Annie and how it "
                                   "feels, not only to Kees.")


def test_without_the_rubric_asking_for_her_ignoring_her_scores_less_but_not_nothing(tmp_path):
    scenario = case(tmp_path, SON_WRITES.replace("  acknowledge_writes_for: true\n", ""))
    ignored = criteria(scenario, "Kees, I'm so sorry about the wheelchair.")["acknowledges"]
    named = criteria(scenario, "Kees, I'm so sorry your mother waited for the wheelchair.")["acknowledges"]
    assert 0 < ignored["score"] < named["score"] == 100


def test_her_name_with_her_harm_acknowledges_even_without_a_word_of_sympathy(tmp_path):
    found = criteria(case(tmp_path), "Mrs de Vries should never have waited an hour for a wheelchair.")
    assert found["acknowledges"]["score"] == 100


def test_who_she_is_to_him_is_recognised_from_its_last_word_and_in_dutch(tmp_path):
    elderly = case(tmp_path, SON_WRITES.replace("relation: his mother", "relation: his elderly mother"), "a.yaml")
    assert criteria(elderly, "Kees, I'm so sorry your mother waited an hour.")["acknowledges"]["score"] == 100
    dutch = SON_WRITES.replace("language: en", "language: nl").replace("relation: his mother", "relation: zijn moeder")
    dutch = dutch.replace("harm: [waited an hour, wheelchair]", "harm: [uur gewacht, rolstoel]")
    found = criteria(case(tmp_path, dutch, "b.yaml"), "Kees, wat erg dat uw moeder een uur heeft gewacht op de rolstoel.")
    assert found["acknowledges"]["score"] == 100


def test_calling_the_son_by_name_is_personal_and_greeting_his_mother_is_not_someone_elses_name(tmp_path):
    found = criteria(case(tmp_path), "Hi Kees, and hello Annie if you read along: I'm so sorry.")
    notes = [e["note"] for e in found["personal"]["evidence"]]
    assert "calls Kees by name" in notes
    assert not any("someone else" in n for n in notes)


def test_the_customer_model_is_told_who_writes_for_whom(tmp_path):
    scenario = case(tmp_path)
    system = customer_messages(scenario, Cue(1, "waiting", 30, "angry", ("Hello?",)), [])[0]["content"]
    assert "You write for Annie de Vries (his mother)" in system
    assert "The harm happened to them, not to you" in system


def test_placeholders_name_the_person_he_writes_for(tmp_path):
    scenario = case(tmp_path)
    assert scenario.placeholders()["writes_for"] == "Annie de Vries"
    assert scenario.placeholders()["writes_for_first_name"] == "Mrs de Vries"
    assert scenario.placeholders()["writes_for_relation"] == "his mother"


def test_writes_for_placeholders_without_writes_for_are_unknown(tmp_path):
    text = SON_WRITES.replace("""  writes_for:
    name: Annie de Vries
    call_me: Mrs de Vries
    relation: his mother
""", "").replace("  acknowledge_writes_for: true\n", "")
    _, problems = check_bytes(text.encode(), tmp_path / "case.yaml")
    assert sorted((p.line, p.message) for p in problems.errors) == [
        (line_of(text, "briefing:"), "unknown placeholder '{writes_for}'"),
        (line_of(text, "lines: My mother"), "unknown placeholder '{writes_for_first_name}'"),
    ]


# ── details that are the customer's own ──────────────────────────────────────────────────

FORM_LETTER = ("Dear customer, thank you for your message. We have forwarded it to the responsible department. "
               "Kind regards, Team SkyBlue")


def test_a_form_letter_signed_team_skyblue_is_not_personal(tmp_path):
    found = criteria(case(tmp_path), FORM_LETTER)
    assert found["personal"]["score"] == 0
    assert found["personal"]["evidence"][0]["good"] is False


def test_without_own_details_the_airlines_own_name_is_not_hers_either(tmp_path):
    text = SON_WRITES.replace("  own_details: [booking, wheelchair]\n", "").replace(
        "  company: SkyBlue\n", "  company: SkyBlue\n  airline: \"@SkyBlueAir\"\n")
    found = criteria(case(tmp_path, text), FORM_LETTER)
    assert found["personal"]["score"] == 0


def test_using_a_detail_marked_as_hers_is_personal(tmp_path):
    found = criteria(case(tmp_path), "I see booking R2D4KW and the folding wheelchair here.")
    assert found["personal"]["score"] == 50
    assert found["personal"]["evidence"][0]["note"] == "mentions a detail of the case: 'R2D4KW'"


def test_a_detail_not_marked_as_hers_is_not_personal(tmp_path):
    found = criteria(case(tmp_path), "I see flight SB 203 here.")
    assert found["personal"]["score"] == 0


def test_an_own_detail_that_is_not_a_detail_is_an_error_with_did_you_mean(tmp_path):
    text = SON_WRITES.replace("own_details: [booking, wheelchair]", "own_details: [booking, wheelchar]")
    _, problems = check_bytes(text.encode(), tmp_path / "case.yaml")
    assert [(p.where, p.message, p.hint) for p in problems.errors] == [
        (f"{tmp_path / 'case.yaml'}:{line_of(text, 'own_details')}:26", "unknown detail 'wheelchar' in own_details",
         "did you mean 'wheelchair'? (own_details lists keys of details:)"),
    ]


# ── who writes for whom, where the customer is described ─────────────────────────────────


def test_the_briefing_card_says_whom_he_writes_for(tmp_path):
    from trainer.ui.widgets.briefing_card import BriefingCard

    card = BriefingCard(case(tmp_path), "en").card().plain
    assert "Kees de Vries\n@keesdv\nWrites for his mother, Annie de Vries, to whom it happened\n" in card


def test_plain_play_says_whom_he_writes_for(tmp_path, run_webcare):
    path = tmp_path / "wheelchair.yaml"
    path.write_text(SON_WRITES, "utf-8")
    result = run_webcare("play", str(path), "--plain", stdin="/end\n")
    assert result.returncode == 0, result.stderr
    assert "Customer: Kees de Vries (@keesdv)\n  writes for his mother, Annie de Vries" in result.stdout


def test_the_judge_is_told_whom_he_writes_for(tmp_path):
    from trainer.judge.prompt import prompt

    scenario = case(tmp_path)
    events = transcript("Kees, I'm so sorry your mother waited an hour.")
    asked = prompt(score(events, scenario), events, scenario)[1]["content"]
    assert "## The customer: Kees de Vries, writes for his mother, Annie de Vries, to whom it happened" in asked


def test_acknowledge_writes_for_without_anyone_written_for_is_an_error(tmp_path):
    text = SON_WRITES.replace("""  writes_for:
    name: Annie de Vries
    call_me: Mrs de Vries
    relation: his mother
""", "").replace("{writes_for}", "Annie").replace("{writes_for_first_name}", "Annie")
    _, problems = check_bytes(text.encode(), tmp_path / "case.yaml")
    assert [(p.line, p.message, p.hint) for p in problems.errors] == [
        (line_of(text, "acknowledge_writes_for"), "acknowledge_writes_for: true, but the customer writes for no one else",
         "add writes_for: (name, relation) under customer:, or remove acknowledge_writes_for"),
    ]
