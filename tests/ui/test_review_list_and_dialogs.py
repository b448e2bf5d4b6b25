"""The coach's list keeps up with a class and stays light; the coach's dialogs are ready as they open.

Keys a coach types while a dialog opens go to its field (not nowhere); each dialog says how to submit; the export
dialog proposes a file name of its own. The list shows sessions as trainees play them, without losing the cursor,
and reads the store in a few small queries whatever the class's size: no event log and no scorecard per row.
"""

from __future__ import annotations

import pytest
from textual import events

from tests.ui.conftest import SIZE
from tests.ui.hostile_steps import look
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens import review_sessions
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.widgets.review_dialogs import ExportDialog, NoteDialog, OverrideDialog
from trainer.ui.widgets.review_table import SessionTable

LEGROOM = find_scenario("legroom-en")
RUNS = {p.name: run_playthrough(LEGROOM, p) for p in LEGROOM.playthroughs}


def play(store, trainee: str, name: str = "mediocre") -> str:
    session_id = store.begin(trainee=trainee, scenario=LEGROOM)
    store.record(session_id, RUNS[name].events, 0)
    store.finish(session_id, RUNS[name].scorecard.to_dict())
    return session_id


@pytest.fixture
def store(db_url):
    """The class's sessions, on SQLite and on PostgreSQL: the coach's screens read both the same."""
    store = open_store(db_url)
    play(store, "anna", "exemplary")
    play(store, "bram")
    yield store
    store.close()


def typed_at_once(app, *keys: str) -> None:
    """Keys as a terminal delivers a fast typist's burst: all queued before the app handles the first."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


def inputs(app) -> dict[str, str]:
    return {i.id: i.value for i in app.screen.query("Input")}


async def test_keys_typed_while_the_override_dialog_opens_go_to_its_fields(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        typed_at_once(app, "o", "4", "2", "tab", "W", "h", "y")
        await pilot.pause()
        assert isinstance(app.screen, OverrideDialog)
        assert inputs(app) == {"override-score": "42", "override-reason": "Why"}


async def test_keys_typed_while_the_note_dialog_opens_are_the_note(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        typed_at_once(app, "N", "o", "k")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert inputs(app) == {"note": "ok"}  # not "Nok": the key that opened it is not typed in it


async def test_the_dialogs_say_how_to_submit(store):
    app = ReviewApp(store, "kim", language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "o")
        await pilot.pause()
        assert "Enter bewaart" in look(app).text and "Esc annuleert" in look(app).text
        await pilot.press("escape", "e")
        await pilot.pause()
        assert "Enter schrijft het bestand" in look(app).text


async def test_the_export_dialog_proposes_a_name_no_file_has_yet(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        first = inputs(app)["export-path"]
        row = store.sessions()[0]
        assert first.startswith(f"{row.trainee}-legroom-en-{row.started_at[:10]}-{row.id}") and first.endswith(".html")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / first).exists()
        await pilot.press("e")
        await pilot.pause()
        second = inputs(app)["export-path"]
        assert second == first.replace(".html", "-2.html")  # the first export is not overwritten by Enter, Enter


async def test_the_list_shows_sessions_as_they_are_played_and_keeps_the_cursor(store, monkeypatch):
    monkeypatch.setattr(review_sessions, "POLL_S", 0.2)  # every 3 s for a coach; quicker for the test
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(SessionTable)
        await pilot.press("down")
        chosen = table.highlighted_id
        assert table.row_count == 2
        play(store, "carla")  # a trainee finishes a session meanwhile
        await pilot.pause(0.6)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 3
        assert "carla" in [table.get_row_at(i)[2] for i in range(3)]
        assert table.highlighted_id == chosen, "the cursor stays on the session it was on"
        assert "3 of 3 sessions" in look(app).text


class Counting:
    """The store's backend, counting the statements it runs (and keeping them)."""

    def __init__(self, db) -> None:
        self.db = db
        self.statements: list[str] = []

    def execute(self, sql, params=()):
        self.statements.append(sql)
        return self.db.execute(sql, params)

    def __getattr__(self, name):
        return getattr(self.db, name)


@pytest.mark.parametrize("sessions", [3, 120])
async def test_the_list_reads_a_few_light_queries_whatever_the_class_size(tmp_path, sessions, monkeypatch):
    monkeypatch.setattr(review_sessions, "POLL_S", 3600)  # the test polls by hand
    store = open_store(str(tmp_path / "class.db"))
    for i in range(sessions):
        play(store, f"trainee{i % 7}")
    counting = Counting(store.db)
    store.db = counting
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one(SessionTable).row_count == sessions
        counting.statements.clear()
        await pilot.press("1")  # a filter: the list is read again
        assert 1 <= len(counting.statements) <= 4, counting.statements
        assert not [s for s in counting.statements if "events" in s or "scorecard" in s or "manifest" in s]
        counting.statements.clear()
        app.screen.poll()  # nothing changed: one small query, nothing read
        await app.workers.wait_for_complete()
        assert len(counting.statements) == 1, counting.statements
        counting.statements.clear()
        await pilot.press("enter", "e")  # open a session and its export dialog
        await pilot.pause()
        counting.statements.clear()
        await pilot.press("escape")  # closing the dialog reads nothing
        await pilot.pause()
        assert counting.statements == []
        assert isinstance(app.screen, SessionScreen)
    store.close()
