"""The classroom story, in three browsers: two trainees play, neither is offered the other's session, and the
coach sees both playing."""

from __future__ import annotations

import asyncio

from tests.serve.conftest import needs_the_serve_extra

needs_the_serve_extra()

from tests.serve.conftest import COACH_PASSWORD  # noqa: E402
from tests.serve.steps import coach_signs_in, send, sign_in, start_case  # noqa: E402
from trainer.texts import tr  # noqa: E402


def offer(turn: int) -> str:
    """The picker's resume line, as far as it tells a session's turn: "… at turn 2 (" """
    line = tr("en", "picker.resume")
    return line[line.index("”") + 1:line.index("{when}")].format(turn=turn)


async def plays(room, watch, page, name: str, turns: int, last_after: asyncio.Event | None = None) -> None:
    """She signs in, opens the first case in the list and sends `turns` messages (the last once `last_after` is
    set), each answered."""
    await sign_in(room, page, name)
    await page.screen.shows(tr("en", "picker.not_played"))  # the list is read: its first case is described
    await page.focus_terminal()
    await page.key("Enter")
    await start_case(room, watch, page, name)
    for n in range(1, turns + 1):
        if n == turns and last_after is not None:
            await last_after.wait()
        turn = await send(watch, page, f"Hello, I'm sorry about this, tell me what happened? ^{name}-{n}")
        assert (turn.trainee, turn.turn) == (name, n)


async def comes_back(room, browser, page, turns: int) -> None:
    """She closes her tab mid-conversation and opens the class again in the same browser: her stopped session is
    offered, never the other's."""
    await page.close()
    again = await browser.page(page.context)
    await again.go(room.url + "/")
    await again.screen.shows(offer(turns))
    assert offer(3 - turns) not in again.screen.text


async def test_two_trainees_and_their_coach_in_three_browsers(classroom, watch_store, browser):
    room = classroom()  # the picker: where a stopped session is offered
    await room.ready()
    watch = watch_store(room)
    anna, bram, coach = await browser.page(), await browser.page(), await browser.page()
    anna_played = asyncio.Event()

    async def anna_plays() -> None:
        await plays(room, watch, anna, "Anna", 1)
        anna_played.set()

    # At once; Bram's second turn after Anna's: his session is the class's latest, hers is not.
    await asyncio.gather(anna_plays(), plays(room, watch, bram, "Bram", 2, last_after=anna_played),
                         coach_signs_in(room, coach, COACH_PASSWORD))
    await coach.go(room.url + "/who")
    playing = await coach.text()
    assert tr("en", "class.who.heading") in playing
    assert "Anna" in playing and "Bram" in playing

    await asyncio.gather(comes_back(room, browser, anna, 1), comes_back(room, browser, bram, 2))
    assert sorted(watch.owners.values()) == ["Anna", "Bram"]
