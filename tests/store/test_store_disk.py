"""A full disk, a read-only folder or file, a damaged database: said in one line, and the game plays on unsaved."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys

import pytest
from misbehaving_disks import LEGROOM_LINES, needs_file_limits, play_plain, read_only

from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import StoreError, open_store

LEGROOM = find_scenario("legroom-en")


def _said_once_and_scored(result: subprocess.CompletedProcess[str]) -> str:
    """The one line that says sessions are not saved; and the game reached its scorecard without a traceback."""
    said = [line for line in (result.stdout + result.stderr).splitlines() if "not being saved" in line.lower()]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(said) == 1, said
    assert "FACILITATOR" in result.stdout and "Outcome:" in result.stdout, "the scorecard"
    return said[0]


def _trainee_lines(db) -> list[list[str]]:
    """Per stored session, the trainee's messages, read by a program that is not ours."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return [[text for (text,) in conn.execute(
            "SELECT json_extract(data, '$.text') FROM events WHERE session_id = ? AND kind = 'trainee_message' "
            "ORDER BY seq", (sid,))] for (sid,) in conn.execute("SELECT id FROM sessions ORDER BY started_at")]
    finally:
        conn.close()


def _played(db, rounds: int = 3) -> None:
    store = open_store(str(db))
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[0])
    for _ in range(rounds):
        session_id = store.begin(trainee="anna", scenario=LEGROOM)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
    store.close()


# ── a full disk ────────────────────────────────────────────────────────────────────────

def test_a_disk_full_before_the_first_session_is_said_in_one_line_and_the_game_plays_unsaved(tmp_path):
    needs_file_limits()
    db = tmp_path / "sessions.db"
    result = play_plain(db, file_limit=60_000)  # room for the file, not for its tables
    line = _said_once_and_scored(result)
    assert "sessions.db" in line and "--db" in line


def test_a_disk_that_fills_mid_session_keeps_the_turns_saved_so_far_and_the_game_ends_with_its_scorecard(tmp_path):
    needs_file_limits()
    db = tmp_path / "sessions.db"
    open_store(str(db)).close()
    result = play_plain(db, file_limit=90_000)  # room for the first turns only
    _said_once_and_scored(result)
    [stored] = _trainee_lines(db)
    said = [line for line in LEGROOM_LINES if not line.startswith("/")]
    assert 0 < len(stored) < len(said), "it filled mid-session"
    assert stored == said[: len(stored)], "what was saved is the game up to the turn the disk filled"
    again = play_plain(db)  # room again: the next game is saved whole
    assert "not being saved" not in again.stdout + again.stderr
    assert _trainee_lines(db)[-1] == said


def test_a_write_refused_for_room_leaves_the_store_usable_once_there_is_room_again(tmp_path):
    db = tmp_path / "sessions.db"
    store = open_store(str(db))
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[0])
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    pages = store.db.execute("PRAGMA page_count")[0][0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full: not one page more
    with pytest.raises(StoreError, match="full; free some space"):
        store.record(session_id, result.events, 0)
    store.db.execute(f"PRAGMA max_page_count = {pages + 10_000}")
    assert store.record(session_id, result.events, 0) == len(result.events)
    store.close()


# ── read-only ──────────────────────────────────────────────────────────────────────────

def test_history_and_export_read_a_store_in_a_read_only_folder(tmp_path, run_webcare):
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "sessions.db"
    _played(db)
    with read_only(db, folder):
        history = run_webcare("history", "--trainee", "anna", "--db", str(db))
        export = run_webcare("export", "--format", "csv", "--db", str(db))
        assert sorted(p.name for p in folder.iterdir()) == ["sessions.db"]
    assert history.returncode == 0, history.stderr
    assert "legroom-en" in history.stdout and "3" in history.stdout
    assert export.returncode == 0, export.stderr
    assert export.stdout.count("anna,legroom-en") == 3


def test_history_of_a_database_not_made_yet_says_there_is_nothing_and_makes_none(tmp_path, run_webcare):
    db = tmp_path / "nowhere" / "sessions.db"
    result = run_webcare("history", "--trainee", "anna", "--db", str(db))
    assert result.returncode == 0 and "No sessions for anna yet." in result.stdout
    assert not db.parent.exists()


@pytest.mark.parametrize("where", ["file", "file and folder"])
def test_play_on_a_read_only_database_says_so_once_and_plays_unsaved(tmp_path, where):
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "sessions.db"
    _played(db, rounds=1)
    before = db.read_bytes()
    with read_only(*([db] if where == "file" else [db, folder])):
        result = play_plain(db)
    assert "read-only" in _said_once_and_scored(result)
    assert db.read_bytes() == before


# ── a damaged database ─────────────────────────────────────────────────────────────────

def _damage(db) -> bytes:
    """Overwrite a page in the middle of the file with noise; the header and the schema stay readable."""
    data = bytearray(db.read_bytes())
    page = len(data) // 4096 // 2
    data[page * 4096:(page + 1) * 4096] = random.Random(1).randbytes(4096)
    db.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_database_is_refused_for_writing_and_the_game_plays_unsaved(tmp_path):
    db = tmp_path / "sessions.db"
    _played(db, rounds=20)
    damaged = _damage(db)
    with pytest.raises(StoreError, match=r"not a readable session database .*left as it is.*nothing more is "
                                         r"written into it.*recover"):
        open_store(str(db))
    result = play_plain(db)
    line = _said_once_and_scored(result)
    assert "not a readable session database" in line
    assert db.read_bytes() == damaged, "not one byte written into it"


def test_damage_found_mid_session_stops_every_write_after_it(tmp_path):
    db = tmp_path / "sessions.db"
    _played(db, rounds=20)
    store = open_store(str(db))  # sound when opened
    store.db.execute("PRAGMA cache_size = 1")  # pages are read from the disk again, as after a while they would be
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    conn = sqlite3.connect(db)
    [(index,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_events_1'")
    conn.close()
    data = bytearray(db.read_bytes())
    data[(index - 1) * 4096] = 0  # the disk goes bad under it: the events index is no b-tree page any more
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a readable session database"):
        store.record(session_id, run_playthrough(LEGROOM, LEGROOM.playthroughs[0]).events, 0)
    with pytest.raises(StoreError, match="not a readable session database"):
        store.begin(trainee="anna", scenario=LEGROOM)  # its pages are sound, but the file is not: nothing more
    store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (21,), "the 20 and the one begun before"
    assert conn.execute("SELECT count(*) FROM events NOT INDEXED WHERE session_id = ?", (session_id,)).fetchone() == (0,)
    conn.close()


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX disks")
