"""A trainee in a real browser: headless Chromium opens the class's page, signs in and plays a turn."""

from __future__ import annotations

from tests.serve.conftest import needs_the_serve_extra

needs_the_serve_extra()

from bench.soaks.classroom import SCENARIO, messages, signed  # noqa: E402
from tests.serve.steps import send, sign_in, start_case  # noqa: E402


async def test_a_trainee_signs_in_in_chromium_and_plays_a_turn(classroom, watch_store, browser):
    room = classroom(SCENARIO)
    await room.ready()
    watch = watch_store(room)
    page = await browser.page()

    await sign_in(room, page, "Anna")
    session = await start_case(room, watch, page, "Anna")  # the case's briefing, drawn in the page's terminal
    turn = await send(watch, page, signed(messages()[0], "Anna"), answered=False)

    assert turn.session == session and turn.turn == 1
    assert turn.trainee == "Anna"
    assert watch.owners == {session: "Anna"}
