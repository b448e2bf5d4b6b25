"""A class's PostgreSQL server goes away while a trainee plays: the game goes on and no turn is lost.

Each story plays the legroom case in plain text against a real server and does to the database
what happens in a classroom: the connection is dropped between turns or in the middle of one
(`pg_terminate_backend`, an idle-session timeout), the server restarts, another program holds a
lock, a server process freezes. The trainee is told at most once, in one line.
"""

from __future__ import annotations

import time

import pytest
from pg_faults import (
    LEGROOM,
    MOVES,
    admin,
    drop_connections,
    drop_inside_a_turn,
    events_locked,
    fresh_database,
    frozen,
    play,
    running,
    stored_events,
    trap_sprung,
)

from trainer.engine.events import TraineeMessage
from trainer.store import StoreError, open_store
from trainer.store.errors import StoreUnavailable


def said(moves):
    return [m for m in moves if not m.startswith("/")]


def _all_stored(played, url):
    stored = stored_events(url, played.saved.session_id)
    assert stored.events == played.game.session.events, "every turn stored, each once"
    assert stored.row.finished and stored.row.outcome == "resolved"
    assert [e.text for e in stored.events if isinstance(e, TraineeMessage)] == said(MOVES)


def test_a_connection_dropped_between_turns_is_made_again_and_the_session_finishes_with_every_turn(pg_server):
    url = fresh_database(pg_server)
    dropped = []
    played = play(url, between=lambda i: i in (2, 5) and dropped.append(drop_connections(pg_server, url)))
    assert dropped == [1, 1], "the game's connection was dropped twice"
    assert played.said == [], "nothing to tell: the store connected again"
    assert "Traceback" not in played.out and "Outcome: resolved" in played.out
    _all_stored(played, url)


@pytest.mark.parametrize("when", ["while writing it", "at its commit"])
def test_a_connection_dropped_in_the_middle_of_a_turn_writes_that_turn_once(pg_server, when):
    url = fresh_database(pg_server)
    open_store(url).close()  # the tables, for the trap
    drop_inside_a_turn(url, at_row=12, deferred=when == "at its commit")  # the third turn's rows
    played = play(url)
    assert trap_sprung(url, 12), "the connection was dropped inside the third turn"
    assert played.said == [] and "Outcome: resolved" in played.out
    _all_stored(played, url)


def test_webcare_play_through_a_dropped_connection_exits_0_with_every_turn_stored(pg_server, run_webcare):
    url = fresh_database(pg_server)
    open_store(url).close()
    drop_inside_a_turn(url, at_row=12)
    result = run_webcare("play", "legroom-en", "--plain", "--db", url, "--name", "anna",
                         stdin="\n".join(MOVES) + "\n")
    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr
    assert trap_sprung(url, 12) and "Outcome: resolved" in result.stdout
    [row] = open_store(url).sessions()
    assert row.finished and row.outcome == "resolved"
    assert [e.text for e in stored_events(url, row.id).events if isinstance(e, TraineeMessage)] == said(MOVES)


def test_an_idle_session_timeout_between_turns_costs_nothing(pg_server):
    url = fresh_database(pg_server)
    name = url.rsplit("/", 1)[1]
    admin(pg_server, f'ALTER DATABASE "{name}" SET idle_session_timeout = 100')
    log = pg_server.folder / "log"
    before = log.read_text(errors="replace").count("idle-session timeout")
    played = play(url, between=lambda i: i in (3, 6) and time.sleep(0.4))  # she thinks; the server hangs up
    assert log.read_text(errors="replace").count("idle-session timeout") >= before + 2
    assert played.said == []
    _all_stored(played, url)


def test_a_server_down_for_two_turns_is_said_once_and_the_turns_are_written_when_it_is_back(spare_pg_server):
    url = fresh_database(spare_pg_server)

    def restart(i):
        if i == 3:
            spare_pg_server.stop()
        if i == 5:  # moves 3 and 4 were played while it was down
            spare_pg_server.run()

    try:
        played = play(url, between=restart)
    finally:
        running(spare_pg_server)
    away, back = played.said
    assert away.startswith("! The session database is away — can't reach the session database "
                           "postgresql://webcare@127.0.0.1:")
    assert "Playing on unsaved: your turns are kept and saved when it is back." in away
    assert back == "(The session database is back: the 3 turns played meanwhile are saved.)"
    assert "Traceback" not in played.out and "Outcome: resolved" in played.out
    _all_stored(played, url)


