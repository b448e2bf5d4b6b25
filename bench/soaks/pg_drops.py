"""Dropped PostgreSQL connections: many sessions played while the class's server keeps losing them.

Each session plays the legroom case in plain text against a real server (tests/pg_server.py)
and, at random moves, has its connection terminated between turns, dropped inside a turn's
transaction (a trigger that kills its own connection), the server restarted across two or three
turns, or the events table locked by another program past the statement timeout. Every
session must end with every event the game played stored exactly once and the session finished:
turns lost 0, and no traceback.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.soaks.result import Result, Size, pick

TESTS = Path(__file__).resolve().parents[2] / "tests"


def check(size: Size) -> Result:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from pg_server import server_programs, start_server

    result = Result()
    if server_programs() is None:
        result.skip("PostgreSQL's server is not installed: install it (Debian: apt-get install postgresql) or "
                    "run .ci/run, which installs it")
        return result
    folder = Path(tempfile.mkdtemp(prefix="webcare-pg-soak-"))
    os.chmod(folder, 0o755)
    server = start_server(folder)
    before = os.environ.get("WEBCARE_DB_TIMEOUT")
    os.environ["WEBCARE_DB_TIMEOUT"] = "1"  # a lock costs a second here, not the default five
    try:
        _sessions(server, size, result)
    finally:
        if before is None:
            os.environ.pop("WEBCARE_DB_TIMEOUT", None)
        else:
            os.environ["WEBCARE_DB_TIMEOUT"] = before
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return result


class Faults:
    """One session's plan: before which moves what happens to the database, and what holds it away."""

    def __init__(self, server, url: str, plan: dict[int, list[str]], rng: random.Random, count: Counter) -> None:
        self.server, self.url, self.plan, self.rng, self.count = server, url, plan, rng, count
        self.away: list[tuple[object, int]] = []
        """What holds the database away (the stopped server, a lock), and before which move it comes back."""

    def __call__(self, i: int) -> None:
        from pg_faults import drop_connections, events_locked

        if self.away and i >= self.away[0][1]:
            self.come_back()
        for kind in self.plan.get(i, []):
            if kind == "between":
                if not (self.away and self.away[0][0] is self.server):  # nothing to drop while it is down
                    self.count[kind] += drop_connections(self.server, self.url)
            elif not self.away and kind == "restart":
                self.server.stop()
                self.away.append((self.server, i + self.rng.randrange(2, 4)))
                self.count[kind] += 1
            elif not self.away and kind == "lock":
                lock = events_locked(self.url)
                lock.__enter__()
                self.away.append((lock, i + 2))
                self.count[kind] += 1

    def come_back(self) -> None:
        thing, _ = self.away.pop()
        if thing is self.server:
            self.server.run()
        else:
            thing.__exit__(None, None, None)


def _sessions(server, size: Size, result: Result) -> None:
    from pg_faults import (
        MOVES,
        drop_inside_a_turn,
        fresh_database,
        play,
        rearm,
        running,
        stored_events,
        trap_sprung,
    )

    from trainer.store import open_store

    rng = random.Random(2026)
    url = fresh_database(server)
    open_store(url).close()
    drop_inside_a_turn(url, at_row=10**9)  # armed per session below
    sessions = pick(size, full=200, small=3)
    count: Counter[str] = Counter()
    lost = unfinished = 0
    for n in range(sessions):
        # every session: two drops between turns and one inside a turn; now and then a restart or a lock
        kinds = ["between", "between"]
        if n % 10 == 0:
            kinds.append("restart")
        elif n % 25 == 7 or (size == "small" and n == 1):
            kinds.append("lock")
        plan: dict[int, list[str]] = {}
        for kind in kinds:
            last = len(MOVES) - 4 if kind in ("restart", "lock") else len(MOVES) - 1
            plan.setdefault(rng.randrange(1, last), []).append(kind)
        at_row = rng.randrange(1, 30)  # a session writes 38 event rows
        rearm(url, at_row)
        faults = Faults(server, url, plan, rng, count)
        with result.case():
            try:
                played = play(url, between=faults)
            except Exception as exc:  # noqa: BLE001 - a crash is this check's failure
                result.fail(f"session {n} ({', '.join(kinds)}): {type(exc).__name__}: {exc}")
                continue
            finally:
                while faults.away:
                    faults.come_back()
                running(server)
        count["inside"] += trap_sprung(url, at_row)
        shown = played.game.session.events
        stored = stored_events(url, played.saved.session_id)
        if stored.events != shown:
            lost += len({e.turn for e in shown} - {e.turn for e in stored.events}) or 1
            result.fail(f"session {n} ({', '.join(kinds)}): {len(shown)} events played, {len(stored.events)} "
                        "stored, not the same")
        if not stored.row.finished:
            unfinished += 1
            result.fail(f"session {n} ({', '.join(kinds)}): not finished in the store; said: {played.said}")
        if "Traceback" in played.out:
            result.fail(f"session {n}: a traceback on screen")
    result.figures.append(
        f"{sessions} sessions; connections dropped between turns {count['between']}, inside a turn "
        f"{count['inside']}, server restarts {count['restart']}, locks past the timeout {count['lock']}: "
        f"turns lost: {lost}, sessions not finished: {unfinished}")
