"""In the TUI: her line streams into the chat (shown at most once per frame), a failing model leaves one notice
and her scripted line, and the game goes on to its scorecard."""

from __future__ import annotations

import time

from llm_server import Reply, Status

from tests.llm.customer_steps import in_character
from tests.ui.chat_helpers import SORRY, answered, her_lines, notices, send, start
from tests.ui.conftest import SIZE, app_factory  # noqa: F401 - the Pilot fixture
from trainer.customers.choose import Live
from trainer.customers.llm import LLMCustomer
from trainer.ui.widgets.live_line import FRAME


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
