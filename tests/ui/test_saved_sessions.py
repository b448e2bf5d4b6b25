"""Sessions last: every turn is in the store as it is played, and a stopped session resumes from the picker."""

from __future__ import annotations

from tests.ui.chat_helpers import notices, say
from tests.ui.conftest import SIZE, type_line
from trainer.store import open_store
from trainer.texts import tr


async def _start_legroom(pilot) -> None:
    await pilot.press("enter", "enter")  # the legroom case, then Start
    await pilot.pause()


async def test_each_turn_is_committed_as_it_is_played(app_factory, own_session_store):
    app = app_factory(trainee="anna")
    async with app.run_test(size=SIZE) as pilot:
        await _start_legroom(pilot)
        await say(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        shown = list(app.screen.game.session.events)
        store = open_store(str(own_session_store))  # another reader, as a second process would be
        assert store.unfinished("anna") == []  # being played: not offered for resuming elsewhere
        [row] = store.unfinished("anna", held=True)
        assert store.load(row.id).events == shown
        assert row.turns == 1 and row.scenario == "legroom-en"


async def test_a_stopped_session_is_offered_on_the_picker_and_resumes_where_it_was(app_factory, own_session_store):
    first = app_factory(trainee="anna")
    async with first.run_test(size=SIZE) as pilot:
        await _start_legroom(pilot)
        await say(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        before = list(first.screen.game.session.events)
    # the terminal closed mid-conversation: the next start offers it
    again = app_factory(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        offer = str(again.screen.query_one("#picker-resume").render())
        assert "The legroom that never was" in offer and "turn 1" in offer
        await pilot.press("r")
        await pilot.pause()
        assert type(again.screen).__name__ == "ChatScreen"
        assert again.screen.game.session.events[: len(before)] == before
        await pilot.press("ctrl+b", "enter")  # and play on: the booking
        await pilot.pause()
    store = open_store(str(own_session_store))
    [row] = store.unfinished("anna")
    assert row.turns == 1 and len(store.sessions()) == 1  # the look-up is kept, but takes no turn


async def test_forgetting_a_stopped_session_asks_first_then_removes_the_offer(app_factory):
    first = app_factory(trainee="anna")
    async with first.run_test(size=SIZE) as pilot:
        await _start_legroom(pilot)
        await type_line(pilot, "Hello?")
    again = app_factory(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("x")  # asks first: Esc keeps it
        assert type(again.screen).__name__ == "ConfirmDialog"
        assert "turn 1" in str(again.screen.query_one("#confirm-question").render())
        await pilot.press("escape")
        assert again.screen.query_one("#picker-resume").display
        assert len(open_store(None).unfinished("anna")) == 1
        await pilot.press("x", "y")
        await pilot.pause()
        assert not again.screen.query_one("#picker-resume").display
    assert open_store(None).unfinished("anna") == []


async def test_a_broken_store_is_said_once_and_the_game_still_plays(app_factory, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    app = app_factory(db=str(broken))
    async with app.run_test(size=SIZE) as pilot:
        await _start_legroom(pilot)
        await say(pilot, "Hi Daniela, what happened?")
        assert type(app.screen).__name__ == "ChatScreen"
        assert app.store is None
    assert broken.read_bytes() == b"not a database" * 100


async def test_a_class_that_requires_saving_refuses_to_play_unsaved_and_says_why(app_factory, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    app = app_factory(db=str(broken), require_saving=True)
    async with app.run_test(size=SIZE) as pilot:
        await _start_legroom(pilot)
        assert type(app.screen).__name__ != "ChatScreen"
        said = notices(app)
        assert any(tr("en", "store.required", reason="") in m for m in said), said


def test_plain_play_that_requires_saving_stops_before_the_game_when_it_cant_save(tmp_path, capsys):
    from trainer.cli import main

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 100)
    assert main(["play", "legroom-en", "--plain", "--require-saving", "--db", str(broken)]) == 1
    assert "Traceback" not in capsys.readouterr().err
