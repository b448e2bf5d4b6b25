"""An author starts the legroom case part-way (`--from`): where, in what mood, knowing what; and it replays."""

from __future__ import annotations

import pytest

from scoring import score
from trainer.engine.clock import FakeClock
from trainer.engine.events import FactRevealed, SessionStarted, event_from_dict
from trainer.engine.moves import parse_move
from trainer.engine.session import Session
from trainer.engine.start import StartAt, StartError, start_at
from trainer.play import Round, replayed
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")
EXPLAIN = "An aircraft change made our seat system release your seats 14A and 14C. That was our mistake."


def test_a_session_opens_in_the_chosen_state_with_her_lines_there_her_mood_and_the_facts_known():
    start = start_at(LEGROOM, "telling", 65, ["seats_released", "paid_extra"])
    session = Session(LEGROOM, clock=FakeClock(), start=start)
    assert session.state == "telling" and session.mood == 65
    assert session.cue.lines == LEGROOM.states["telling"].lines["calm"]  # her telling lines, calm at mood 65
    assert session.known == {"seats_released": 0, "paid_extra": 0}
    started, *revealed = session.events
    assert isinstance(started, SessionStarted)
    assert (started.start, started.mood, started.facts) == ("telling", 65, ("seats_released", "paid_extra"))
    assert [(e.turn, e.fact, e.source) for e in revealed] == [
        (0, "seats_released", "start"), (0, "paid_extra", "start")]


def test_facts_known_from_the_start_count_as_found_so_the_explanation_is_no_guess():
    game = Round(LEGROOM, clock=FakeClock(), start=start_at(LEGROOM, "telling", facts=["seats_released"]))
    game.opening()
    game.play(parse_move(EXPLAIN))
    assert game.session.state == "understood"
    assert game.session.mood == LEGROOM.customer.mood + 20  # her own mood, +20 for the real cause


def test_without_mood_or_state_she_starts_as_the_scenario_says():
    session = Session(LEGROOM, clock=FakeClock(), start=start_at(LEGROOM, facts=["no_email"]))
    assert session.state == LEGROOM.start and session.mood == LEGROOM.customer.mood
    plain = Session(LEGROOM, clock=FakeClock())
    assert (plain.events[0].start, plain.events[0].facts) == ("", ())


@pytest.mark.parametrize(("state", "mood", "facts", "message"), [
    ("teling", None, (), "legroom-en has no state 'teling'; did you mean 'telling'?"),
    ("blogged", None, (), "'blogged' is an outcome, where a conversation ends; start in a state: complaint, telling"),
    ("zzz_nowhere", None, (), "choose one of: complaint, insulted, refunded"),
    ("telling", 101, (), "the mood runs from 0 (livid) to 100 (delighted), not 101"),
    ("telling", -1, (), "not -1"),
    ("telling", None, ("seats_relased",), "legroom-en has no fact 'seats_relased'; did you mean 'seats_released'?"),
])
def test_a_wrong_start_names_what_the_scenario_has(state, mood, facts, message):
    with pytest.raises(StartError) as caught:
        start_at(LEGROOM, state, mood, facts)
    assert message in str(caught.value)


def test_a_rewind_or_replay_of_a_session_started_part_way_starts_there_again():
    clock = FakeClock()
    first = Round(LEGROOM, clock=clock, start=start_at(LEGROOM, "telling", 45, ["seats_released"]))
    first.opening()
    for line in (EXPLAIN, "/lookup booking"):
        clock.advance(30)
        first.play(parse_move(line))
    again = replayed(LEGROOM, first.session.events, before_turn=10**9, live=FakeClock(clock()))
    assert again.session.events == first.session.events
    assert again.session.state == "understood"


def test_an_old_log_without_start_fields_still_loads_and_replays_from_the_start():
    old = {"kind": "session_started", "turn": 0, "at": 0.0, "scenario": "legroom-en", "language": "en",
           "seed": 0, "mood": 30, "patience": 6, "mode": "practice"}
    started = event_from_dict(old)
    assert (started.start, started.facts) == ("", ())
    new = event_from_dict(SessionStarted(0, "legroom-en", "en", 0, 50, 6, start="telling",
                                         facts=("paid_extra",)).to_dict())
    assert (new.start, new.facts) == ("telling", ("paid_extra",))
    game = replayed(LEGROOM, [started], before_turn=1, live=FakeClock())
    assert game.session.state == LEGROOM.start


def test_a_stopped_session_started_part_way_resumes_where_it_was(tmp_path):
    store = open_store(str(tmp_path / "sessions.db"))
    clock = FakeClock()
    game = Round(LEGROOM, clock=clock, start=StartAt("telling", 45, ("seats_released",)))
    game.keep(store, trainee="author")
    saved = game.saved
    game.opening()
    clock.advance(30)
    game.play(parse_move(EXPLAIN))
    resumed = Round.resume(store, saved.session_id, LEGROOM, clock=FakeClock(clock()))
    again = resumed.saved
    assert again.session_id == saved.session_id, "the same record goes on: the replay matched"
    assert resumed.session.state == "understood" and resumed.session.events == game.session.events
    store.close()


@pytest.mark.parametrize(("scenario_id", "note"), [
    ("legroom-en", "Started part-way, in 'understood' (webcare play --from)"),
    ("legroom-nl", "Halverwege begonnen, in 'understood' (webcare play --from)"),
])
def test_the_scorecard_of_a_session_started_part_way_says_so(scenario_id, note):
    scenario = find_scenario(scenario_id)
    game = Round(scenario, clock=FakeClock(), start=start_at(scenario, "understood", facts=["paid_extra"]))
    game.opening()
    game.play(parse_move("/do refund_seats 160"))
    card = score(game.session.events, scenario)
    assert card.summary.startswith(note) and card.to_dict()["started_from"] == "understood"
    evidence = [e for c in card.trades["detective"].criteria if c.id == "key_facts" for e in c.evidence]
    assert any(e.action in ("known from the start", "bekend vanaf de start") for e in evidence)
    whole = Round(scenario, clock=FakeClock())
    whole.opening()
    whole.play(parse_move("/end"))
    assert "started_from" not in score(whole.session.events, scenario).to_dict()
    assert not any(isinstance(e, FactRevealed) for e in whole.session.events)
