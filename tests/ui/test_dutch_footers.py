"""A Dutch trainee reads every key in the footer in Dutch, on every screen of a game; the scorecard offers Quit once."""

from __future__ import annotations

from tests.ui.campaign_steps import NOW
from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from trainer.texts import catalogue, tr
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.rewind import RewindScreen
from trainer.ui.screens.scorecard import ScorecardScreen

ENGLISH_ONLY = {v for k, v in catalogue("en").items() if isinstance(v, str) and v != catalogue("nl").get(k)}
ENGLISH_ONLY |= {"palette", "Quit", "Close"}  # Textual's own words, and ours before they were in the catalogue


def footer(screen) -> list[str]:
    """The words beside each key in the footer (and the key panel and help, which read the same bindings)."""
    return [b.binding.description for b in screen.active_bindings.values() if b.binding.show and b.binding.description]


def english_in(screen) -> list[str]:
    return [text for text in footer(screen) if text in ENGLISH_ONLY]


async def test_a_dutch_game_names_every_key_in_dutch_from_the_picker_to_the_rewind(app_factory):
    app = app_factory(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert english_in(app.screen) == [] and tr("nl", "key.quit") in footer(app.screen)
        palette = app.screen.active_bindings["ctrl+p"].binding  # shown at the footer's right end
        assert palette.description == tr("nl", "key.palette_short")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen) and english_in(app.screen) == []
        await pilot.press("escape")
        app.open_briefing(app._scenario("legroom-nl"))
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and english_in(app.screen) == []
        await finish_badly(pilot, "nl")
        card = app.screen
        assert isinstance(card, ScorecardScreen) and english_in(card) == []
        assert footer(card).count(tr("nl", "key.quit")) == 1, footer(card)
        await pilot.press("r")
        assert isinstance(app.screen, RewindScreen) and english_in(app.screen) == []


async def test_a_dutch_curriculum_home_names_its_keys_in_dutch(app_factory):
    app = app_factory(curriculum="onboarding-nl", trainee="sanne", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and english_in(app.screen) == []
        assert tr("nl", "home.key.free_play") in footer(app.screen)


async def test_the_english_scorecard_offers_quit_once_too(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        assert footer(app.screen).count("Quit") == 1, footer(app.screen)
