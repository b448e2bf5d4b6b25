"""A class in the browser: trainees sign in by name (and code), play as themselves; the coach sees who plays.

The server runs in the test's event loop on 127.0.0.1; each tab's game is the real `webcare play` process,
on a throw-away database the server holds.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from trainer.classroom.secrets import hash_secret
from trainer.classroom.server import ClassServer, ClassSettings
from trainer.cli import _parser
from trainer.commands.serve import play_command, review_command
from trainer.engine.moves import parse_move
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.store import open_store
from trainer.texts import tr

LEGROOM = find_scenario("legroom-en")
DRAWN = 30.0
"""Seconds a tab's game may take to draw what is awaited: bounded, so a broken game fails the test."""


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = str(tmp_path / "class.db")
    monkeypatch.setenv("WEBCARE_DATABASE_URL", url)  # as `serve` does: the game processes inherit it
    return url


@contextlib.asynccontextmanager
async def class_server(db: str, *serve_args: str) -> AsyncIterator[tuple[ClassServer, str]]:
    args = _parser().parse_args(["serve", *serve_args])
    store = open_store(db)
    server = ClassServer(ClassSettings(play=play_command(args), review=review_command(args)), store,
                         host="127.0.0.1", port=0)
    web = TestServer(await server._make_app(), host="127.0.0.1")
    await web.start_server()
    try:
        yield server, str(web.make_url("")).rstrip("/")
        async with asyncio.timeout(DRAWN):
            while server.seats:  # noqa: ASYNC110 - every tab's game has ended before the loop does
                await asyncio.sleep(0.05)
    finally:
        await web.close()
        store.close()


def browser() -> aiohttp.ClientSession:
    """A browser's cookies: kept for 127.0.0.1 too, as a browser keeps them."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def sign_in(http: aiohttp.ClientSession, url: str, name: str, secret: str = "") -> aiohttp.ClientResponse:
    return await http.post(f"{url}/signin", data={"name": name, "secret": secret}, allow_redirects=False)


class Tab:
    """A browser tab's game: what it drew so far, read until some texts are on screen."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.drawn = ws, b""

    async def until(self, *expected: str) -> str:
        """What the game drew once every `expected` text is on screen (or after DRAWN seconds)."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(DRAWN):
                while not all(e.encode() in self.drawn for e in expected):
                    message = await self.ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
                    self.drawn += message.data
        return self.drawn.decode("utf-8", "replace")


@contextlib.asynccontextmanager
async def tab(http: aiohttp.ClientSession, url: str) -> AsyncIterator[Tab]:
    async with http.ws_connect(f"{url.replace('http', 'ws')}/ws?width=110&height=32") as ws:
        yield Tab(ws)


def test_a_browser_that_has_not_signed_in_gets_the_sign_in_page_and_no_game(db):
    async def story():
        async with class_server(db) as (_, url), browser() as http:
            first = await http.get(f"{url}/", allow_redirects=False)
            assert first.status == 303 and first.headers["Location"] == "/signin"
            page = await (await http.get(f"{url}/signin")).text()
            assert tr("en", "class.signin.heading") in page
            assert (await http.get(f"{url}/ws")).status == 403
            assert (await http.get(f"{url}/download/any-key")).status == 403
            who = await http.get(f"{url}/who", allow_redirects=False)
            assert who.status == 303 and who.headers["Location"] == "/coach"

    asyncio.run(story())


def test_a_wrong_class_code_is_refused_on_the_page_and_a_right_one_lets_the_trainee_in(db):
    with contextlib.closing(open_store(db)) as store:
        store.set_secret("class", hash_secret("tulip-42"))

    async def story():
        async with class_server(db) as (_, url), browser() as http:
            refused = await sign_in(http, url, "Anna", "tulip")
            assert refused.status == 401
            assert tr("en", "class.refused.code") in await refused.text()
            assert (await http.get(f"{url}/", allow_redirects=False)).status == 303
            assert (await sign_in(http, url, "Anna", "tulip-42")).status == 303
            page = await (await http.get(f"{url}/")).text()
            assert "textual.js" in page and db not in page

    asyncio.run(story())


def test_an_address_that_keeps_guessing_is_made_to_wait(db):
    with contextlib.closing(open_store(db)) as store:
        store.set_secret("class", hash_secret("tulip-42"))

    async def story():
        async with class_server(db) as (_, url), browser() as http:
            for guess in range(5):
                assert (await sign_in(http, url, "Anna", f"guess-{guess}")).status == 401
            slowed = await sign_in(http, url, "Anna", "tulip-42")  # even the right code, for now
            assert slowed.status == 401
            assert "Too many tries" in await slowed.text()

    asyncio.run(story())


def test_a_form_posted_from_another_site_is_refused(db):
    async def story():
        async with class_server(db) as (_, url), browser() as http:
            forged = await http.post(f"{url}/signin", data={"name": "Anna"}, allow_redirects=False,
                                     headers={"Origin": "https://evil.example"})
            assert forged.status == 401

    asyncio.run(story())


def _stopped_session(db: str, trainee: str) -> None:
    with contextlib.closing(open_store(db)) as store:
        game = Round(LEGROOM)
        game.opening()
        game.keep(store, trainee=trainee)
        game.play(parse_move("Hello, I'm sorry to hear that. What happened?"))


def test_each_trainee_is_offered_only_their_own_stopped_session_and_the_coach_sees_who_plays(db):
    _stopped_session(db, "Anna")
    with contextlib.closing(open_store(db)) as store:
        store.set_secret("coach", hash_secret("whistle"))
    stopped = "You stopped"
    scenario_listed = find_scenario("legroom-en").title

    async def story():
        async with (class_server(db) as (_, url), browser() as anna, browser() as bob, browser() as coach):
            assert (await sign_in(anna, url, "anna")).status == 303  # her spelling in the store: Anna
            assert (await sign_in(bob, url, "Bob")).status == 303
            async with tab(anna, url) as annas, tab(bob, url) as bobs:
                seen = await bobs.until(scenario_listed)
                assert scenario_listed in seen, seen[-1500:]
                assert stopped not in seen  # Anna's stopped session is not Bob's to resume
                assert stopped in await annas.until(scenario_listed, stopped)
                assert (await coach.post(f"{url}/coach", data={"secret": "nope"})).status == 401
                signed = await coach.post(f"{url}/coach", data={"secret": "whistle"}, allow_redirects=False)
                assert signed.status == 303
                who = await (await coach.get(f"{url}/who")).text()
                assert "Anna" in who and "Bob" in who and LEGROOM.title in who

    asyncio.run(story())
