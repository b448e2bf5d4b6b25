"""The full-screen game and its store: a disk that fills is said once and the game ends with its scorecard;
a session being played in another window is not offered for resuming."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.chat_helpers import say
from tests.ui.conftest import LEGROOM, SIZE
from trainer.engine.clock import FakeClock
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.store import open_store

UI_TESTS = Path(__file__).resolve().parent

# The game runs in a child process: the disk is "filled" there with a file-size limit at a chosen moment
# (no file may grow from then on; SQLite finds out at COMMIT, when it writes its log), which must not
# touch the test runner's own files.
CHILD = r"""
import asyncio, json, os, resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from chat_helpers import answered, notices, send, start
from trainer.engine.clock import FakeClock
from trainer.ui.app import make_app
from trainer.ui.options import UiOptions

db, when, library = sys.argv[1], sys.argv[3], [Path(p) for p in sys.argv[4:]]

def fill_the_disk():
    wal = db + "-wal"
    size = os.path.getsize(wal) if os.path.exists(wal) else 0
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

async def main():
    app = make_app(UiOptions(scenario="legroom-en", db=db, trainee="anna", typing_speed=0, clock=FakeClock(),
                             scenario_paths=library))
    async with app.run_test(size=(120, 40)) as pilot:
        if when == "start":
            fill_the_disk()
        await start(pilot)
        await send(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        await answered(pilot)
        if when == "mid-session":
            fill_the_disk()
        await send(pilot, "Let me look into your booking right away.")
        await answered(pilot)
        await pilot.press("ctrl+e", "enter")  # end it: yes
        await pilot.pause()
        await pilot.press("enter")
        await answered(pilot)
        print(json.dumps({"screen": type(app.screen).__name__, "notices": notices(app)}))

asyncio.run(main())
"""


@pytest.mark.parametrize("when", ["start", "mid-session"])
def test_a_disk_that_fills_is_said_once_and_the_game_ends_with_its_scorecard(tmp_path, when):
    pytest.importorskip("resource")
    db = tmp_path / "sessions.db"
    open_store(str(db)).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(UI_TESTS), when, *map(str, LEGROOM)],
                          capture_output=True, text=True, env=env, cwd=UI_TESTS.parent.parent, timeout=120, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == "ScorecardScreen"
    said = [n for n in seen["notices"] if "not being saved" in n]
    assert len(said) == 1 and "sessions.db" in said[0], seen["notices"]
    store = open_store(str(db))
    rows = store.sessions()
    if when == "start":
        assert rows == [], "not even begun"
    else:
        [row] = rows
        assert not row.finished and row.turns == 1, "the turn played before the disk filled is kept"
    store.close()


async def test_the_picker_does_not_offer_a_session_being_played_in_another_window(app_factory, own_session_store):
    elsewhere = open_store(str(own_session_store))  # another window, playing
    game = Round(find_scenario("legroom-en"), clock=FakeClock())
    game.opening()
    game.keep(elsewhere, trainee="anna")
    app = app_factory(trainee="anna")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#picker-resume").display
        await pilot.press("r")  # nothing to resume here
        assert type(app.screen).__name__ == "PickerScreen"
    elsewhere.close()  # that window closed mid-conversation
    again = app_factory(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The legroom that never was" in str(again.screen.query_one("#picker-resume").render())
        await pilot.press("r")
        await pilot.pause()
        assert type(again.screen).__name__ == "ChatScreen"
        await say(pilot, "Hi Daniela, so sorry. What happened?")
    [row] = open_store(str(own_session_store)).unfinished("anna")
    assert row.turns == 1
