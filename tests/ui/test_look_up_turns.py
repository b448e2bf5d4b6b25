"""A look-up is no turn: she can't see the trainee check the back office, so only messages, deeds and the
end are counted, numbered and offered to go back to."""

from __future__ import annotations

from textual.widgets import OptionList, RichLog

from tests.ui.chat_helpers import answered, send, start
from tests.ui.conftest import SIZE
from tests.ui.score_steps import WELL, play
from trainer.engine.events import LookedUp, TraineeMessage
from trainer.ui.screens.chat import ChatScreen
from trainer.ui.screens.rewind import RewindScreen
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.transcript import Transcript


def said(game) -> list[str]:
    return [e.text for e in game.session.events if isinstance(e, TraineeMessage)]


async def test_a_look_up_before_the_first_message_leaves_that_message_turn_1(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+b", "enter")  # the booking, before a word to her
        await pilot.pause()
        office = " ".join(line.text for line in screen.query_one("#office-screen", RichLog).lines)
        assert "at the start" in office and "turn 0" not in office and "turn 1" not in office
        await send(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        await answered(pilot)
        mine = [e for e in screen.query_one(Transcript).entries if e.kind == "trainee"]
        assert [e.turn for e in mine] == [1]
        assert screen.game.session.turn == 1


async def test_five_turns_for_three_messages_two_deeds_and_two_look_ups_and_going_back_keeps_the_look_ups(
        app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await play(pilot, WELL)
        assert app.screen.game.session.outcome == "resolved"
        first = app.screen.game
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert str(app.screen.query_one("#score-outcome").render()).endswith("· 5 turns")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RewindScreen)
        turns = app.screen.query_one(OptionList)
        assert [turns.get_option_at_index(i).id for i in range(turns.option_count)] == ["1", "2", "3", "4", "5"]
        assert "Our system released your seats" in str(turns.get_option_at_index(1).prompt)
        await pilot.press("down", "enter")  # turn 2: the explanation
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        again = app.screen.game
        assert again.rewound_from is first and said(again) == said(first)[:1]
        assert [e.tool for e in again.session.events if isinstance(e, LookedUp)] == ["booking", "seat_record"]
        assert again.session.turn == 1
