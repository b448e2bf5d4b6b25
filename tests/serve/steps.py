"""A person's steps in the class's page, in Chromium: sign in, start the case, send a message."""

from __future__ import annotations

from bench.soaks.classroom import CLASS_CODE, Classroom, Watch, signature
from tests.serve.cdp import Page
from trainer.texts import tr

WAITED = tr("en", "chat.timer").split("{time}")[0].split("{name}")[1]
"""" has waited ": the conversation's timer, drawn once the chat is open."""


async def sign_in(room: Classroom, page: Page, name: str) -> None:
    """Through the page's form, as a trainee does: the class's address, her name, the class code, Enter."""
    await page.go(room.url + "/")
    assert await page.path() == "/signin"
    await page.fill("input[name=name]", name)
    await page.fill("input[name=secret]", CLASS_CODE)
    await page.submit()
    assert await page.path() == "/"


async def coach_signs_in(room: Classroom, page: Page, password: str) -> None:
    await page.go(room.url + "/coach")
    await page.fill("input[name=secret]", password)
    await page.submit()
    assert await page.path() == "/"


async def start_case(room: Classroom, watch: Watch, page: Page, name: str) -> str:
    """From the briefing (on screen) into the chat, once her opening is committed; the new session's id."""
    known = set(watch.owners)
    await page.screen.shows(tr("en", "briefing.key.start"))
    await page.focus_terminal()
    await page.key("s", ctrl=True)
    await page.screen.shows(WAITED)

    def opened() -> str | None:
        return next((r.session for r in watch.rows.values() if r.kind == "customer_message"
                     and r.session not in known and watch.owners.get(r.session) == name), None)

    return await watch.until(opened, f"{name}'s new session with her opening")


async def send(watch: Watch, page: Page, text: str, *, answered: bool = True):
    """Typed into the terminal, sent with Enter once the composer shows it; the committed turn (and, with
    `answered`, once her answer is committed too)."""
    page.screen.forget()
    await page.type(text)
    await page.screen.shows(signature(text))
    await page.key("Enter")
    turn = await watch.until(lambda: watch.message(text), f"the message {text[:40]!r}")
    if answered:
        await watch.until(lambda: watch.reply(turn.session, turn.turn), f"her answer to {text[:40]!r}")
    return turn
