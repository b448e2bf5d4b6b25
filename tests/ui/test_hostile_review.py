"""A class whose names, titles, notes, reasons and messages are hostile: every screen of `webcare review` shows them
as written (markup, action links and terminal controls as text), and nothing crashes, quits or clears the screen."""

from __future__ import annotations

import dataclasses

import pytest

from tests.ui.conftest import _keys
from tests.ui.hostile_steps import Seen, hostile, hostile_curriculum, look
from trainer.engine.events import (
    CustomerMessage,
    FactRevealed,
    IntentsRecognised,
    TraineeMessage,
)
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import SessionRow, StoredSession, open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.review_cohort import CohortScreen
from trainer.ui.screens.review_compare import AttemptsScreen
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.widgets.review_table import SessionTable

BIG = (220, 70)
COACH = hostile("COACH")


def _hostile_session(session_id: str, started: str, *, with_words: bool) -> StoredSession:
    """A played legroom session stored under a hostile trainee, scenario, title and outcome; `with_words` also puts
    hostile text in her first line, the trainee's first message, what it was read as, a fact, and a criterion."""
    scenario = find_scenario("legroom-en")
    result = run_playthrough(scenario, next(p for p in scenario.playthroughs if p.name == "exemplary"))
    events, card = list(result.events), result.scorecard.to_dict()
    first_turn = next(e.turn for e in events if isinstance(e, TraineeMessage))
    if with_words:
        changed = {CustomerMessage: ("text", "LINE"), TraineeMessage: ("text", "SAID"), FactRevealed: ("fact", "FACT")}
        for i, e in enumerate(events):
            if type(e) in changed:
                name, tag = changed.pop(type(e))
                events[i] = dataclasses.replace(e, **{name: hostile(tag)})
            elif isinstance(e, IntentsRecognised) and e.turn == first_turn:
                events[i] = dataclasses.replace(e, reasons=(hostile("MEANT"),))
        criterion = card["trades"]["facilitator"]["criteria"][0]
        criterion.update(title=hostile("CRITERION"), score=0.0,
                         evidence=[{"turn": first_turn, "good": False, "note": hostile("EVIDENCE")}])
    scores = {t: card["trades"][t]["score"] for t in ("facilitator", "detective", "plumber")}
    row = SessionRow(session_id, hostile("TRAINEE"), hostile("SCENARIO"), hostile("TITLE"), "en", hostile("CHANNEL"),
                     "practice", 0, started, started, started, result.scorecard.turns, hostile("OUTCOME"),
                     result.scorecard.outcome_kind, scores, curriculum="legroom-course", module="find-the-facts")
    return StoredSession(row, events, card, {"curriculum": "legroom-course", "module": "find-the-facts"})


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory):
    """Two attempts by a hostile trainee; the later one with a hostile turn note, session note and override, all by
    a hostile coach; and a curriculum file with a hostile title and module."""
    folder = tmp_path_factory.mktemp("hostile-class")
    store = open_store(str(folder / "class.db"))
    store.put(_hostile_session("first", "2025-03-08T10:00:00.000000Z", with_words=False))
    store.put(_hostile_session("second", "2025-03-09T10:00:00.000000Z", with_words=True))
    first_turn = next(e.turn for e in store.load("second").events if isinstance(e, TraineeMessage))
    store.add_note("second", hostile("NOTE"), author=COACH, turn=first_turn)
    store.add_note("second", hostile("GENERAL"), author=COACH)
    store.override("second", "plumber", 5, reason=hostile("REASON"), author=COACH)
    store.set_leaderboard(hostile("TRAINEE"), "legroom-course", True)
    store.close()
    return folder / "class.db", hostile_curriculum(folder)


SCREENS: dict[str, tuple[str, ...]] = {
    "sessions": ("TRAINEE", "SCENARIO"),  # the list names an ending by its kind, from the catalogue, as the scorecard
    "sessions filtered by trainee": ("TRAINEE",),
    "session": ("TITLE", "TRAINEE", "SCENARIO", "CHANNEL", "OUTCOME", "LINE", "SAID", "MEANT", "FACT", "CRITERION",
                "EVIDENCE", "NOTE", "COACH", "GENERAL", "REASON"),
    "attempts": ("TRAINEE", "COACH", "REASON", "LINE", "SAID", "NOTE", "CRITERION"),
    "cohort": ("CURRICULUM", "TRAINEE", "MODULE", "CRITERION"),
}
_seen: dict[str, Seen] = {}


