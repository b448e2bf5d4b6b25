"""On an 80×24 terminal a trainee still sees what they need: the picker's title and filters, each scenario's
level ("medium"), and the Start button, on the picker and on the briefing, in English and in Dutch."""

from __future__ import annotations

import pytest

from tests.ui.conftest import ROOT
from trainer.texts import tr
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.picker import PickerScreen

SMALL = (80, 24)
ALL = sorted((ROOT / "scenarios").glob("*.yaml"))
"""The whole built-in library: its longest titles are what crowd the table."""


def screen_text(app) -> str:
    """What the terminal shows, line by line, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def chip(language: str, field: str, key: str) -> str:
    return f"{key}  {tr(language, f'picker.column.{field}')}: {tr(language, 'picker.all')}"


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_at_80_by_24_the_picker_shows_its_title_filters_and_every_level_whole(app_factory, language):
    app = app_factory(language=language, scenario_paths=ALL)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        shown = screen_text(app)
        assert tr(language, "picker.title") in shown
        for field, key in zip(("language", "channel", "difficulty", "audience"), "1234"):
            assert chip(language, field, key) in shown, shown
        medium = tr(language, "picker.difficulty.medium")
        rows = [line for line in shown.splitlines() if "Twitter" in line]
        assert rows and any(f" {medium} " in f"{line} " for line in rows), shown


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_at_80_by_24_the_briefing_shows_the_start_button_and_both_modes(app_factory, language):
    app = app_factory(language=language, scenario=f"legroom-{language}")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        shown = screen_text(app)
        assert tr(language, "briefing.start") in shown.replace("▔", "").replace("▁", ""), shown
        for mode in ("practice", "test"):
            assert tr(language, f"briefing.{mode}") in shown, shown
        start = app.screen.query_one("#start")
        assert start.region.right <= SMALL[0] and start.region.width >= len(tr(language, "briefing.start"))
