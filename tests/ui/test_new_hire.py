"""The conversation as a new hire met it in a real terminal: what she types after a look-up, a pasted draft of
several lines, keys sent in a burst, pasted escape sequences, ending or quitting by accident, the moves' names, a
what-if branch, and a small terminal. (Issue 19.)"""

from __future__ import annotations

from textual import events
from textual.drivers import linux_driver

from tests.ui.chat_helpers import SORRY, GatedCustomer, answered, my_lines, paste, start
from tests.ui.conftest import SIZE, _keys
from tests.ui.score_steps import finish_badly
from trainer.engine.events import LookedUp
from trainer.ui.screens.chat import ChatScreen
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.confirm_dialog import ConfirmDialog
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript


def burst(app, *keys: str) -> None:
    """Keys as a terminal sends them when they come faster than the screen handles them: all queued at once."""
    characters = {"enter": "\r", "escape": "\x1b", "ctrl+b": "\x02", "space": " "}
    for key in keys:
        app.post_message(events.Key(key, characters.get(key, key)))


def from_the_terminal(app, data: str) -> None:
    """Bytes as a real terminal sends them, read by the reader Textual's terminal driver uses."""
    parser = linux_driver.XTermParser()
    for event in [*parser.feed(data), *parser.feed("")]:
        app.post_message(event)


def composer(screen: ChatScreen) -> ChatComposer:
    return screen.query_one(ChatComposer)


def field(screen: ChatScreen):
    """Where the trainee types."""
    return screen.query_one("#composer")


# -- 1. after a look-up --------------------------------------------------------------------------------------


async def test_what_she_types_after_a_look_up_lands_in_the_composer(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "enter")  # the booking, from the back office's list
        await pilot.pause()
        assert [e.tool for e in screen.game.session.events if isinstance(e, LookedUp)] == ["booking"]
        await pilot.press(*_keys("I see it"))
        assert composer(screen).text == "I see it"
        assert app.focused is field(screen)
        await pilot.press("ctrl+b")
        paste(pilot, " now.")
        await pilot.pause()
        assert composer(screen).text == "I see it now."


# -- 2. a draft of several lines --------------------------------------------------------------------------------


