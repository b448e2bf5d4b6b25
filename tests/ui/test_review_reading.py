"""A coach who can read: every message and criterion in full, the chosen turn marked, a turn opened with its
criteria's whole text and evidence, and help (F1, ?) on every review screen, in English and in Dutch."""

from __future__ import annotations

import re

import pytest

from tests.ui.conftest import ROOT, SIZE
from tests.ui.hostile_steps import look
from trainer.engine.events import CustomerMessage
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.review_session import SessionScreen
from trainer.ui.widgets.review_details import TurnDetails
from trainer.ui.widgets.review_turns import TurnList

LEGROOM = find_scenario("legroom-en")
RUNS = {p.name: run_playthrough(LEGROOM, p) for p in LEGROOM.playthroughs}
COURSE = ROOT / "tests" / "data" / "campaign" / "legroom-course.yaml"


@pytest.fixture
def store(db_url):
    """The class's sessions, on SQLite and on PostgreSQL: the coach's screens read both the same."""
    store = open_store(db_url)
    for trainee, name in (("anna", "exemplary"), ("bram", "mediocre")):
        session_id = store.begin(trainee=trainee, scenario=LEGROOM)
        store.record(session_id, RUNS[name].events, 0)
        store.finish(session_id, RUNS[name].scorecard.to_dict())
    yield store
    store.close()


def compact(text: str) -> str:
    """The screen's words with line breaks, gutters and borders taken out: a wrapped sentence reads whole."""
    return re.sub(r"[\s│┃║▌▐▎▕▏]+", " ", text)


async def open_bram(pilot, app) -> None:
    await pilot.press("1", "1", "enter")  # the trainee filter at bram; his session
    await pilot.pause()
    assert isinstance(app.screen, SessionScreen)


async def test_every_message_and_criterion_is_shown_in_full(store):
    run = RUNS["mediocre"]
    first_line = next(e.text for e in run.events if isinstance(e, CustomerMessage))
    criteria = [(c.title, e.note) for t in run.scorecard.trades.values() for c in t.criteria for e in c.evidence
                if e.turn == 1 and e.note]
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await open_bram(pilot, app)
        await pilot.pause()
        turns = [compact(part) for part in look(app).parts]  # each turn as its own widget shows it

        def shown_whole(text: str) -> bool:
            return any(compact(text) in turn for turn in turns)

        assert len(first_line) > 70 and shown_whole(first_line)
        assert criteria and all(shown_whole(f"{title} — {note}") for title, note in criteria)


async def test_the_chosen_turn_is_marked_and_the_mark_follows_the_cursor(store):
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await open_bram(pilot, app)
        turns = app.screen.query_one(TurnList)

        def marked() -> list[str]:
            return [line.strip() for line in look(app).text.splitlines() if line.lstrip().startswith("▶")]

        [line] = marked()
        assert re.match(rf"▶\s+{turns.chosen.turn}\s", line), line
        await pilot.press("down", "down")
        await pilot.pause()
        [line] = marked()
        assert re.match(rf"▶\s+{turns.chosen.turn}\s", line), line


async def test_enter_opens_a_turn_with_each_criterions_whole_text_tip_and_evidence(store):
    run = RUNS["mediocre"]
    app = ReviewApp(store, "kim")
    async with app.run_test(size=SIZE) as pilot:
        await open_bram(pilot, app)
        turns = app.screen.query_one(TurnList)
        while not (turns.chosen and turns.chosen.who == "trainee" and turns.chosen.criteria):
            await pilot.press("down")
        turn = turns.chosen.turn
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TurnDetails)
        shown = compact(look(app).text)
        assert compact(f"Turn {turn} in full") in shown
        cited = [c for t in run.scorecard.trades.values() for c in t.criteria if any(e.turn == turn
                                                                                    for e in c.evidence)]
        assert cited
        first = cited[0]
        assert compact(first.title) in shown
        for evidence in first.evidence:
            assert compact(f"turn {evidence.turn}") in shown
            if evidence.note:
                assert compact(evidence.note)[:40] in shown
        if first.tip and first.percent is not None and first.percent < 100:
            assert compact(first.tip)[:40] in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def help_opens(pilot, app, key: str, heading: str, *also: str) -> None:
    """`key` opens the help over the screen, with `heading` (and each of `also`) in it; Esc goes back."""
    below = app.screen
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen), f"{key} did nothing over {type(below).__name__}"
    assert heading in app.screen.text()
    for text in also:
        assert text in app.screen.text(), f"no {text} in the help over {type(below).__name__}"
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is below


@pytest.mark.parametrize(("language", "heading", "keys_heading", "db_url"),
                         [("en", "## The screens", "Keys on this screen", "sqlite"),
                          ("nl", "## De schermen", None, "postgres")],
                         indirect=["db_url"], ids=["en-sqlite", "nl-postgres"])
async def test_help_opens_on_every_review_screen_and_dialog(store, language, heading, keys_heading):
    """Every screen in one app per language (each language on one backend: the help reads no store)."""
    app = ReviewApp(store, "kim", language=language, curriculum=str(COURSE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await help_opens(pilot, app, "f1", heading)  # the class's progress (the curriculum was given)
        await pilot.press("escape")
        await help_opens(pilot, app, "f1", heading)  # the sessions list
        await help_opens(pilot, app, "question_mark", heading)
        await pilot.press("space", "down", "space", "c")
        await help_opens(pilot, app, "f1", heading)  # two attempts side by side
        await pilot.press("escape", "enter")
        await help_opens(pilot, app, "f1", heading)  # one session
        for dialog in ("n", "N", "o", "e", "enter"):
            await pilot.press(dialog)
            await pilot.pause()
            keys = ("**Esc**",) if keys_heading else ()  # a dialog's own keys, in English
            await help_opens(pilot, app, "f1", heading, *keys)  # its dialogs, and a turn opened in full
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
