"""A test is a test: its scorecard teaches what would gain most, but offers no "try again from turn N"."""

from __future__ import annotations

from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from trainer.texts import tr
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.score_lessons import LessonPanel


def footer(screen) -> dict[str, str]:
    return {key: b.binding.description for key, b in screen.active_bindings.items() if b.binding.show and b.enabled}


async def test_a_test_scorecard_teaches_but_offers_no_way_back_to_a_turn(app_factory):
    app = app_factory(scenario="legroom-en", mode="test")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        card = app.screen
        assert isinstance(card, ScorecardScreen) and card.card.mode == "test"
        panel = str(card.query_one(LessonPanel).render())
        assert "Looks the facts up before concluding" in panel  # the lesson is still there
        assert "try again" not in panel.lower()
        keys = footer(card)
        assert "r" not in keys and "a" not in keys, keys
        assert tr("en", "key.rewind") not in keys.values()
        await pilot.press("r", "a", "A")
        await pilot.pause()
        assert app.screen is card, "no rewind, no try-again: still the scorecard"


async def test_a_practice_scorecard_still_offers_to_try_again(app_factory):
    app = app_factory(scenario="legroom-en", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        keys = footer(app.screen)
        assert keys["r"] == tr("en", "key.rewind") and keys["a"].startswith("Try again from turn")
