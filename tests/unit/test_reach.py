"""What the story can ever reach once facts count, and the engine's memory of what was said before."""

from __future__ import annotations

from conftest import DATA

from trainer.engine.clock import FakeClock
from trainer.engine.moves import Lookup, Say
from trainer.engine.session import Session
from trainer.engine.steps import said_before
from trainer.scenario.graph import trigger
from trainer.scenario.library import find_scenario
from trainer.scenario.loader import load_scenario
from trainer.scenario.reach import by_next, lost, reach

MEMORY = DATA / "authoring" / "memory.yaml"
MAZE = DATA / "authoring" / "maze.yaml"


def test_every_library_case_reaches_all_it_maps():
    for ref in ("legroom-en", "lost-and-found-nl", "bag-thrower-en"):
        s = find_scenario(ref)
        assert not lost(s, reach(s)), ref
        assert reach(s).places == by_next(s), ref


def test_a_fact_behind_a_circle_never_comes_to_light_and_what_needs_it_is_lost():
    s = load_scenario(MAZE)
    r = reach(s)
    assert "secret" not in r.facts and "vault" not in r.tools and "delayed" in r.facts
    assert "done" in by_next(s) and "done" not in r.places
    assert [item.place for item in lost(s, r)] == ["done"]


def test_said_before_counts_an_earlier_message_not_the_one_being_answered():
    s = load_scenario(MEMORY)
    session = Session(s, clock=FakeClock(), mode="test")
    session.customer_wrote("…")
    session.play(Say("I'm so sorry about your suitcase."))
    assert session.said["apologise"] == session.turn
    assert not said_before(session, "apologise"), "the message being answered is not an earlier one"
    session.customer_wrote("…")
    session.play(Lookup("baggage"))
    assert said_before(session, "apologise"), "after a look-up, the last message is an earlier one"


def test_a_snapshot_remembers_what_was_said():
    s = load_scenario(MEMORY)
    session = Session(s, clock=FakeClock(), mode="test")
    session.customer_wrote("…")
    before = session.snapshot()
    session.play(Say("I'm so sorry about your suitcase."))
    session.restore(before)
    assert "apologise" not in session.said


def test_the_graph_labels_the_new_conditions():
    s = load_scenario(MEMORY)
    rule, thanks = s.anywhere
    assert trigger(rule) == "said apologise + said before apologise (in listening)"
    assert trigger(s.states["listening"].on[0]) == "said explain + not knows delayed"
    assert trigger(thanks) == "said thank (in listening)"
