"""A game stopped at any point picks up exactly where it was, and goes on being saved."""

from __future__ import annotations

from trainer.engine.clock import FakeClock
from trainer.engine.moves import parse_move
from trainer.play import Round
from trainer.scenario.library import find_scenario

LEGROOM = find_scenario("legroom-en")
EXEMPLARY = next(p for p in LEGROOM.playthroughs if p.name == "exemplary")


def _play(store, moves, seed=3):
    clock = FakeClock()
    game = Round(LEGROOM, seed=seed, clock=clock)
    game.opening()
    game.keep(store, trainee="anna")
    saved = game.saved
    for line in moves:
        clock.advance(40)
        game.play(parse_move(line))  # committed before it returns
    return game, saved


def test_a_stopped_game_resumes_where_it_stopped_and_ends_as_it_would_have(store):
    cut = 4
    first, saved = _play(store, EXEMPLARY.trainee[:cut])
    assert [r.id for r in store.unfinished("anna")] == [saved.session_id]

    clock = FakeClock(first.session.now())
    game = Round.resume(store, saved.session_id, LEGROOM, clock=clock)
    again = game.saved
    assert game.session.events == first.session.events
    assert again.session_id == saved.session_id and again.stored == len(first.session.events)
    for line in EXEMPLARY.trainee[cut:]:
        clock.advance(40)
        game.play(parse_move(line))
    assert game.session.over and game.session.outcome == "resolved"

    whole, _ = _play(store, EXEMPLARY.trainee)
    texts = lambda g: [getattr(e, "text", None) for e in g.session.events]  # noqa: E731
    assert texts(game) == texts(whole), "her lines, and the order of things, as in one go"
    assert store.load(saved.session_id).events == game.session.events


def test_a_game_whose_scenario_changed_starts_a_new_record_and_keeps_the_old(store):
    _, saved = _play(store, EXEMPLARY.trainee[:2])
    changed = LEGROOM.model_copy(update={"customer": LEGROOM.customer.model_copy(update={"mood": 55})})
    game = Round.resume(store, saved.session_id, changed)
    again = game.saved
    assert again.session_id != saved.session_id
    assert store.load(saved.session_id).row.outcome == "abandoned"
    assert store.load(again.session_id).events == game.session.events
