"""The scorecard's own words fit any customer, and the plain-text scorecard speaks the session's language."""

from __future__ import annotations

import re

import pytest
from conftest import LEGROOM_EN, LEGROOM_NL, SCENARIOS

from scoring import score
from scoring.batch.generic import generic_scenario
from scoring.report import render_text
from trainer.engine.events import CustomerMessage, SessionStarted, TraineeMessage
from trainer.playthrough import run_playthrough
from trainer.scenario.loader import load_scenario

SHE = {"en": r"\b(she|her|hers|herself)\b", "nl": r"\b(ze|zij|haar|haarzelf)\b"}
"""The words that would make a man a woman on his scorecard."""
QUOTED = re.compile(r"“[^”]*”")
"""What someone said, quoted as they said it: the trainee's words or the customer's question."""


def scorecard_words(text: str) -> str:
    """The scorecard's own words: the quotes taken out (a trainee may write `ze` for `they`)."""
    return QUOTED.sub("“…”", text)


@pytest.mark.parametrize("scenario_id", ["bag-thrower-en", "bag-thrower-nl"])
def test_thomas_is_never_she_on_his_scorecard(scenario_id):
    scenario = load_scenario(SCENARIOS / f"{scenario_id}.yaml")
    assert scenario.customer.first_name == "Thomas"
    for playthrough in scenario.playthroughs:
        card = run_playthrough(scenario, playthrough).scorecard
        text = scorecard_words(render_text(card))
        found = [line.strip() for line in text.splitlines() if re.search(SHE[scenario.language], line, re.IGNORECASE)]
        assert found == [], f"{playthrough.name}: {found}"
    exemplary = next(p for p in scenario.playthroughs if p.name == "exemplary")
    notes = [e.note for t in run_playthrough(scenario, exemplary).scorecard.trades.values()
             for c in t.criteria for e in c.evidence]
    assert any("Thomas" in note for note in notes), "the notes call him by his name"


LIBRARY = [f"{case}-{language}" for case in ("bag-thrower", "fan-drawing", "last-flight", "legroom", "lost-and-found",
                                              "public-details", "sarcastic-customer", "usb-stick")
           for language in ("en", "nl")]


@pytest.mark.parametrize("scenario_id", LIBRARY)
def test_every_note_and_tip_names_the_customer_it_was_written_for(scenario_id):
    scenario = load_scenario(SCENARIOS / f"{scenario_id}.yaml")
    for playthrough in scenario.playthroughs:
        card = run_playthrough(scenario, playthrough).scorecard
        texts = [*card.tips, *(x for t in card.trades.values() for c in t.criteria
                               for x in (c.title, c.tip, *(e.note for e in c.evidence)))]
        assert not [x for x in texts if "{customer}" in x or "{first_name}" in x], playthrough.name


@pytest.mark.parametrize(("language", "waited"), [("en", "the customer waited 10 min"),
                                                   ("nl", "de klant wachtte 10 min")])
def test_a_customer_with_no_name_is_the_customer(language, waited):
    events = [SessionStarted(0, "imported", language, 0, 40, 5),
              CustomerMessage(0, "Where is my suitcase?", "conversation", 40),
              TraineeMessage(1, "We are looking into it.", 600.0)]
    card = score(events, generic_scenario(language)).to_dict()
    prompt = next(c for c in card["trades"]["facilitator"]["criteria"] if c["id"] == "prompt")
    assert prompt["evidence"][0]["note"] == waited
    assert "?" not in prompt["tip"]  # no placeholder name in the tip either


def test_the_plain_text_scorecard_speaks_the_language_of_the_session():
    dutch = load_scenario(LEGROOM_NL)
    card = run_playthrough(dutch, dutch.playthroughs[0]).scorecard
    assert card.language == "nl" and card.to_dict()["language"] == "nl"
    text = render_text(card)
    for word in ("SCOREKAART", "Afloop: ", " beurten", "LOODGIETER", "beurt 1:", "echt, persoonlijk, altijd tijd"):
        assert word in text, word
    for word in ("SCORECARD", "Outcome:", " turns", "PLUMBER", "turn 1:", "Next time:", "Practice mode"):
        assert word not in text, word
    english = load_scenario(LEGROOM_EN)
    text = render_text(run_playthrough(english, english.playthroughs[0]).scorecard)
    assert "SCORECARD" in text and "PLUMBER" in text and "SCOREKAART" not in text
