"""The meaning layer reads what a sentence does, not only which words it has (issue 15's cases)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from scoring.signals import said
from trainer.engine.intents import Recogniser
from trainer.meaning.reading import read
from trainer.meaning.stems import keys
from trainer.scenario.loader import load_scenario

LEGROOM = load_scenario(ROOT / "scenarios" / "legroom-en.yaml")
LEGROOM_NL = load_scenario(ROOT / "scenarios" / "legroom-nl.yaml")


@pytest.mark.parametrize(("text", "language", "shows"), [
    ("I'm so sorry you didn't get the seats you paid for.", "en", True),
    ("I'm not sorry and I don't understand your frustration.", "en", False),
    ("Hi Sanne, oh no, I'm so sorry: a night without her rabbit must have been awful.", "en", True),
    ("Het spijt me dat je je stoelen niet kreeg.", "nl", True),
    ("Het spijt me niet.", "nl", False),
])
def test_an_apology_counts_only_when_it_is_not_denied(text, language, shows):
    assert (said("empathy", read(text, language)) is not None) is shows


@pytest.mark.parametrize(("text", "asks"), [
    ("What happened at the gate?", True),
    ("Can you tell me what happened when you boarded?", True),
    ("I will NOT tell you what happened.", False),
    ("What do you expect at midnight?", False),
])
def test_an_open_question_must_ask(text, asks):
    assert (said("open_question", read(text, "en")) is not None) is asks


@pytest.mark.parametrize(("text", "ahead"), [
    ("I'll DM you on Tuesday with what they change.", True),
    ("You'll have it within 7 days.", True),
    ("The system failed to sync on Tuesday.", False),
    ("I hope to get back to you tomorrow, maybe.", False),
])
def test_a_time_counts_when_it_points_ahead(text, ahead):
    assert (said("time", read(text, "en")) is not None) is ahead


def test_a_refused_next_step_is_no_commitment():
    assert said("commitment", read("I won't get back to you by Friday.", "en")) is None
    assert said("commitment", read("I will get back to you by Friday.", "en")) is not None


def test_inflections_share_a_stem_in_both_languages():
    assert keys("logging", "en") & keys("logged", "en")
    assert keys("terugbetaald", "nl") & keys("terugbetalen", "nl")
    assert keys("gelogd", "nl") & keys("loggen", "nl")


@pytest.mark.parametrize(("text", "intent", "found"), [
    ("I'm logging it right now with IT and seat planning, so this doesn't happen to other passengers.",
     "stop_it_happening", True),
    ("I have not logged anything.", "stop_it_happening", False),
    ("I'm refunding the full €160 to your card.", "offer_refund", True),
    ("I'm not going to refund you.", "offer_refund", False),
    ("Customer relations might refund you one day.", "offer_refund", False),
    ("What exactly happened at the gate?", "ask_what_happened", True),
    ("There's no need to tell me what happened.", "ask_what_happened", False),
])
def test_the_engine_reads_intents_through_the_meaning_layer(text, intent, found):
    recognised = Recogniser(LEGROOM.intents, LEGROOM.language, understand=True).recognise(text)
    assert (intent in recognised) is found, recognised


def test_a_recognition_says_why_it_counted():
    found = Recogniser(LEGROOM.intents, LEGROOM.language, understand=True).explain(
        "I'm so sorry, that must have been a miserable flight for Ruben.")
    assert any(r.name == "acknowledge_harm" and r.reason.startswith("acknowledge_harm: phrase") for r in found)


def test_dutch_word_order_and_negation():
    recognise = Recogniser(LEGROOM_NL.intents, LEGROOM_NL.language, understand=True).recognise
    assert "offer_voucher" not in recognise("Een voucher ga ik je niet aanbieden.")


def test_the_coach_sees_why_a_sentence_counted():
    from trainer.engine.moves import Say
    from trainer.engine.session import Session
    from trainer.review.annotate import annotate

    session = Session(LEGROOM, seed=0)
    session.customer_wrote("Well?")
    session.play(Say("I'm so sorry, that must have been a miserable flight for Ruben."))
    line = next(x for x in annotate(session.events).lines if x.who == "trainee")
    assert any(m.startswith("acknowledge_harm: phrase") for m in line.meant), line.meant


@pytest.mark.parametrize(("text", "intent"), [
    ("I'm not sorry and I don't understand your frustration.", "acknowledge_harm"),
    ("I will NOT tell you what happened.", "ask_what_happened"),
    ("I won't get back to you by Friday.", "promise_followup"),
    ("I have not logged anything.", "stop_it_happening"),
    ("The system failed to sync on Tuesday.", "promise_followup"),
])
def test_what_the_issue_found_inverted_no_longer_moves_her(text, intent):
    """In play, not only on the scorecard: the engine's own reading (and so her mood) ignores these."""
    from trainer.engine.events import IntentsRecognised, MoodChanged
    from trainer.engine.moves import Say
    from trainer.engine.session import Session

    session = Session(LEGROOM, seed=0)
    session.customer_wrote("Well?")
    events = session.play(Say(text))
    recognised = next(e for e in events if isinstance(e, IntentsRecognised))
    assert intent not in recognised.intents
    assert not any(isinstance(e, MoodChanged) and e.mood_delta > 0 for e in events)


@pytest.mark.parametrize(("text", "language", "every_item_asked"), [
    ("Send airport, gate, time and flight number of the recording.", "en", True),
    ("Share booking code, bag tag, and a photo of the case.", "en", True),
    ("Which airport, gate, and flight?", "en", True),
    ("Stuur luchthaven, gate en vluchtnummer.", "nl", True),
    ("I see exactly what you see, Sara, a plane flying into a tower.", "en", False),
    ("We sent airport staff, gate agents and a supervisor.", "en", False),
])
def test_a_list_goes_on_asking_what_its_first_clause_asks(text, language, every_item_asked):
    message = read(text, language)
    asked = [c.question or c.request for c in message.clauses]
    assert all(asked) is every_item_asked


def test_an_imperative_without_me_or_us_is_still_a_request():
    bag = load_scenario(ROOT / "scenarios" / "bag-thrower-en.yaml")
    recognise = Recogniser(bag.intents, bag.language).recognise
    assert "ask_where_when" in recognise("Send airport, gate, time and flight number of the recording.")
    assert "ask_where_when" not in recognise("Don't send airport, gate, time and flight number.")
