"""A trainee in a curriculum starts `webcare` and is on its home screen; a module's briefing left with Esc goes back
there, not to free play."""

from __future__ import annotations

from tests.ui.campaign_steps import COURSE, NOW, PATHS, seed
from tests.ui.conftest import SIZE, settled
from trainer.store import open_store
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.picker import PickerScreen


async def test_webcare_alone_as_the_command_line_starts_it_opens_the_trainees_curriculum(app_factory,
                                                                                      own_session_store):
    store = open_store(str(own_session_store))
    seed(store, "anna", "mediocre", "practice", "2025-03-08", curriculum="onboarding-en")
    store.close()
    app = app_factory(read_later=True, trainee="anna", now=lambda: NOW)  # `webcare`: no scenario, no --curriculum
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Webcare onboarding" in str(app.screen.query_one("#home-title").render())


async def test_escape_from_a_modules_briefing_goes_back_to_the_curriculum_home(app_factory):
    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="nina", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("enter")  # the module's next step
        assert isinstance(app.screen, BriefingScreen) and app.playing is not None
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home, type(app.screen).__name__
        assert not any(isinstance(s, PickerScreen) for s in app.screen_stack)
        assert app.playing is None  # nothing started counts for the module
        await pilot.press("enter")  # and the module is one key away again
        assert isinstance(app.screen, BriefingScreen)


async def test_escape_from_a_briefing_picked_in_free_play_goes_back_to_the_picker(app_factory):
    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="nina", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "enter")  # free play, the first scenario
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
