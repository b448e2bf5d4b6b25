"""Full disk: real `webcare play --plain` games on a store of thousands of sessions, the disk filling mid-game.

The disk is filled with a file-size limit on each game's process (RLIMIT_FSIZE), set a
random number of bytes past the database's current log, so the write that fails lands at a
random turn (at the start for some games, never for a few). Every game must finish with its
scorecard, say once that sessions are not being saved, print no traceback, and leave in the
store exactly the turns it played up to the failure; the database stays sound throughout and
takes a whole game again once there is room.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.crash import MESSAGES
from bench.soaks.result import Result, Size, pick

SAID = [m for m in MESSAGES if not m.startswith("/")]


def _fill(db: Path, sessions: int) -> None:
    """A store a class has used for a while: `sessions` finished sessions of the legroom case."""
    from trainer.playthrough import run_playthrough
    from trainer.scenario.library import find_scenario
    from trainer.store import open_store

    scenario = find_scenario("legroom-en")
    played = run_playthrough(scenario, scenario.playthroughs[0])
    store = open_store(str(db))
    with store.db.transaction():
        for n in range(sessions):
            session_id = store.begin(trainee=f"trainee-{n % 40}", scenario=scenario)
            store.record(session_id, played.events, 0)
            store.finish(session_id, played.scorecard.to_dict())
    store.close()


def _play(db: Path, limit: int | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    env.update(WEBCARE_DB=str(db), WEBCARE_TRAINEE="soak", PYTHONIOENCODING="utf-8")

    def fill_the_disk() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([sys.executable, "-m", "trainer", "play", "legroom-en", "--plain", "--seed", "3"],
                          input="\n".join(MESSAGES) + "\n", capture_output=True, text=True, env=env, cwd=db.parent,
                          timeout=120, preexec_fn=fill_the_disk if limit is not None else None, check=False)


def _latest_lines(db: Path) -> tuple[list[str] | None, str]:
    """The trainee's lines of the latest game as stored (None: not even begun), and SQLite's own check."""
    conn = sqlite3.connect(db)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        row = conn.execute("SELECT id FROM sessions WHERE trainee = 'soak' ORDER BY started_at DESC LIMIT 1"
                           ).fetchone()
        if row is None:
            return None, check
        return [t for (t,) in conn.execute(
            "SELECT json_extract(data, '$.text') FROM events WHERE session_id = ? AND kind = 'trainee_message' "
            "ORDER BY seq", row)], check
    finally:
        conn.close()


def check(size: Size) -> Result:
    result = Result()
    try:
        import resource  # noqa: F401
    except ImportError:
        result.figures.append("skipped: needs RLIMIT_FSIZE (POSIX)")
        result.cases = 1
        return result
    rng = random.Random(2026)
    sessions, games = pick(size, full=2000, small=20), pick(size, full=100, small=3)
    mid = start = never = 0
    with tempfile.TemporaryDirectory(prefix="webcare-full-disk-") as folder:
        db = Path(folder) / "sessions.db"
        started = time.perf_counter()
        _fill(db, sessions)
        filled_in = time.perf_counter() - started
        megabytes = db.stat().st_size / 1e6
        known = 0
        for n in range(games):
            wal = Path(f"{db}-wal")
            base = max(wal.stat().st_size if wal.exists() else 0, 32_768)  # the -shm needs 32 KB to open at all
            limit = base + rng.randrange(0, 160_000)
            with result.case():
                done = _play(db, limit)
            again = f"game {n} (file limit {limit} bytes): "
            said = [line for line in (done.stdout + done.stderr).splitlines() if "not being saved" in line.lower()]
            stored, sound = _latest_lines(db)
            fresh = stored is not None and _count_soak(db) > known
            known = _count_soak(db)
            stored = stored if fresh else []
            if done.returncode != 0 or "Traceback" in done.stderr:
                result.fail(again + f"exit {done.returncode}: {done.stderr.strip()[-400:]}")
            elif "FACILITATOR" not in done.stdout or "Outcome:" not in done.stdout:
                result.fail(again + "no scorecard")
            elif sound != "ok":
                result.fail(again + f"the database is damaged afterwards: {sound}")
            elif stored != SAID[: len(stored)]:
                result.fail(again + f"the stored turns are not the game up to the failure: {stored}")
            elif len(stored) == len(SAID) and said:
                result.fail(again + "every turn was stored, yet it said sessions were not saved")
            elif len(stored) < len(SAID) and len(said) != 1:
                result.fail(again + f"said {len(said)} times that sessions are not saved: {said}")
            if len(stored) == len(SAID):
                never += 1
            elif stored:
                mid += 1
            else:
                start += 1
        whole = _play(db, None)  # room again
        stored, sound = _latest_lines(db)
        result.cases += 1
        if whole.returncode != 0 or stored != SAID or sound != "ok":
            result.fail(f"with room again, a whole game was not stored: {stored} ({sound}); {whole.stderr[-400:]}")
    result.figures.append(
        f"store of {sessions:,} sessions ({megabytes:.0f} MB, filled in {filled_in:.0f} s); {games} games: the disk "
        f"filled mid-game in {mid}, before the first turn in {start}, never in {never}; each said so once, "
        "ended with its scorecard and kept its turns up to the failure")
    return result


def _count_soak(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sessions WHERE trainee = 'soak'").fetchone()[0]
    finally:
        conn.close()
