"""An author in the full screen: start the story part-way, and see a saved change at once (--watch)."""

from __future__ import annotations

import os

from tests.ui.chat_helpers import answered, her_lines, notices, send, start
from tests.ui.conftest import SIZE
from trainer.engine.start import StartAt
from trainer.play import moves_of
from trainer.scenario.scaffold import Answers, scaffold
from trainer.ui.screens.chat import ChatScreen


async def test_from_opens_the_chat_in_that_state_with_her_lines_there_and_the_mood_given(app_factory):
    app = app_factory(scenario="legroom-en", start="telling", start_mood=70, start_facts=("seats_released",))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        session = screen.game.session
        assert session.state == "telling" and session.mood == 70 and "seats_released" in session.known
        assert session.start == StartAt("telling", 70, ("seats_released",))
        assert her_lines(screen)[0].startswith("Thank you for actually asking.")  # calm, in `telling`
        assert any("Started part-way: in 'telling'" in n for n in notices(app))


async def test_the_start_point_is_only_for_the_scenario_named(app_factory):
    app = app_factory(scenario="legroom-nl", start="telling")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert screen.game.session.state == "telling"
        other = app.library.get("legroom-en")
        assert app.options.start_for(other) is None


def _save(path, text: str) -> None:
    draft = path.with_suffix(".part")
    draft.write_text(text, "utf-8")
    os.replace(draft, path)


async def _checked(pilot, times: int) -> None:
    watch = pilot.app.scenario_watch
    for _ in range(200):
        if watch.checks >= times:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert watch.checks >= times


async def test_watch_shows_errors_in_place_then_reloads_and_replays_the_moves_so_far(app_factory, tmp_path):
    path = tmp_path / "case.yaml"
    text = scaffold(Answers(id="case").with_defaults())
    path.write_text(text, "utf-8")
    app = app_factory(scenario=str(path), scenario_paths=[tmp_path], watch=True, save_sessions=False)
    async with app.run_test(size=SIZE) as pilot:
        app.scenario_watch.interval = 0.05
        screen = await start(pilot)
        await send(pilot, "Hi Noor, I'm so sorry about your suitcase. Can you tell me what happened?")
        await answered(pilot)
        assert screen.game.session.state == "telling"

        _save(path, text.replace("next: telling", "next: teling", 1))  # a typo: the game plays on
        await _checked(pilot, 1)
        assert app.screen is screen
        assert any("case.yaml has 1 error;" in n and "case.yaml:" in n and "'teling'" in n for n in notices(app))

        _save(path, text.replace("Thank you. So tell me:", "Thanks! So tell me:"))  # fixed, and a new line
        await _checked(pilot, 2)
        reloaded = app.screen
        assert isinstance(reloaded, ChatScreen) and reloaded is not screen
        assert reloaded.game.session.state == "telling"
        assert len(moves_of(reloaded.game.session.events)) == 1
        assert her_lines(reloaded)[-1].startswith("Thanks! So tell me:")  # the new version's words
        assert any("your 1 move replayed" in n for n in notices(app))

        _save(path, text.replace("complaint", "opening"))  # her states renamed: the moves still fit
        await _checked(pilot, 3)
        assert app.screen.game.session.state == "telling"

        await send(pilot, "/lookup case_file")
        await answered(pilot)
        _save(path, text.replace("lookups:\n  case_file:", "lookups:\n  dossier:").replace(
            "found_in: case_file", "found_in: dossier").replace("/lookup case_file", "/lookup dossier"))
        await _checked(pilot, 4)  # that look-up is gone in the new version: it starts again
        assert app.screen.game.session.state == "complaint" and moves_of(app.screen.game.session.events) == []
        assert any("starting again" in n and "case_file" in n for n in notices(app))
