"""A trainee in a real browser: headless Chromium opens the class's page, signs in and plays a turn."""

from __future__ import annotations

from bench.soaks.classroom import CLASS_CODE, SCENARIO, messages, signed
from trainer.scenario.library import find_scenario
from trainer.texts import tr

DANIELA = find_scenario(SCENARIO).customer.first_name


async def sign_in(room, page, name: str) -> None:
    """Through the page's form, as a trainee does: name, class code, Enter."""
    await page.go(room.url + "/")
    if not room.sign_in:
        return
    assert await page.path() == "/signin"
    await page.fill("input[name=name]", name)
    await page.fill("input[name=secret]", CLASS_CODE)
    await page.submit()
    assert await page.path() == "/"


async def test_a_trainee_signs_in_in_chromium_and_plays_a_turn(classroom, watch_store, browser):
    room = classroom(SCENARIO)
    await room.ready()
    watch = watch_store(room)
    page = await browser.page()

    await sign_in(room, page, "Anna")
    await page.screen.shows(tr("en", "briefing.key.start"))  # the case's briefing, drawn in the page's terminal
    await page.focus_terminal()
    await page.key("s", ctrl=True)
    await page.screen.shows(tr("en", "chat.timer").split("{time}")[0].format(name=DANIELA))
    await watch.until(lambda: next((r for r in watch.rows.values() if r.kind == "customer_message"), None),
                      "her opening")
    text = signed(messages()[0], "Anna")
    page.screen.forget()
    await page.type(text)
    await page.screen.shows(text[-12:])
    await page.key("Enter")

    turn = await watch.until(lambda: watch.message(text), "Anna's message")
    assert turn.trainee == room.trainee("Anna") and turn.turn == 1
    assert watch.owners == {turn.session: room.trainee("Anna")}
