"""A class served on 127.0.0.1 for the browser tests: `webcare serve`, its store (SQLite), and the store watched."""

from __future__ import annotations

import pytest

from bench.soaks.classroom import CLASS_CODE, Classroom, Watch

SERVE_EXTRA = "the class in a browser needs the serve extra: pip install '.[serve]'"
"""Each test module here skips with this where aiohttp or textual-serve is missing (see `needs_the_serve_extra`)."""


def needs_the_serve_extra() -> None:
    """Skip the calling test module cleanly without the serve extra, rather than fail its collection."""
    pytest.importorskip("aiohttp", reason=SERVE_EXTRA)
    pytest.importorskip("textual_serve", reason=SERVE_EXTRA)

COACH_PASSWORD = "review-all-of-it"


@pytest.fixture
def classroom(tmp_path):
    """Start a class: `webcare serve ARGS` on its own SQLite store, with a class code and a coach password when
    serve signs in."""
    from trainer.store import open_store

    started: list[Classroom] = []

    def start(*args: str) -> Classroom:
        db = str(tmp_path / "class.db")
        open_store(db).close()
        room = Classroom(tmp_path, db, *args)
        room.set_secret("code", CLASS_CODE)
        room.set_secret("coach-password", COACH_PASSWORD)
        room.start()
        started.append(room)
        return room

    yield start
    for room in started:
        room.stop()


@pytest.fixture
async def watch_store():
    """`watch_store(room)`: the room's store polled while the test runs."""
    import asyncio

    running: list[tuple[Watch, asyncio.Future[None]]] = []

    def watch(room: Classroom) -> Watch:
        w = Watch(room.db)
        running.append((w, asyncio.ensure_future(w.run())))
        return w

    yield watch
    for w, task in running:
        task.cancel()
        w.close()


@pytest.fixture
async def browser(tmp_path):
    """Headless Chromium (Debian's package), skipped in one line where it is not installed."""
    from tests.serve.cdp import Browser, chromium

    program = chromium()
    if program is None:
        pytest.skip("no chromium on this machine (Debian package chromium; .ci/run installs it)")
    b = Browser(program, tmp_path / "chromium-profile")
    await b.connect()
    yield b
    await b.close()
