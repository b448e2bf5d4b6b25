"""An author's own cases in the picker: listed beside the built-in ones and marked; a broken file among them is
shown under the table with where and what, and the built-in cases still play."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.ui.conftest import SIZE, settled
from trainer.scenario.shelves import ENV
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.widgets.picker_table import ScenarioTable

DATA = Path(__file__).resolve().parents[1] / "data"


def own_folder(tmp_path):
    folder = tmp_path / "our-cases"
    folder.mkdir()
    shutil.copyfile(DATA / "minimal.yaml", folder / "minimal.yaml")
    (folder / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [oops\n", "utf-8")
    return folder


def title(app, scenario_id: str) -> str:
    return str(app.screen.query_one(ScenarioTable).get_cell(scenario_id, "title"))


def problems(app) -> str:
    return str(app.screen.query_one("#picker-problems").render())


async def test_her_case_is_marked_yours_beside_the_built_in_ones(app_factory, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path)))
    app = app_factory(scenario_paths=[])  # the library as installed: the built-in cases and one's own
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, PickerScreen)
        assert title(app, "minimal") == "yours · The late suitcase"
        assert title(app, "legroom-en") == "The legroom that never was"


async def test_in_dutch_her_case_is_marked_eigen(app_factory, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path)))
    app = app_factory(scenario_paths=[], language="nl")
    async with app.run_test(size=SIZE):
        assert title(app, "minimal") == "eigen · The late suitcase"
        assert "1 probleem in je eigen scenariobestanden" in problems(app)


async def test_a_broken_file_is_shown_under_the_table_and_the_built_in_cases_still_play(app_factory, tmp_path,
                                                                                        monkeypatch):
    folder = own_folder(tmp_path)
    monkeypatch.setenv(ENV, str(folder))
    app = app_factory(scenario_paths=[])
    async with app.run_test(size=SIZE) as pilot:
        shown = problems(app)
        assert "1 problem in your own scenario files; until it is fixed, that file is left out" in shown
        assert f"{folder / 'broken.yaml'}:3:8: the '[' that opens here is not closed on this line" in shown
        assert "broken" not in [row.key.value for row in app.screen.query_one(ScenarioTable).ordered_rows]

        table = app.screen.query_one(ScenarioTable)
        table.move_cursor(row=table.get_row_index("legroom-en"))
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "legroom-en"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "ChatScreen"


async def test_without_problems_there_is_no_panel(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE):
        assert not app.screen.query_one("#picker-problems").display


async def test_when_the_library_is_read_after_the_first_frame_her_case_and_its_problems_still_show(
        app_factory, tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path)))
    app = app_factory(scenario_paths=[], read_later=True, save_sessions=False)
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert title(app, "minimal") == "yours · The late suitcase"
        assert "broken.yaml:3:8" in problems(app)
