"""A class in the browser: who gets in, and what a browser that is not signed in (or another site) gets.

The server runs in the test's event loop on 127.0.0.1, on a throw-away database it holds. The story of two
trainees and their coach, in Chromium, is tests/serve/test_classroom_story.py.
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
            assert "googleapis" not in page  # a class may be offline: the page asks no one but this server

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


def test_a_form_posted_or_a_game_opened_from_another_site_is_refused(db):
    async def story():
        async with class_server(db) as (_, url), browser() as http:
            forged = await http.post(f"{url}/signin", data={"name": "Anna"}, allow_redirects=False,
                                     headers={"Origin": "https://evil.example"})
            assert forged.status == 401
            assert (await sign_in(http, url, "Anna")).status == 303
            hijacked = await http.get(f"{url}/ws", headers={"Origin": "https://evil.example"})
            assert hijacked.status == 403  # another site's page can't open a game with Anna's cookie

    asyncio.run(story())


def test_a_port_already_taken_is_told_in_one_line(tmp_path, capsys):
    import socket

    from trainer.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--db", str(tmp_path / "class.db")]) == 1
    said = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in said and "--port" in said and "Traceback" not in said