async def _visit(screen: str, db, curriculum) -> Seen:
    """Open `screen` in the coach's app over the hostile class, as a coach gets there; what it showed."""
    if screen in _seen:
        return _seen[screen]
    seen = Seen()
    store = open_store(str(db))
    app = ReviewApp(store, COACH, curriculum=str(curriculum) if screen == "cohort" else None)
    try:
        async with app.run_test(size=BIG, notifications=True) as pilot:
            if screen == "sessions filtered by trainee":
                await pilot.press("1")
            elif screen == "session":
                await pilot.press("enter")
                assert isinstance(app.screen, SessionScreen)
            elif screen == "attempts":
                await pilot.press("space", "down", "space", "c")
                assert isinstance(app.screen, AttemptsScreen)
            elif screen == "cohort":
                assert isinstance(app.screen, CohortScreen)
            await pilot.pause()
            seen = look(app)
    except Exception as exc:  # noqa: BLE001 - the crash is what the test reports
        seen.error = f"{type(exc).__name__}: {exc}"
    finally:
        store.close()
    _seen[screen] = seen
    return seen


@pytest.mark.parametrize(("screen", "field"), [(s, f) for s, fields in SCREENS.items() for f in fields])
async def test_the_coach_reads_every_hostile_field_as_written(hostile_class, screen, field):
    seen = await _visit(screen, *hostile_class)
    assert not seen.error, f"the {screen} screen crashed: {seen.error}"
    assert seen.running
    assert not seen.raw_controls, f"raw terminal controls reached the {screen} screen: {seen.raw_controls}"
    assert seen.shows(field), f"{field} is not shown as written on the {screen} screen:\n{seen.text}"


async def test_a_trainee_named_as_a_quit_link_does_not_quit_the_coachs_app_when_clicked(tmp_path):
    store = open_store(str(tmp_path / "class.db"))
    legroom = find_scenario("legroom-en")
    session_id = store.begin(trainee="[@click=app.quit]Anna[/]", scenario=legroom)
    store.record(session_id, run_playthrough(legroom, legroom.playthroughs[0]).events, 0)
    app = ReviewApp(store, "kim")
    async with app.run_test(size=BIG) as pilot:
        table = app.screen.query_one(SessionTable)
        name = look(app).text.splitlines()[table.region.y + 1].index("Anna")  # the first row, under the header
        await pilot.click(SessionTable, offset=(name - table.region.x, 1))
        await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]Anna[/]" in look(app).text
    store.close()


async def test_a_note_the_coach_types_with_markup_is_saved_and_shown_as_typed(tmp_path):
    store = open_store(str(tmp_path / "class.db"))
    legroom = find_scenario("legroom-en")
    session_id = store.begin(trainee="anna", scenario=legroom)
    store.record(session_id, run_playthrough(legroom, legroom.playthroughs[0]).events, 0)
    app = ReviewApp(store, "kim")
    typed = "[/] see [b]turn 2"
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("enter", "N")
        await pilot.press(*_keys(typed), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert f"kim: {typed}" in look(app).text
    assert [n.text for n in store.load(session_id).notes] == [typed]
    store.close()


async def test_the_export_dialog_proposes_a_file_name_without_the_names_markup_or_controls(tmp_path):
    store = open_store(str(tmp_path / "class.db"))
    legroom = find_scenario("legroom-en")
    store.begin(trainee="../b]Anna\x1b[2J", scenario=legroom)
    app = ReviewApp(store, "kim")
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("e")
        await pilot.pause()
        proposed = app.screen.query_one("#export-path").value
    assert proposed.startswith("b_Anna__2J-legroom-en-") and proposed.endswith(".html")  # not hidden (`..`), no path
    store.close()
