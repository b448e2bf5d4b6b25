"""The coach's list of a large class: a store seeded with N played sessions (each with its event log, scorecard and
some overrides), on SQLite and on a throw-away PostgreSQL server when its programs are installed.

Figures: the listing's queries (`Store.sessions`, the overrides, the change stamp a poll asks), the review app from
start to the list shown with every row, and a dialog (export) from its key to its first frame. The goal for the
shown list is 2 s for 5,000 sessions (the issue measured 11 s on PostgreSQL before).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST_GOAL_S = 2.0
DIALOG_GOAL_S = 0.3


def seed(store, sessions: int) -> None:
    """`sessions` finished legroom sessions by twenty trainees, one commit; one in ten has a coach's override."""
    from trainer.playthrough import run_playthrough
    from trainer.scenario.library import find_scenario
    from trainer.store.records import StoredSession
    from trainer.store.sessions import SessionRow

    scenario = find_scenario("legroom-en")
    runs = [run_playthrough(scenario, p) for p in scenario.playthroughs]
    with store.db.transaction():
        for i in range(sessions):
            run = runs[i % len(runs)]
            card = run.scorecard
            stamp = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00.000000Z"
            scores = {t: card.trades[t].score if t in card.trades else None for t in ("facilitator", "detective",
                                                                                       "plumber")}
            row = SessionRow(uuid.uuid4().hex, f"trainee{i % 20:02d}", scenario.id, scenario.title, "en",
                             scenario.channel, "practice", 0, stamp, stamp, stamp, card.turns, card.outcome,
                             card.outcome_kind, scores)  # type: ignore[arg-type]
            store.put(StoredSession(row, run.events, card, {}))
    for row in store.sessions()[::10]:
        store.override(row.id, "plumber", 50, reason="bench", author="coach")


def timed(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def _app_times(store, sessions: int) -> tuple[float, float]:
    """(start to the first frame of the list with every row, export key to the dialog's first frame)."""
    from trainer.ui.review_app import ReviewApp
    from trainer.ui.widgets.review_table import SessionTable

    app = ReviewApp(store, "coach")
    listed, dialog_up = asyncio.Event(), asyncio.Event()
    seen: dict[str, float] = {}
    display = app._display

    def first_frames(screen, renderable) -> None:  # Textual's one door to the terminal: a frame was drawn
        display(screen, renderable)
        if renderable is None:
            return
        tables = app.screen.query(SessionTable)
        if tables and tables.first().row_count == sessions and not listed.is_set():
            seen["listed"] = time.perf_counter()
            listed.set()
        elif type(app.screen).__name__ == "ExportDialog" and not dialog_up.is_set():
            seen["dialog"] = time.perf_counter()
            dialog_up.set()

    app._display = first_frames  # type: ignore[method-assign]
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(listed.wait(), 60)
        await pilot.pause(0.3)  # the coach reads the list a moment: the dialog's own cost, not the start's tail
        pressed = time.perf_counter()
        await pilot.press("e")
        await asyncio.wait_for(dialog_up.wait(), 60)
        await pilot.press("escape")
    return seen["listed"] - started, seen["dialog"] - pressed


def measure(url: str, sessions: int, repeats: int) -> dict[str, float]:
    from trainer.store import open_store

    store = open_store(url)
    try:
        seed(store, sessions)
        figures = {"query": timed(store.sessions, repeats), "overrides": timed(store.overridden, repeats),
                   "stamp": timed(store.list_stamp, repeats)}
        shown, dialog = [], []
        for _ in range(max(1, repeats // 2)):
            a, b = asyncio.run(_app_times(store, sessions))
            shown.append(a)
            dialog.append(b)
        figures["shown"], figures["dialog"] = statistics.median(shown), statistics.median(dialog)
        return figures
    finally:
        store.close()


def postgres_url(folder: Path):
    """A throw-away server (as the tests start one), or None when PostgreSQL's programs are not installed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import server_programs, start_server

    if server_programs() is None:
        return None, None
    os.chmod(folder, 0o755)  # the server's own user (as root: postgres) works in it
    server = start_server(folder)
    return server, server.database("bench_review")


def run(sessions: int, repeats: int) -> dict[str, dict[str, float] | None]:
    """Figures per backend: {"SQLite": {...}, "PostgreSQL": {...} or None when not installed}."""
    out: dict[str, dict[str, float] | None] = {}
    folder = Path(tempfile.mkdtemp(prefix="webcare-bench-review-"))
    pg_folder = Path(tempfile.mkdtemp(prefix="webcare-bench-review-pg-"))
    try:
        out["SQLite"] = measure(str(folder / "class.db"), sessions, repeats)
        server, url = postgres_url(pg_folder)
        try:
            out["PostgreSQL"] = measure(url, sessions, repeats) if url else None
        finally:
            if server is not None:
                server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(pg_folder, ignore_errors=True)
    return out
