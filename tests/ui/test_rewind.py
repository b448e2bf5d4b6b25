"""What if? A trainee goes back to an earlier turn, answers differently, and sees both scorecards."""

from __future__ import annotations

from textual.widgets import OptionList

from scoring import TRADES
from tests.ui.conftest import SIZE
from tests.ui.score_steps import WELL, finish_badly, paste, play
from trainer.engine.events import TraineeMessage
from trainer.ui.screens.chat import ChatScreen
from trainer.ui.screens.compare import CompareScreen
from trainer.ui.screens.rewind import RewindScreen
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.score_comparison import ScoreComparison


def said(game) -> list[str]:
    return [e.text for e in game.session.events if isinstance(e, TraineeMessage)]


async def test_a_trainee_rewinds_to_turn_1_answers_well_and_sees_both_scorecards(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        first = app.screen.game
        await pilot.press("r")
        assert isinstance(app.screen, RewindScreen)
        turns = app.screen.query_one(OptionList)
        assert [turns.get_option_at_index(i).id for i in range(turns.option_count)] == ["1", "2", "3", "4"]
        await pilot.press("enter")  # turn 1: the first on the list
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert app.screen.game.rewound_from is first and said(app.screen.game) == []
        await play(pilot, WELL)  # typed, key by key
        again = app.screen.game
        assert again.session.outcome == "resolved"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert str(app.screen.query_one("#compare-lead").render()) == \
            "What if you had answered differently from turn 1?"
        comparison = app.screen.query_one(ScoreComparison)
        for trade in TRADES:
            assert comparison.delta(trade) > 0
        rows = {row.label: row for row in comparison.rows}
        assert rows["Facilitator"].after > rows["Facilitator"].before
        assert rows["Looks the facts up before concluding"].delta == 100
        assert all((row.delta or 0) >= 0 for row in comparison.rows)
        assert "+" in str(app.screen.query_one("#compare-total").render())
        await pilot.press("enter")  # the new scorecard
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert app.screen.game is again and app.screen.card.outcome == "resolved"


async def test_rewinding_to_turn_3_replays_the_two_answers_before_it(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        first = app.screen.game
        await pilot.press("r", "down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen)
        assert said(app.screen.game) == said(first)[:2]
        await paste(pilot, ["Daniela, I'm sorry, that was no answer to you. Let me look at your booking now.", "/end"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert str(app.screen.query_one("#compare-lead").render()) == \
            "What if you had answered differently from turn 3?"


async def test_escape_leaves_the_list_of_turns_for_the_scorecard(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        card = app.screen
        await pilot.press("r", "escape")
        assert app.screen is card


def test_snapshot_rewind_list(snap_compare, app_factory):
    async def run_before(pilot):
        await finish_badly(pilot)
        await pilot.press("r")

    assert snap_compare(app_factory(scenario="legroom-en"), run_before=run_before, terminal_size=SIZE)


def test_snapshot_comparison(snap_compare, app_factory):
    async def run_before(pilot):
        await finish_badly(pilot)
        await pilot.press("r", "enter")
        await pilot.pause()
        await paste(pilot, WELL)
        await pilot.press("enter")

    assert snap_compare(app_factory(scenario="legroom-en"), run_before=run_before, terminal_size=SIZE)
