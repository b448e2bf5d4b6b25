"""A session is kept turn by turn and read back whole, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json

import pytest

from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import StoreError, open_store

LEGROOM = find_scenario("legroom-en")
PLAYED = {p.name: run_playthrough(LEGROOM, p) for p in LEGROOM.playthroughs}


def _play_into(store, name="exemplary", trainee="anna", finish=True):
    result = PLAYED[name]
    session_id = store.begin(trainee=trainee, scenario=LEGROOM, seed=0, manifest={"customer": "scripted"})
    stored = 0
    for i in range(1, len(result.events) + 1):  # one commit per event: the finest a game ever records
        stored = store.record(session_id, result.events[:i], stored)
    if finish:
        store.finish(session_id, result.scorecard)
    return session_id, result


def test_a_played_session_reads_back_exactly_as_it_was_played(store):
    session_id, result = _play_into(store)
    back = store.load(session_id)
    assert back.events == result.events
    assert json.dumps(back.scorecard.to_dict()) == json.dumps(result.scorecard.to_dict())  # the same bytes
    assert back.row.outcome == "resolved" and back.row.finished
    assert back.row.scores == {t: result.scorecard.trades[t].score for t in ("facilitator", "detective", "plumber")}
    assert back.manifest["customer"] == "scripted" and back.manifest["scenario_hash"].startswith("sha256:")


def test_an_unfinished_session_is_offered_for_resuming_and_a_finished_one_is_not(store):
    open_id, _ = _play_into(store, "mediocre", finish=False)
    _play_into(store, "exemplary")
    assert [r.id for r in store.unfinished("anna")] == [open_id]
    assert store.unfinished("someone else") == []
    store.discard(open_id)
    assert store.unfinished() == []


def test_a_coach_browses_by_trainee_scenario_and_outcome_and_sorts_by_score(store):
    _play_into(store, "exemplary", trainee="anna")
    _play_into(store, "copy-paste", trainee="bram")
    _play_into(store, "mediocre", trainee="bram")
    assert store.trainees() == ["anna", "bram"]
    assert {r.outcome for r in store.sessions(trainee="bram")} == {"blogged", "left"}
    assert [r.trainee for r in store.sessions(outcome="resolved")] == ["anna"]
    by_plumber = [r.scores["plumber"] for r in store.sessions(order="plumber")]
    assert by_plumber == sorted(by_plumber, reverse=True)
    with pytest.raises(StoreError, match="can't sort by"):
        store.sessions(order="password")


def test_notes_and_overrides_are_kept_with_who_when_and_why_and_the_original_stays(store):
    session_id, result = _play_into(store, "mediocre")
    store.add_note(session_id, "Good that you checked the booking first.", author="coach kim", turn=2)
    store.add_note(session_id, "Overall: ask why before you refund.", author="coach kim")
    original = result.scorecard.trades["plumber"].score
    store.override(session_id, "plumber", 10, reason="The refund came without any explanation.", author="coach kim")
    back = store.load(session_id)
    assert [(n.turn, n.author) for n in back.notes] == [(2, "coach kim"), (None, "coach kim")]
    [change] = back.overrides
    assert (change.original, change.score, change.author) == (original, 10, "coach kim")
    assert change.reason.startswith("The refund") and change.created_at
    assert back.score("plumber") == 10 and back.row.scores["plumber"] == original


def test_an_override_needs_a_reason_a_known_trade_and_a_score_in_range(store):
    session_id, _ = _play_into(store)
    with pytest.raises(StoreError, match="say why"):
        store.override(session_id, "plumber", 50, reason=" ", author="kim")
    with pytest.raises(StoreError, match="unknown trade"):
        store.override(session_id, "charm", 50, reason="x", author="kim")
    with pytest.raises(StoreError, match="0–100"):
        store.override(session_id, "plumber", 150, reason="x", author="kim")
    with pytest.raises(StoreError, match="no session"):
        store.add_note("nope", "hello", author="kim")


def test_a_trainees_history_shows_attempts_best_and_latest_scores(store):
    _play_into(store, "copy-paste")
    _play_into(store, "exemplary")
    _play_into(store, "mediocre")
    _play_into(store, "mediocre", finish=False)
    [legroom] = store.history("anna")
    assert (legroom.attempts, legroom.finished) == (4, 3)
    # best so far is one attempt, the exemplary one: never one trade from one attempt and one from another
    assert legroom.best == {t: PLAYED["exemplary"].scorecard.trades[t].score for t in legroom.best}
    assert legroom.latest == {t: PLAYED["mediocre"].scorecard.trades[t].score for t in legroom.latest}
    assert [scores["plumber"] for _, scores in legroom.series] == [
        PLAYED[n].scorecard.trades["plumber"].score for n in ("copy-paste", "exemplary", "mediocre")]


def test_reopening_the_store_keeps_everything(db_url):
    first = open_store(db_url)
    session_id, result = _play_into(first)
    first.close()
    again = open_store(db_url)
    assert again.load(session_id).events == result.events
    again.close()
