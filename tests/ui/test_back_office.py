"""The back office, from the keyboard: look things up, act within the mandate, keep the notebook."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import OptionList, RichLog

from tests.ui.chat_helpers import GatedCustomer, notices, send, settle_for_snapshot, start
from tests.ui.conftest import SIZE
from trainer.engine.events import ActionTaken, LookedUp
from trainer.ui.widgets.amount_dialog import AmountDialog
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.transcript import Transcript


def pane_text(log: RichLog) -> str:
    """What a pane of the back office shows, with its line wrapping undone."""
    return " ".join(" ".join(line.text for line in log.lines).split())


def option_text(options: OptionList, index: int) -> str:
    """What an option shows, as plain text (its prompt is a small grid)."""
    console = Console(width=60, file=io.StringIO(), color_system=None)
    console.print(options.get_option_at_index(index).prompt)
    return " ".join(console.file.getvalue().split())


def taken(screen) -> list[ActionTaken]:
    return [e for e in screen.game.session.events if isinstance(e, ActionTaken)]


async def test_a_look_up_from_the_keyboard_shows_its_result_ticks_it_and_notes_the_facts(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b")
        assert app.focused.id == "lookups"
        await pilot.press("enter")  # the booking
        await pilot.pause()

        assert [e.tool for e in screen.game.session.events if isinstance(e, LookedUp)] == ["booking"]
        result = pane_text(screen.query_one("#office-screen", RichLog))
        assert "Booking K7Q2XD" in result and "paid €160 (card)" in result
        assert option_text(screen.query_one("#lookups", OptionList), 0).startswith("✓ Booking K7Q2XD")
        assert "She paid €80 per person" in pane_text(screen.query_one("#notebook", RichLog))
        record = screen.query_one(Transcript).entries[-1]
        assert (record.kind, record.title, record.mark) == ("record", "Booking K7Q2XD", "⌕")

        await pilot.press("down", "enter")  # the seat record, straight after
        await pilot.pause()
        assert "RELEASED" in pane_text(screen.query_one("#office-screen", RichLog))
        await pilot.press("escape")
        assert isinstance(app.focused.parent.parent, ChatComposer)


async def test_an_action_with_a_limit_asks_the_amount_and_shows_what_is_left(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "enter")  # the booking: now she knows what was paid
        await pilot.press("ctrl+b", "tab", "enter")  # refund the seats
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AmountDialog)
        assert str(dialog.query_one("#amount-mandate").render()) == (
            "Your mandate: at most 160 in all · given 0 · 160 left")
        await pilot.press("1", "0", "0", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert app.screen is screen
        assert [(e.amount, e.ok) for e in taken(screen)] == [(100, True)]
        actions = screen.query_one("#actions", OptionList)
        assert option_text(actions, 0) == "✓ Refund the extra-legroom seats 60 of 160 left"
        assert "Refund of €100" in pane_text(screen.query_one("#office-screen", RichLog))

        await pilot.press("ctrl+b", "tab", "enter")  # the rest, in a second part
        await pilot.pause()
        assert "given 100 · 60 left" in str(app.screen.query_one("#amount-mandate").render())
        await pilot.press("enter")  # Enter alone gives what is left
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [(e.amount, e.ok) for e in taken(screen)] == [(100, True), (60, True)]
        assert option_text(actions, 0).endswith("0 of 160 left")


async def test_an_amount_over_the_mandate_is_refused_by_the_engine_and_shown(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "enter", "ctrl+b", "tab", "enter")
        await pilot.pause()
        await pilot.press("2", "0", "0", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

        [attempt] = taken(screen)
        assert (attempt.amount, attempt.ok) == (200, False)  # the engine refused, and logged the attempt
        assert screen.game.session.given == {}
        shown = pane_text(screen.query_one("#office-screen", RichLog))
        assert "✗ Refund the extra-legroom seats · 200" in shown
        assert "Refused: your mandate for refund_seats stops at 160." in shown
        record = screen.query_one(Transcript).entries[-1]
        assert record.kind == "record" and not record.ok and "Refused" in record.text
        assert option_text(screen.query_one("#actions", OptionList), 0).endswith("160 of 160 left")


async def test_a_once_only_action_is_disabled_after_use(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "tab", "down", "down", "down")
        actions = screen.query_one("#actions", OptionList)
        assert actions.highlighted == 3 and option_text(actions, 3).endswith("once only")
        await pilot.press("enter")  # escalate: no amount, done at once
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert [(e.action, e.ok) for e in taken(screen)] == [("escalate", True)]
        assert actions.get_option_at_index(3).disabled
        assert option_text(actions, 3).endswith("done at turn 1")
        await pilot.press("enter")  # choosing it again does nothing
        await pilot.pause()
        assert len(taken(screen)) == 1


async def test_escape_in_the_amount_dialog_gives_nothing_and_returns_to_the_composer(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "tab", "down", "enter")  # the voucher asks an amount
        await pilot.pause()
        assert isinstance(app.screen, AmountDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and taken(screen) == []
        assert app.focused is screen.query_one("#composer")


async def test_the_back_office_waits_while_she_types(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        her = GatedCustomer("Go on.")
        screen.game.customer = her
        await send(pilot, "Sorry about your seats.")
        await pilot.press("ctrl+b", "enter")
        await pilot.pause()
        assert not any(isinstance(e, LookedUp) for e in screen.game.session.events)
        assert any("still typing" in n for n in notices(app))
        her.gate.set()
        await app.workers.wait_for_complete()
        await pilot.press("enter")  # she is done: now it works
        await pilot.pause()
        assert any(isinstance(e, LookedUp) for e in screen.game.session.events)


# -- how it looks -------------------------------------------------------------------------------


def test_snapshot_the_back_office_after_a_look_up_and_an_action(app_factory, snap_compare):
    async def look_up_and_refund(pilot) -> None:
        await start(pilot)
        await pilot.press("ctrl+b", "enter", "ctrl+b", "tab", "enter")
        await pilot.pause()
        await pilot.press("1", "0", "0", "enter")
        await settle_for_snapshot(pilot)

    assert snap_compare(app_factory(scenario="legroom-en"), run_before=look_up_and_refund, terminal_size=SIZE)


def test_snapshot_the_amount_dialog(app_factory, snap_compare):
    async def open_the_dialog(pilot) -> None:
        await start(pilot)
        await pilot.press("ctrl+b", "enter", "ctrl+b", "tab", "enter")
        await pilot.pause()
        await pilot.press("2", "0", "0")
        await settle_for_snapshot(pilot)

    assert snap_compare(app_factory(scenario="legroom-en"), run_before=open_the_dialog, terminal_size=SIZE)
