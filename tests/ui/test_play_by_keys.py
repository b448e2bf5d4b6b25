"""A trainee finishes the legroom case with keys alone and reads a scorecard with evidence."""

from __future__ import annotations

from tests.ui.conftest import SIZE, settled, type_line


async def test_a_trainee_plays_the_legroom_case_by_keys_and_reads_the_scorecard(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "PickerScreen"
        await pilot.press("enter")  # the first scenario: the legroom case in English
        assert type(app.screen).__name__ == "BriefingScreen"
        await pilot.press("enter")  # Start
        assert type(app.screen).__name__ == "ChatScreen"
        await pilot.pause()
        await type_line(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        await pilot.press("ctrl+b", "enter")  # back office: the booking
        await pilot.press("down", "enter")  # the seat record
        await pilot.pause()
        await type_line(pilot, "Our system released your seats after an aircraft change; our mistake.")
        await pilot.press("ctrl+b", "tab", "enter")  # actions: refund the seats
        await pilot.pause()
        await pilot.press("1", "6", "0", "enter")  # the amount dialog
        await app.workers.wait_for_complete()
        await pilot.pause()
        await type_line(pilot, "I'm logging the fault so it won't happen to other passengers; I'll DM you by Friday.")
        await pilot.press("ctrl+b", "tab", "down", "down", "enter")  # log the fault
        await app.workers.wait_for_complete()
        await pilot.pause()
        session = app.screen.game.session
        assert session.outcome == "resolved"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ScorecardScreen"
        assert app.screen.card.outcome == "resolved"
        quotes = [item.evidence.quote for item in app.screen.query("EvidenceItem")]
        assert "Our system released your seats after an aircraft change; our mistake." in quotes


async def test_started_from_the_command_line_the_picker_shows_first_and_fills_when_read(app_factory):
    app = app_factory(read_later=True)
    async with app.run_test(size=SIZE) as pilot:
        assert type(app.screen).__name__ == "PickerScreen"
        await settled(pilot)  # the library is read by a worker started after the first frame
        assert not app.screen.loading  # no spinner over the table
        assert [s.id for s in app.screen.shown] == ["legroom-en", "legroom-nl"]
        await pilot.press("enter")
        assert type(app.screen).__name__ == "BriefingScreen"
