"""In the TUI: her line streams into the chat (shown at most once per frame), a failing model leaves one notice
and her scripted line, and the game goes on to its scorecard."""

from __future__ import annotations

import asyncio
import time

import pytest
from llm_server import Reply, Status, Trickle

from tests.llm.customer_steps import in_character
from tests.ui.chat_helpers import SORRY, answered, her_lines, notices, send, start
from tests.ui.conftest import SIZE, app_factory  # noqa: F401 - the Pilot fixture
from trainer.customers.choose import Live
from trainer.customers.llm import LLMCustomer
from trainer.engine.events import CustomerMessage, SessionEnded
from trainer.ui.widgets.live_line import FRAME, LiveLine


async def test_her_lines_stream_in_from_the_model_and_a_failure_leaves_one_notice(app_factory, llm_server,  # noqa: F811 - the fixture imported above
                                                                                 llm_settings):
    words = ["@SkyblueAir"] + [" no"] * 80  # 251 characters in 81 pieces: one tweet
    llm_server.reply("".join(words), chunks=words)
    app = app_factory(scenario="legroom-en", live=Live(llm_settings), save_sessions=False)
    async with app.run_test(size=SIZE) as pilot:
        started = time.monotonic()
        screen = await start(pilot)
        elapsed = time.monotonic() - started
        assert isinstance(screen.game.customer, LLMCustomer)
        assert her_lines(screen) == ["".join(words)]
        assert 1 <= screen.query_one("#live").frames < len(words)  # gathered: never one update per piece
        assert screen.query_one("#live").frames <= elapsed / FRAME + 2

        llm_server.fault(Status(500), Status(500), Status(500))
        await send(pilot, SORRY)
        await answered(pilot)
        assert len(her_lines(screen)) == 2 and screen.game.customer.last.by == "script"
        assert sum("from the script this time" in n for n in notices(app)) == 1

        llm_server.respond_with(in_character)
        await send(pilot, "Let me look at your booking, Daniela.")
        await answered(pilot)
        assert her_lines(screen)[-1].startswith("Model says:")
        assert not screen.game.session.over


async def test_with_llm_intents_the_model_reads_the_message_before_the_engine_plays_it(app_factory, llm_server,  # noqa: F811 - the fixture imported above
                                                                                        llm_settings):
    def answer(request):
        if request.json.get("response_format"):
            return Reply('{"intents": ["acknowledge_harm"]}')
        return in_character(request)

    llm_server.respond_with(answer)
    app = app_factory(scenario="legroom-en", live=Live(llm_settings, read_intents=True), save_sessions=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, "That sounds like an awful trip.")  # no pattern fits; the model reads it as empathy
        await answered(pilot)
        await answered(pilot)
        assert screen.game.session.state == "telling"
        assert any(r.json.get("response_format") for r in llm_server.completions)


async def _ctrl_e_and_yes(pilot) -> None:
    await pilot.press("ctrl+e", "y")


async def _slash_end(pilot) -> None:
    await send(pilot, "/end")


async def typing(pilot, screen, llm_server):
    """Her next line's request, once its words are coming in on the screen."""
    for _ in range(200):
        if len(llm_server.completions) == 2 and screen.query_one("#live").text:
            break
        await pilot.pause(0.01)
    return llm_server.completions[1]


@pytest.mark.parametrize("end", [_ctrl_e_and_yes, _slash_end], ids=["ctrl+e", "/end"])
async def test_ending_while_she_is_typing_stops_her_at_once_and_the_conversation_is_saved(app_factory,  # noqa: F811 - the fixture imported above
                                                                                          llm_server, llm_settings,
                                                                                          end):
    llm_server.reply("@SkyblueAir Paid for legroom. Got none.")  # her opening
    llm_server.fault(Trickle([" I"] + [" keep"] * 300, every=0.1))  # her next line: thirty seconds of words
    app = app_factory(scenario="legroom-en", live=Live(llm_settings))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, SORRY)
        her_request = await typing(pilot, screen, llm_server)
        assert screen.game.session.cue is not None, "she is still typing"

        live, sent_when_stopped = screen.query_one(LiveLine), []
        stop = live.stop
        live.stop = lambda: (sent_when_stopped.append(her_request.sent), stop())[1]  # the moment "yes" stops her

        await end(pilot)
        assert screen.game.session.outcome == "left"  # at once: not after her thirty seconds of words
        assert await asyncio.to_thread(her_request.closed.wait, 10), "her request was left open"
        assert her_request.sent <= sent_when_stopped[0] + 1, "closed before the server's next word"

        saved = screen.game.saved
        stored = saved.store.load(saved.session_id).events
        assert stored == screen.game.session.events and isinstance(stored[-1], SessionEnded)
        assert [type(e) for e in stored[-2:]] == [CustomerMessage, SessionEnded]  # her turn whole: the script's line


async def test_quitting_while_she_is_typing_closes_her_request(app_factory,  # noqa: F811 - the fixture imported above
                                                                                  llm_server, llm_settings):
    llm_server.reply("@SkyblueAir Paid for legroom. Got none.")
    llm_server.fault(Trickle([" I"] + [" keep"] * 300, every=0.1))
    app = app_factory(scenario="legroom-en", live=Live(llm_settings))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, SORRY)
        her_request = await typing(pilot, screen, llm_server)
        await pilot.press("ctrl+q", "y")
    assert await asyncio.to_thread(her_request.closed.wait, 10), "her request outlived the game"
    assert her_request.sent < 300, "closed when the game quit, not when she was done"
