"""A coach reviews a class's sessions: filters and sorts, reads one annotated, notes, overrides, compares, exports."""

from __future__ import annotations

import csv

import pytest

from tests.ui.conftest import SIZE, _keys
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.review_compare import AttemptsScreen
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.widgets.review_table import SessionTable
from trainer.ui.widgets.review_turns import TurnList

LEGROOM = find_scenario("legroom-en")
RUNS = {p.name: run_playthrough(LEGROOM, p) for p in LEGROOM.playthroughs}


@pytest.fixture
def store(db_url):
    """The class's sessions, on SQLite and on PostgreSQL: the coach's screens read both the same."""
    store = open_store(db_url)
    for trainee, name in (("anna", "exemplary"), ("bram", "mediocre"), ("bram", "copy-paste")):
        session_id = store.begin(trainee=trainee, scenario=LEGROOM)
        store.record(session_id, RUNS[name].events, 0)
        store.finish(session_id, RUNS[name].scorecard.to_dict())
    yield store
    store.close()


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one(SessionTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_coach_filters_by_trainee_and_sorts_by_plumber(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        assert len(table_rows(app)) == 3
        await pilot.press("1")  # trainee: anna
        assert [r[2] for r in table_rows(app)] == ["anna"]
        await pilot.press("1")  # trainee: bram
        assert [r[2] for r in table_rows(app)] == ["bram", "bram"]
        await pilot.press("0")
        for _ in range(7):  # started → trainee → scenario → outcome → turns → facilitator → detective → plumber
            await pilot.press("s")
        plumber = [int(r[-1]) for r in table_rows(app)]
        assert plumber == sorted(plumber, reverse=True)
        await pilot.press("r")
        assert [int(r[-1]) for r in table_rows(app)] == sorted(plumber)


async def test_the_coach_reads_a_session_notes_a_turn_and_overrides_a_score_with_a_reason(store):
    app = ReviewApp(store, "kim")
    bram = store.sessions(trainee="bram", outcome="left")[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1")  # bram's two sessions
        table = app.screen.query_one(SessionTable)
        table.move_cursor(row=[r.id for r in app.screen.rows].index(bram.id))
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        turns = app.screen.query_one(TurnList)
        assert "Trainee" in str(turns.children[1].line.who.title())
        await pilot.press("down")  # the trainee's first message
        await pilot.press("n", *_keys("Ask what happened first"), "enter")
        await pilot.pause()
        await pilot.press("o", *_keys("10"), "tab", *_keys("No reason given"), "enter")
        await pilot.pause()
        screen_text = str(app.screen.query_one("#review-scores").render())
        assert "→ 10" in screen_text and "No reason given" in screen_text
    stored = store.load(bram.id)
    assert [(n.turn, n.author, n.text) for n in stored.notes] == [(1, "kim", "Ask what happened first")]
    [change] = stored.overrides
    assert (change.trade, change.score, change.original) == ("facilitator", 10, bram.scores["facilitator"])


async def test_an_override_without_a_reason_is_not_saved(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "o", *_keys("50"), "enter")
        await pilot.pause()
        assert "Say why" in str(app.screen.query_one("#override-error").render())
        await pilot.press("escape")
    assert all(not store.load(r.id).overrides for r in store.sessions())


async def test_the_coach_compares_two_attempts_side_by_side(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "down", "space", "c")
        assert isinstance(app.screen, AttemptsScreen)
        assert len(app.screen.query(".attempt")) == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, AttemptsScreen)


async def test_the_coach_exports_a_session_to_html_and_the_shown_cohort_to_csv(store, tmp_path):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        path = app.screen.query_one("#export-path")
        path.value = str(tmp_path / "one.html")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1", "1", "x")  # bram's sessions only
        app.screen.query_one("#export-path").value = str(tmp_path / "bram.csv")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (tmp_path / "one.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    rows = list(csv.DictReader((tmp_path / "bram.csv").open(encoding="utf-8")))
    assert sorted(r["trainee"] for r in rows) == ["bram", "bram"]


async def test_an_empty_store_says_where_sessions_come_from(tmp_path):
    app = ReviewApp(open_store(str(tmp_path / "empty.db")), "kim", language="nl")
    async with app.run_test(size=SIZE):
        assert "Nog geen sessies" in str(app.screen.query_one("#review-status").render())


async def test_the_coach_exports_from_the_command_palette(store, tmp_path):
    from tests.ui.test_palette import run_command

    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "export the highlighted", "Export the highlighted session")
        app.screen.query_one("#export-path").value = str(tmp_path / "one.html")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # open the session: the palette offers its export too
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await run_command(pilot, "export", "Export this session")
        app.screen.query_one("#export-path").value = str(tmp_path / "two.md")
        await pilot.press("enter")
        await pilot.pause()
    assert (tmp_path / "one.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "two.md").exists()
