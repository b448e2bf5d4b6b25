"""A coach reads a session turn by turn: what the scorer said of a look-up sits on the look-up's line."""

from __future__ import annotations

from trainer.playthrough import run_playthrough
from trainer.review.annotate import annotate
from trainer.scenario.library import find_scenario

LEGROOM = find_scenario("legroom-en")


def test_looking_the_facts_up_first_is_noted_on_the_look_up_not_on_the_message_before_it():
    exemplary = next(p for p in LEGROOM.playthroughs if p.name == "exemplary")
    result = run_playthrough(LEGROOM, exemplary)
    lines = annotate(result.events, result.scorecard).lines
    noted = [line for line in lines if any(title == "Looks the facts up before concluding"
                                           for _trade, title, _good, _note in line.criteria)]
    assert noted and all(line.who == "system" and line.text.startswith("looked up") for line in noted)
