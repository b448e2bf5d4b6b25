"""A trainee picks a scenario: filters by language, channel, level and audience, reads the teaser and
her best score so far, and opens the briefing with Enter."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.conftest import SIZE, type_line
from trainer.scenario.library import builtin_dir
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.widgets.picker_filters import FilterChip, Filters
from trainer.ui.widgets.picker_table import ScenarioTable

VARIANTS = {
    # id: (language, channel, audience, difficulty, title)
    "dm-easy": ("en", "dm", "private", "easy", "The seats, in a direct message"),
    "mail-hard": ("nl", "email", "private", "hard", "De stoelen, per e-mail"),
    "chat-hard": ("en", "chat", "private", "hard", "The seats, in a live chat"),
}


def library(tmp_path: Path) -> Path:
    """The two built-in cases and three variants of the English one, each on its own terms."""
    source = (builtin_dir() / "legroom-en.yaml").read_text("utf-8")
    for name in ("legroom-en", "legroom-nl"):
        (tmp_path / f"{name}.yaml").write_text((builtin_dir() / f"{name}.yaml").read_text("utf-8"), "utf-8")
    for scenario_id, (language, channel, audience, difficulty, title) in VARIANTS.items():
        text = source
        for field, value in (("id", scenario_id), ("language", language), ("channel", channel),
                             ("audience", audience), ("difficulty", difficulty), ("title", title)):
            text, n = re.subn(rf"^{field}: .*$", f"{field}: {value}", text, count=1, flags=re.MULTILINE)
            assert n == 1, field
        (tmp_path / f"{scenario_id}.yaml").write_text(text, "utf-8")
    return tmp_path


def rows(app) -> list[str]:
    """The scenario ids in the table, top to bottom."""
    table = app.screen.query_one(ScenarioTable)
    return [row.key.value for row in table.ordered_rows]


def cell(app, scenario_id: str, column: str) -> str:
    return str(app.screen.query_one(ScenarioTable).get_cell(scenario_id, column))


def text(app, selector: str) -> str:
    """What a widget shows, its runs of spaces as one."""
    return " ".join(str(app.screen.query_one(selector).render()).split())


async def test_filtering_to_dutch_shows_only_the_dutch_case(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        assert rows(app) == ["legroom-en", "legroom-nl"]
        assert "1 Language: all" in text(app, "#filter-language")
        await pilot.press("1")  # all → English
        assert rows(app) == ["legroom-en"]
        await pilot.press("1")  # English → Dutch
        assert rows(app) == ["legroom-nl"]
        assert "Language: Dutch" in text(app, "#filter-language")
        assert app.screen.query_one("#filter-language").has_class("-active")
        assert text(app, "#picker-count") == "1 of 2 scenarios"
        assert text(app, "#picker-teaser").startswith("Ze betaalde €80 per persoon")
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "legroom-nl"
        assert text(app, "#start") == "Start" and "Oefenen" in text(app, "#practice")


async def test_each_filter_narrows_the_list_and_0_clears_them(app_factory, tmp_path):
    app = app_factory(scenario_paths=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        everything = ["chat-hard", "dm-easy", "legroom-en", "legroom-nl", "mail-hard"]
        assert rows(app) == everything
        await pilot.press("2")  # channel: twitter (the first the library has)
        assert rows(app) == ["legroom-en", "legroom-nl"]
        await pilot.press("2")  # channel: dm
        assert rows(app) == ["dm-easy"] and cell(app, "dm-easy", "channel") == "DM"
        await pilot.press("2", "2", "2")  # e-mail, live chat, all again
        assert rows(app) == everything
        await pilot.press("3", "3", "3")  # level: easy, medium, hard
        assert rows(app) == ["chat-hard", "mail-hard"]
        await pilot.press("1")  # and English
        assert rows(app) == ["chat-hard"]
        await pilot.press("0")
        assert rows(app) == everything
        assert app.screen.filters == Filters()
        await pilot.press("4")  # audience: public
        assert rows(app) == ["legroom-en", "legroom-nl"]
        await pilot.press("4")  # audience: private
        assert rows(app) == ["chat-hard", "dm-easy", "mail-hard"]


async def test_a_filter_that_matches_nothing_says_so_and_how_to_get_out(app_factory, tmp_path):
    app = app_factory(scenario_paths=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "4")  # easy and public: the easy one is a private DM
        assert rows(app) == []
        assert text(app, "#picker-teaser").startswith("No scenario matches these filters. Press 0")
        assert app.screen.query_one("#picker-teaser").has_class("-empty")
        await pilot.press("enter")  # nothing to open
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("0")
        assert len(rows(app)) == 5
        assert not app.screen.query_one("#picker-teaser").has_class("-empty")


async def test_a_click_on_a_chip_cycles_its_filter(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(FilterChip, offset=(1, 0))
        await pilot.pause()
        assert rows(app) == ["legroom-en"]
        assert app.screen.focused is app.screen.query_one(ScenarioTable)  # Enter still opens it


async def test_the_teaser_follows_the_highlighted_row_and_enter_opens_its_briefing(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert text(app, "#picker-teaser").startswith("She paid €80 each")
        assert text(app, "#picker-best") == "Not played yet."
        await pilot.press("down")
        assert text(app, "#picker-teaser").startswith("Ze betaalde €80 per persoon")
        await pilot.press("1")  # English only: the Dutch row is gone, so is its teaser
        assert text(app, "#picker-teaser").startswith("She paid €80 each")
        await pilot.press("0")
        assert app.screen.query_one(ScenarioTable).highlighted_id == "legroom-en"  # the cursor stays on it
        await pilot.press("down", "enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "legroom-nl"


async def test_the_best_score_appears_after_a_finished_session(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        assert cell(app, "legroom-en", "best") == "—"
        await pilot.press("enter", "enter")  # the legroom case, Start
        await app.workers.wait_for_complete()
        await pilot.pause()
        await type_line(pilot, "/end")
        await pilot.press("enter")  # the conversation is over: to the scorecard
        await pilot.pause()
        assert type(app.screen).__name__ == "ScorecardScreen"
        await pilot.press("n")  # a new scenario
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        best = app.best["legroom-en"]
        f, d, p = best["facilitator"], best["detective"], best["plumber"]
        assert cell(app, "legroom-en", "best") == f"F {f} · D {d} · P {p}"
        assert text(app, "#picker-best") == f"Your best so far: Facilitator {f} · Detective {d} · Plumber {p}"
        assert cell(app, "legroom-nl", "best") == "—"


async def test_the_picker_shows_fresh_best_scores_when_it_is_shown_again(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen
        await pilot.press("down", "enter")  # the Dutch briefing
        assert isinstance(app.screen, BriefingScreen)
        app.best["legroom-nl"] = {"facilitator": 81, "detective": 62, "plumber": 90}  # as a session leaves it
        await pilot.press("escape")
        assert app.screen is picker
        assert cell(app, "legroom-nl", "best") == "F 81 · D 62 · P 90"
        assert text(app, "#picker-best").endswith("Facilitator 81 · Detective 62 · Plumber 90")
        assert app.language == "en"  # the palette and help speak the picker's language again


async def test_a_dutch_interface_has_dutch_headings_and_values(app_factory):
    app = app_factory(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScenarioTable)
        headings = [str(column.label) for column in table.ordered_columns]
        assert headings == ["Scenario", "Taal", "Kanaal", "Publiek", "Niveau", "Beste score"]
        assert [cell(app, "legroom-en", c) for c in ("language", "audience", "difficulty")] == \
            ["Engels", "openbaar", "gemiddeld"]
        await pilot.press("1")
        assert "Taal: Engels" in text(app, "#filter-language")
        assert text(app, "#picker-count") == "1 van 2 scenario's"


def test_snapshot_picker(snap_compare, app_factory):
    assert snap_compare(app_factory(), terminal_size=SIZE)


def test_snapshot_picker_filtered(snap_compare, app_factory, tmp_path):
    app = app_factory(scenario_paths=[library(tmp_path)])
    app.best["legroom-nl"] = {"facilitator": 81, "detective": 62, "plumber": 90}
    assert snap_compare(app, press=["1", "1"], terminal_size=SIZE)  # Dutch: the legroom case and the e-mail