def test_a_server_still_down_at_the_end_says_what_was_not_saved_and_the_game_still_ends(spare_pg_server):
    url = fresh_database(spare_pg_server)
    try:
        played = play(url, between=lambda i: i == 7 and spare_pg_server.stop())
    finally:
        running(spare_pg_server)
    away, unsaved = played.said
    assert away.startswith("! The session database is away")
    assert unsaved.startswith("! The session database is still away") and "The last 2 turns" in unsaved
    assert "SCORECARD" in played.out, "the trainee still gets the scorecard"
    stored = stored_events(url, played.saved.session_id)
    assert not stored.row.finished and stored.events == played.game.session.events[:len(stored.events)]
    assert [e.text for e in stored.events if isinstance(e, TraineeMessage)] == said(MOVES[:7])


def test_a_frozen_database_gives_the_message_within_the_timeout_instead_of_silence(pg_server, monkeypatch):
    monkeypatch.setenv("WEBCARE_DB_TIMEOUT", "1")
    url = fresh_database(pg_server)
    holding = []

    def lock(i):
        if i == 3:
            holding.append(events_locked(url))
            holding[0].__enter__()
        if i == 6:
            holding[0].__exit__(None, None, None)

    played = play(url, between=lock)
    away, back = played.said
    assert away == (f"! The session database is away — the session database {url} did not answer within 1 s "
                    "(WEBCARE_DB_TIMEOUT). Playing on unsaved: your turns are kept and saved when it is back.")
    assert back.startswith("(The session database is back")
    _all_stored(played, url)


def test_a_server_process_that_answers_nothing_is_cut_off_and_the_game_goes_on(spare_pg_server, monkeypatch):
    monkeypatch.setenv("WEBCARE_DB_TIMEOUT", "1")
    url = fresh_database(spare_pg_server)
    stopped = []

    def freeze(i):
        if i == 4:
            store_pid = admin(spare_pg_server, "SELECT pid FROM pg_stat_activity WHERE datname = %s",
                              (url.rsplit("/", 1)[1],))[0][0]
            stopped.append(frozen(store_pid))
            stopped[0].__enter__()

    try:
        played = play(url, between=freeze)
    finally:
        for f in stopped:
            f.__exit__(None, None, None)
    assert stopped, "the game's server process was frozen"
    assert played.said == [], "a new connection answered: nothing to tell"
    _all_stored(played, url)


# ── the store itself ───────────────────────────────────────────────────────────────────


def test_a_turn_written_again_after_its_commits_answer_was_lost_is_stored_once(store):
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import parse_move
    from trainer.play import Round

    game = Round(LEGROOM, clock=FakeClock())
    game.opening()
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    done = store.record(session_id, game.session.events, 0)
    game.play(parse_move(MOVES[0]))
    store.record(session_id, game.session.events, 0)  # the game never heard that the first commit counted
    assert store.record(session_id, game.session.events, done) == len(game.session.events)
    assert store.load(session_id).events == game.session.events


def test_a_session_someone_else_wrote_to_is_not_overwritten(store):
    from trainer.engine.clock import FakeClock
    from trainer.play import Round

    mine, theirs = (Round(LEGROOM, seed=seed, clock=FakeClock()) for seed in (1, 2))
    mine.opening()
    theirs.opening()
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    store.record(session_id, theirs.session.events, 0)
    with pytest.raises(StoreError, match="holds turns this game did not play"):
        store.record(session_id, mine.session.events, 0)


def test_an_error_at_commit_is_the_stores_one_line_not_a_traceback(pg_server):
    url = fresh_database(pg_server)
    store = open_store(url)
    admin(pg_server, "SELECT 1")
    with store.db.transaction():
        store.db.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
                         "$$ BEGIN RAISE EXCEPTION 'no more sessions today'; END $$")
        store.db.execute("CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON sessions DEFERRABLE INITIALLY DEFERRED "
                         "FOR EACH ROW EXECUTE FUNCTION refuse()")
    with pytest.raises(StoreError, match="failed: no more sessions today") as caught:
        store.begin(trainee="anna", scenario=LEGROOM)
    assert not isinstance(caught.value, StoreUnavailable), "a refusal is not an outage: no retry"
    assert store.sessions() == [], "and the store goes on working"
    store.close()


def test_an_unreachable_server_is_said_as_away_without_the_password():
    with pytest.raises(StoreUnavailable) as caught:
        open_store("postgresql://coach:hunter2@127.0.0.1:9/class")
    assert "can't reach the session database postgresql://coach:***@127.0.0.1:9/class" in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_a_wrong_timeout_setting_is_said_in_one_line(pg_server, monkeypatch):
    monkeypatch.setenv("WEBCARE_DB_TIMEOUT", "soon")
    with pytest.raises(StoreError, match=r"WEBCARE_DB_TIMEOUT is seconds .* not 'soon'"):
        open_store(pg_server.url)
