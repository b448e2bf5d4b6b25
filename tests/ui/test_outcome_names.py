"""The trainee's scorecard and the coach's list call an ending by the same name: the catalogue's."""

from __future__ import annotations

from tests.ui.campaign_steps import seed
from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from trainer.store import open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.review_table import SessionTable
from trainer.ui.widgets.score_bar import outcome_name


async def test_the_coachs_list_names_the_outcome_as_the_trainees_scorecard_did(app_factory, own_session_store):
    app = app_factory(scenario="legroom-en", trainee="anna")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        assert isinstance(app.screen, ScorecardScreen)
        on_the_card = str(app.screen.query_one("#score-outcome").render())
    assert "went public" in on_the_card
    store = open_store(str(own_session_store))
    seed(store, "bram", "exemplary", "practice", "2025-03-05")  # resolved
    coach = ReviewApp(store, "kim", "nl")
    async with coach.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = coach.screen.query_one(SessionTable)
        column = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]  # after the mark column
        assert sorted(column) == sorted([outcome_name("went_public", "nl"), outcome_name("resolved", "nl")])
    store.close()
    review = ReviewApp(open_store(str(own_session_store)), "kim")
    async with review.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = review.screen.query_one(SessionTable)
        assert "went public" in [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
    review.store.close()
