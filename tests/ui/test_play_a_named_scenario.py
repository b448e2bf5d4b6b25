"""`webcare play legroom-en` opens on the briefing of legroom-en: its first frame is the briefing, never an empty
picker that the briefing then covers."""

from __future__ import annotations

from tests.ui.conftest import SIZE
from trainer.scenario.library import find_scenario
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.picker import PickerScreen


async def test_play_with_a_scenario_opens_on_its_briefing_with_no_picker_first(app_factory):
    legroom = find_scenario("legroom-en")  # read by the command line, before the screen opens
    app = app_factory(scenario="legroom-en", found=legroom, read_later=True)  # as `webcare play legroom-en`
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        seen.append(type(app.screen).__name__)  # the first frame
        for _ in range(10):
            await pilot.pause()
            await app.workers.wait_for_complete()
            seen.append(type(app.screen).__name__)
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "legroom-en"
        assert seen[0] == "BriefingScreen" and "PickerScreen" not in seen, seen
        assert len([s for s in app.screen_stack if isinstance(s, BriefingScreen)]) == 1  # not opened twice
        await pilot.press("escape")  # back: the picker, now with the library read
        assert isinstance(app.screen, PickerScreen) and app.screen.scenarios
