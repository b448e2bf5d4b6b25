"""A session being played holds a lease: no other game resumes it meanwhile; once it is let go (or its game died), it can."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from trainer.engine.clock import FakeClock
from trainer.engine.events import TraineeMessage
from trainer.engine.moves import parse_move
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.store import StoreError, open_store
from trainer.store.errors import SessionHeld
from trainer.store.lease import MACHINE, Heartbeat

LEGROOM = find_scenario("legroom-en")
EXEMPLARY = next(p for p in LEGROOM.playthroughs if p.name == "exemplary")


def _start(store, moves):
    clock = FakeClock()
    game = Round(LEGROOM, seed=3, clock=clock)
    game.opening()
    game.keep(store, trainee="anna")
    saved = game.saved
    for line in moves:
        _move(game, saved, clock, line)
    return game, saved, clock


def _move(game, saved, clock, line):
    clock.advance(40)
    game.play(parse_move(line))  # committed before it returns


def _said(store, session_id) -> list[str]:
    return [e.text for e in store.load(session_id).events if isinstance(e, TraineeMessage)]


def _messages(moves) -> list[str]:
    return [m for m in moves if not m.startswith("/")]


def _lease(db_url, session_id, holder, minutes):
    """Set a session's lease by hand: as a game elsewhere left it, `minutes` from now (negative: run out)."""
    until = (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat(timespec="microseconds").replace("+00:00", "Z")
    store = open_store(db_url)
    with store.db.transaction():
        store.db.execute("UPDATE sessions SET lease_holder = ?, lease_until = ? WHERE id = ?",
                         (holder, until, session_id))
    store.close()


def test_a_second_game_cannot_resume_a_session_still_being_played_and_can_once_it_is_let_go(db_url):
    first = open_store(db_url)
    game, saved, _ = _start(first, EXEMPLARY.trainee[:2])

    second = open_store(db_url)  # another terminal, on the same database
    assert second.unfinished("anna") == []
    assert [r.id for r in second.unfinished("anna", held=True)] == [saved.session_id]
    with pytest.raises(SessionHeld, match="being played in another window"):
        Round.resume(second, saved.session_id, LEGROOM)
    with pytest.raises(SessionHeld):
        second.discard(saved.session_id)

    first.close()  # the first game is closed mid-conversation: its lease is let go
    [row] = second.unfinished("anna")
    again = Round.resume(second, row.id, LEGROOM, clock=FakeClock(game.session.now()))
    kept = again.saved
    _move(again, kept, FakeClock(game.session.now()), EXEMPLARY.trainee[2])
    assert kept.problem is None
    assert _said(second, row.id) == _messages(EXEMPLARY.trainee[:3])
    second.close()


def test_a_game_whose_session_was_taken_over_goes_on_unsaved_and_nothing_is_mixed_in(db_url):
    first = open_store(db_url)
    game, saved, clock = _start(first, EXEMPLARY.trainee[:2])
    _lease(db_url, saved.session_id, first.holder, minutes=-1)  # as if the game had been away past its lease

    second = open_store(db_url)
    [row] = second.unfinished("anna")
    again = Round.resume(second, row.id, LEGROOM, clock=FakeClock(game.session.now()))
    kept = again.saved

    _move(game, saved, clock, "Hello? Anyone from the first window?")  # the first game comes back
    assert saved.problem and "resumed in another window" in saved.problem
    assert "duplicate" not in saved.problem
    _move(again, kept, FakeClock(game.session.now()), EXEMPLARY.trainee[2])
    assert kept.problem is None
    assert _said(second, row.id) == _messages(EXEMPLARY.trainee[:3]), "the second game's turns only"
    first.close()
    second.close()


def test_a_lease_from_another_machine_is_respected_until_it_runs_out(tmp_path):
    db = str(tmp_path / "sessions.db")
    store = open_store(db)
    _, saved, _ = _start(store, EXEMPLARY.trainee[:1])
    store.close()
    elsewhere = "0123456789ab:4242::deadbeef"  # a game on another machine: whether it runs can't be told from here
    _lease(db, saved.session_id, elsewhere, minutes=1)
    assert open_store(db).unfinished("anna") == []
    _lease(db, saved.session_id, elsewhere, minutes=-1)
    assert [r.id for r in open_store(db).unfinished("anna")] == [saved.session_id]


def test_a_lease_of_a_game_that_died_on_this_machine_is_free_at_once(tmp_path):
    db = str(tmp_path / "sessions.db")
    store = open_store(db)
    _, saved, _ = _start(store, EXEMPLARY.trainee[:1])
    store.close()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=False)
    _lease(db, saved.session_id, f"{MACHINE}:{int(gone.stdout)}::deadbeef", minutes=1)
    assert [r.id for r in open_store(db).unfinished("anna")] == [saved.session_id]


def test_resuming_in_a_second_terminal_while_the_first_plays_says_so_and_works_once_the_first_is_gone(
        tmp_path, run_webcare):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    env.update(WEBCARE_DB=str(tmp_path / "sessions.db"), PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
    first = subprocess.Popen([sys.executable, "-m", "trainer", "play", "legroom-en", "--plain", "--name", "anna"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env=env, cwd=tmp_path)
    try:
        first.stdin.write(EXEMPLARY.trainee[0] + "\n")
        first.stdin.flush()
        for line in first.stdout:  # shown once committed
            if line.startswith("you> "):
                break
        second = run_webcare("play", "--plain", "--resume", "--name", "anna", stdin="/end\n")
        assert second.returncode == 1
        assert "no stopped session of anna to resume (1 being played in another window right now)" in second.stderr
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    third = run_webcare("play", "--plain", "--resume", "--name", "anna", stdin="/end\n")
    assert third.returncode == 0, third.stderr
    store = open_store(str(tmp_path / "sessions.db"))
    [row] = store.sessions()
    assert row.finished and _said(store, row.id) == _messages(EXEMPLARY.trainee[:1])


def test_a_finished_session_is_not_resumed(store):
    game, saved, _ = _start(store, EXEMPLARY.trainee[:1])
    saved.finish(game.session.events, {"outcome": "left"}, {})
    with pytest.raises(StoreError, match="finished"):
        Round.resume(store, saved.session_id, LEGROOM)


def test_a_game_left_idle_keeps_its_lease_while_it_runs(tmp_path):
    db = str(tmp_path / "sessions.db")
    store = open_store(db)
    _, saved, _ = _start(store, EXEMPLARY.trainee[:1])

    def expiry():
        return store.db.execute("SELECT lease_until FROM sessions WHERE id = ?", (saved.session_id,))[0][0]

    first = expiry()
    beat = Heartbeat(store._renew, every=0.01)  # the store's own beats every RENEW_SECONDS; the same work, sooner
    try:
        for _ in range(1000):
            if expiry() > first:
                break
            time.sleep(0.01)
    finally:
        beat.stop()
    assert expiry() > first, "pushed back while nobody typed"
    store.close()
    assert open_store(db).unfinished("anna")[0].id == saved.session_id, "closed: let go at once"
