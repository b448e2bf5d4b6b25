"""On the full screen, the class's PostgreSQL server goes away: the game plays on, the coach's review stays open.

Pilot drives the app against a real server; the server is stopped and started again as in a
classroom where it restarts, and connections are dropped with `pg_terminate_backend`.
"""

from __future__ import annotations

from pg_faults import (
    LEGROOM,
    MOVES,
    drop_connections,
    fresh_database,
    running,
    stored_events,
)

from tests.ui.chat_helpers import answered, notices, send, start
from tests.ui.conftest import LEGROOM as LEGROOM_FILES
from tests.ui.conftest import SIZE, _keys
from trainer.engine.clock import FakeClock
from trainer.playthrough import run_playthrough
from trainer.store import open_store
from trainer.ui.app import make_app
from trainer.ui.options import UiOptions
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.screens.review_sessions import SessionsScreen
from trainer.ui.widgets.review_table import SessionTable


async def test_the_game_plays_on_through_a_dropped_connection_and_a_restart_and_stores_every_turn(spare_pg_server):
    server = spare_pg_server
    url = fresh_database(server)
    app = make_app(UiOptions(db=url, trainee="anna", scenario="legroom-en", typing_speed=0, clock=FakeClock(),
                             scenario_paths=LEGROOM_FILES))
    try:
        async with app.run_test(size=SIZE) as pilot:
            chat = await start(pilot)
            for i, move in enumerate(MOVES):
                if i == 2:
                    assert drop_connections(server, url) == 1
                if i == 4:
                    server.stop()
                if i == 7:  # moves 4, 5 and 6 were played while it was down
                    server.run()
                await send(pilot, move)
                await answered(pilot)
            assert chat.game.session.outcome == "resolved"
            await pilot.press("enter")  # the scorecard
            await pilot.pause()
            assert type(app.screen).__name__ == "ScorecardScreen"
            said = [n for n in notices(app) if "session database" in n]
    finally:
        running(server)
    assert len(said) == 2, said
    assert said[0].startswith("The session database is away — can't reach the session database")
    assert said[1] == "The session database is back: the 4 turns played meanwhile are saved."
    [row] = open_store(url).sessions()
    stored = stored_events(url, row.id)
    assert stored.events == chat.game.session.events and stored.row.outcome == "resolved"


def _rows(app) -> list[list[str]]:
    table = app.screen.query_one(SessionTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_coach_review_survives_a_dropped_connection_and_says_a_server_that_stays_away(spare_pg_server):
    server = spare_pg_server
    url = fresh_database(server)
    store = open_store(url)
    for trainee, name in (("anna", "exemplary"), ("bram", "mediocre")):
        run = run_playthrough(LEGROOM, next(p for p in LEGROOM.playthroughs if p.name == name))
        session_id = store.begin(trainee=trainee, scenario=LEGROOM)
        store.record(session_id, run.events, 0)
        store.finish(session_id, run.scorecard.to_dict())
    app = ReviewApp(store, "kim")
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert len(_rows(app)) == 2
            drop_connections(server, url)
            await pilot.press("1")  # trainee: anna — the list is read again, on a new connection
            assert [r[2] for r in _rows(app)] == ["anna"]
            assert not [n for n in notices(app) if "session database" in n]

            server.stop()
            await pilot.press("0")  # all trainees again: the database is away
            await pilot.press("enter")  # and open anna's session
            await pilot.pause()
            said = [n for n in notices(app) if "session database" in n]
            assert said and all(n.startswith("The session database can't be used now: ") for n in said)
            assert isinstance(app.screen, SessionsScreen), "the list stays open"
            assert [r[2] for r in _rows(app)] == ["anna"], "showing what it showed"

            server.run()
            await pilot.press("0")
            assert sorted(r[2] for r in _rows(app)) == ["anna", "bram"]
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
    finally:
        running(server)
        store.close()


async def test_a_note_typed_while_the_database_is_away_is_kept_in_its_box(spare_pg_server):
    server = spare_pg_server
    url = fresh_database(server)
    store = open_store(url)
    run = run_playthrough(LEGROOM, LEGROOM.playthroughs[0])
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    store.record(session_id, run.events, 0)
    app = ReviewApp(store, "kim")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, SessionScreen)
            server.stop()
            await pilot.press("N", *_keys("Good opening"), "enter")
            await pilot.pause()
            assert any(n.startswith("The session database can't be used now") for n in notices(app))
            assert app.screen.query_one("#note").value == "Good opening"
            server.run()
            await pilot.press("enter")  # try again
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
    finally:
        running(server)
    assert [n.text for n in store.load(session_id).notes] == ["Good opening"]
    store.close()


async def test_the_class_progress_says_a_server_that_stays_away_and_stays_open(spare_pg_server):
    from tests.ui.campaign_steps import COURSE, NOW, seed
    from trainer.ui.screens.review_cohort import CohortScreen

    server = spare_pg_server
    store = open_store(fresh_database(server))
    seed(store, "bram", "mediocre", "practice", "2025-03-04")
    app = ReviewApp(store, "kim", curriculum=COURSE, now=lambda: NOW)
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert isinstance(app.screen, CohortScreen)
            server.stop()
            await pilot.press("m")  # the next module's leaderboard
            await pilot.press("escape", "g")  # and the class's progress read again
            await pilot.pause()
            assert isinstance(app.screen, CohortScreen), "still open"
            said = [n for n in notices(app) if "session database" in n]
            assert len(said) == 3, said  # the board, the list behind it (read again on Escape), the progress
            assert all(n.startswith("The session database can't be used now") for n in said)
    finally:
        running(server)
        store.close()