async def test_a_pasted_draft_of_several_lines_is_sent_whole_and_the_composer_grows_to_show_it(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        box = field(screen)
        one_line = box.outer_size.height
        composer(screen).focus_field()
        paste(pilot, "Hi Daniela,\rso sorry about the legroom you paid for.\r\nWhat happened?")  # a terminal's CRs
        await pilot.pause()
        assert composer(screen).text == "Hi Daniela,\nso sorry about the legroom you paid for.\nWhat happened?"
        assert box.outer_size.height == one_line + 2  # three lines shown, to read before sending
        await pilot.press("enter")
        await answered(pilot)
        assert my_lines(screen) == ["Hi Daniela,\nso sorry about the legroom you paid for.\nWhat happened?"]
        assert composer(screen).text == ""
        assert box.outer_size.height == one_line


async def test_a_long_tweet_wraps_in_the_composer_so_it_can_be_reread(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        tweet = (SORRY + " Our seat system released seats 14A and 14C after an aircraft change, and our website kept"
                 " showing them as confirmed. That was our mistake. I am refunding the €160 you paid and logging the"
                 " fault with IT so it stops happening to others, Dani!!")
        paste(pilot, tweet)
        await pilot.pause()
        assert len(tweet) == 280
        box = field(screen)
        assert box.content_size.height >= 7
        assert box.wrapped_document.height <= box.content_size.height  # every character in view
        assert box.scroll_offset == (0, 0)


# -- 3. keys in a burst -------------------------------------------------------------------------------------


async def test_keys_typed_straight_after_enter_start_the_next_message(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        paste(pilot, SORRY)
        await pilot.pause()
        burst(app, "enter", "O", "k", "space", "s", "o")
        await answered(pilot)
        assert my_lines(screen) == [SORRY]
        assert composer(screen).text == "Ok so"


async def test_a_message_sent_while_she_types_comes_back_ahead_of_what_was_typed_since(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        her = GatedCustomer("It was for Ruben, his knee is bad.")
        screen.game.customer = her
        composer(screen).focus_field()
        paste(pilot, SORRY)
        await pilot.press("enter")
        paste(pilot, "Let me check.")
        await pilot.pause()
        burst(app, "enter", " ", "O", "k")  # refused: she is still typing
        await pilot.pause()
        assert composer(screen).text == "Let me check. Ok"
        her.gate.set()
        await answered(pilot)
        assert my_lines(screen) == [SORRY]


async def test_enter_escape_ctrl_b_escape_in_one_burst_leaves_no_stray_caret(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        paste(pilot, SORRY)
        await pilot.pause()
        from_the_terminal(app, "\r\x1b\x02\x1b")
        await answered(pilot)
        assert my_lines(screen) == [SORRY]
        assert composer(screen).text == ""
        assert app.focused is field(screen)  # Esc: back office; Ctrl+B… Esc: back to the composer


# -- 4. escape sequences pasted -------------------------------------------------------------------------------


async def test_a_pasted_escape_sequence_stays_in_place_and_shows_as_text(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        from_the_terminal(app, "\x1b[200~abc \x1b[31mRED def\x07\x1b[201~")
        await pilot.pause()
        assert composer(screen).text == "abc \\x1b[31mRED def\\x07"
        await pilot.press("enter")
        await answered(pilot)
        assert my_lines(screen) == ["abc \\x1b[31mRED def\\x07"]  # what she saw is what was sent
        assert not any("\x1b" in line.text for line in screen.query_one(Transcript).lines)


# -- 5. ending or quitting by accident ------------------------------------------------------------------------


async def test_ctrl_e_mid_conversation_asks_first_and_esc_or_n_keeps_her_talking(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        paste(pilot, "Half a thought")
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ConfirmDialog)
        assert "End the conversation now" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("escape")
        assert app.screen is screen and screen.game.session.outcome is None
        await pilot.press("ctrl+e", "n")
        assert app.screen is screen and screen.game.session.outcome is None
        assert composer(screen).text == "Half a thought"  # nothing typed is lost by asking
        await pilot.press("ctrl+e", "y")
        await pilot.pause()
        assert screen.game.session.outcome == "left"


async def test_in_dutch_the_question_is_dutch_and_j_says_yes(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+e")
        assert "Het gesprek nu beëindigen" in str(app.screen.query_one("#confirm-question").render())
        assert "Esc of n: nee" in str(app.screen.query_one("#confirm-keys").render())
        await pilot.press("j")
        await pilot.pause()
        assert screen.game.session.outcome == "left"


async def test_ctrl_q_asks_first_and_the_draft_comes_back_on_resume(app_factory, own_session_store):
    first = app_factory(scenario="legroom-en", trainee="anna")
    async with first.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer(screen).focus_field()
        paste(pilot, "Hi Daniela,\rI am looking into")
        await pilot.press("ctrl+q")
        assert isinstance(first.screen, ConfirmDialog)
        assert "resume it later" in str(first.screen.query_one("#confirm-question").render())
        await pilot.press("escape")  # not yet
        assert first.screen is screen and first.is_running
        await pilot.press("ctrl+q", "enter")
        await pilot.pause()
        assert not first.is_running
    again = app_factory(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("r")  # resume it, from the picker
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, ChatScreen) and screen.game.resumed
        assert composer(screen).text == "Hi Daniela,\nI am looking into"
        assert again.focused is field(screen)


# -- 6. the moves' names, a look-up's turn, a branch ------------------------------------------------------------


async def test_the_composer_names_the_scenarios_actions_and_look_ups_for_do_and_lookup(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        moves = str(screen.query_one("#composer-moves").render())
        assert "/do refund_seats, voucher, log_fault" in moves
        assert "/lookup booking, seat_record, flight, contact_history" in moves


async def test_a_rewound_round_says_it_is_a_branch_and_from_which_turn(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        await pilot.press("r", "down", "down", "enter")  # back to turn 3
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.game.rewound_from is not None
        badge = screen.query_one("#branch-badge")
        assert badge.display and str(badge.render()) == "What if? · a branch from turn 3"
        assert "Everything before turn 3 is replayed" in screen.query_one(Transcript).entries[-1].text


async def test_the_first_try_is_no_branch(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert not screen.query_one("#branch-badge").display


# -- 7. a small terminal --------------------------------------------------------------------------------------


async def test_at_60_by_20_the_mood_meter_stays_in_view(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await start(pilot)
        meter = screen.query_one(MoodMeter)
        assert meter.region.height == 1 and screen.region.contains_region(meter.region)
        shown = meter.render()
        assert "angry 30" in shown.plain and "●●●●●●" in shown.plain  # her mood, its band, her patience
        assert meter.region.width - 2 >= shown.cell_length  # whole, not cut


def test_this_textual_reads_keys_through_the_guard():
    """A Textual release that reads keys another way leaves the game playing with its own reader: this says so."""
    from trainer.ui.input_guard import GuardedParser, guard_input

    assert guard_input()
    assert linux_driver.XTermParser is GuardedParser
