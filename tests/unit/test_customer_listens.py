"""She reacts to what was said and done: she quotes only what the trainee wrote, does not repeat one line
while she has others, and a question she asked is answered by a deed the trainee tells her about."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from conftest import ROOT

from scoring.scorer import score
from trainer.authoring.quotes import unearned_quotes
from trainer.customers.scripted import ScriptedCustomer
from trainer.engine.events import CustomerMessage
from trainer.engine.moves import Act, Lookup, Say
from trainer.engine.session import Session
from trainer.scenario.loader import check_bytes, load_scenario

LEGROOM = load_scenario(ROOT / "scenarios" / "legroom-en.yaml")
MINIMAL = Path(__file__).resolve().parent.parent / "data" / "minimal.yaml"


def play(scenario, moves):
    session, customer, said = Session(scenario, seed=1), ScriptedCustomer(scenario, seed=1), []
    said.append(_her_line(session, customer))
    for move in moves:
        session.play(move)
        if session.cue is not None:
            said.append(_her_line(session, customer))
    return session, said


def _her_line(session, customer) -> str:
    events = session.customer_wrote(customer.write(session.cue))
    return next(e.text for e in events if isinstance(e, CustomerMessage))


def test_she_quotes_only_the_template_phrase_the_trainee_wrote():
    _, said = play(LEGROOM, [Say("We apologise for any inconvenience caused.")])
    assert "'Any inconvenience.'" in said[-1]
    assert "Responsible department" not in said[-1]


def test_she_does_not_repeat_one_line_while_her_state_has_others():
    moves = [Say("Hello.")] + [Say(f"Weather is nice today, number {i}.") for i in range(4)]
    _, said = play(LEGROOM, moves)
    replies = said[1:]
    assert all(a != b for a, b in pairwise(replies)), replies


def test_a_refund_clicked_but_never_mentioned_gets_no_thanks_for_it():
    scenario = LEGROOM
    moves = [Say("I'm so sorry, Daniela: you paid for legroom and sat ten hours without it."),
             Lookup("booking"), Lookup("seat_record"),
             Say("An aircraft change made our seat system release your seats, while the website still showed them."),
             Act("refund_seats", 160)]
    _, said = play(scenario, moves)
    assert not said[-1].startswith("Refund noted"), said[-1]


def test_her_question_is_answered_by_a_deed_the_trainee_tells_her_about():
    moves = [Say("I'm so sorry, Daniela: you paid for legroom and sat ten hours without it."),
             Lookup("booking"), Lookup("seat_record"),
             Say("An aircraft change made our seat system release your seats, while the website still showed them."),
             Act("refund_seats", 160), Say("I've refunded the full €160 to your card."),
             Say("Fair question. I'm on it right now with IT and seat planning, so the site stops showing "
                 "released seats as confirmed."), Act("log_fault")]
    session, _ = play(LEGROOM, moves)
    card = score(session.events, LEGROOM)
    answers = next(c for c in card.trades["detective"].criteria if c.id == "answers_questions")
    assert answers.score == 1.0, [e.note for e in answers.evidence]


def test_a_condition_naming_an_unknown_action_is_an_error(tmp_path):
    text = MINIMAL.read_text("utf-8").replace(
        "    lines: Thanks. So what happened to my bag?",
        "    lines:\n      - say: And the money?\n        unless_done: refnd\n      - So what happened to my bag?")
    _, problems = check_bytes(text.encode(), tmp_path / "case.yaml")
    assert [p.message for p in problems.errors] == ["unknown action 'refnd'"]


def test_check_warns_about_a_line_that_quotes_what_may_not_have_been_written(tmp_path):
    text = MINIMAL.read_text("utf-8").replace(
        "        mood: +10\n        next: listening",
        "        mood: +10\n        next: listening\n        lines: \"'Sorry.' Is that all?\"").replace(
        "    match: [sorry, apolog*]", "    match: [so sorry, apolog*]")
    path = tmp_path / "case.yaml"
    path.write_text(text, "utf-8")
    assert unearned_quotes(load_scenario(path)) == [], "a one-word quote is her own word"
    text = text.replace("\"'Sorry.' Is that all?\"", "\"'So sorry.' Is that all?\"")
    path.write_text(text, "utf-8")
    found = unearned_quotes(load_scenario(path))
    assert len(found) == 1 and "quotes 'So sorry.'" in found[0].message and found[0].severity == "warning"
