"""`webcare serve`: the game in a browser tab, served by textual-serve on 127.0.0.1."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp", reason="`webcare serve` needs the serve extra: pip install '.[serve]'")
pytest.importorskip("textual_serve", reason="`webcare serve` needs the serve extra: pip install '.[serve]'")

from bench.soaks.classroom import free_port, stop_group  # noqa: E402
from trainer.cli import _parser  # noqa: E402
from trainer.commands.serve import play_command  # noqa: E402
from trainer.scenario.library import find_scenario  # noqa: E402
from trainer.texts import tr  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
STARTUP = 30.0
"""Seconds the server may take to answer: bounded, so a broken server fails the test."""


class Served:
    """A `python -m trainer serve` subprocess and where it listens."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = tmp_path / "serve.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "trainer", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--db", str(tmp_path / "class.db"), *args],
                cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: the game processes it starts end with it
            )

    def page(self) -> str:
        """Poll until the page answers (waiting on the process, so a crash shows at once)."""
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    return response.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"no answer from {self.url} in {STARTUP:.0f}s:\n{self.log.read_text()}")
            try:
                code = self.proc.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
            pytest.fail(f"`webcare serve` exited with {code}:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            stop_group(self.proc)


@pytest.fixture
def serve(tmp_path):
    started: list[Served] = []

    def start(*args: str) -> Served:
        started.append(Served(tmp_path, *args))
        return started[-1]

    yield start
    for served in started:
        served.stop()


async def first_screen(port: int, expected: str, name: str = "Anna") -> str:
    """Sign in as `name`, open a tab's websocket as the page's script does; return what the game drew until
    `expected`."""
    drawn = b""
    try:
        async with asyncio.timeout(STARTUP), aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            signed = await http.post(f"http://127.0.0.1:{port}/signin", data={"name": name, "secret": ""},
                                     allow_redirects=False)
            assert signed.status == 303, await signed.text()
            async with http.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
                while expected.encode() not in drawn:
                    message = await ws.receive()
                    if message.type != aiohttp.WSMsgType.BINARY:
                        break
                    drawn += message.data
    except TimeoutError:
        pass  # the caller's assertion shows what was drawn
    return drawn.decode("utf-8", "replace")


def test_serve_asks_who_you_are_first(serve):
    served = serve()
    html = served.page()
    assert tr("en", "class.signin.heading") in html
    assert 'name="name"' in html and 'type="password"' in html


def test_serve_answers_a_signed_in_browser_with_the_textual_serve_page(serve):
    served = serve()
    served.page()
    html = asyncio.run(signed_in_page(served.port))
    assert "<!DOCTYPE html>" in html
    assert "textual.js" in html  # textual-serve's terminal in the page
    assert f"ws://127.0.0.1:{served.port}/ws" in html
    assert "Webcare Trainer" in html


def test_a_browser_tab_gets_the_game_in_the_language_asked_for(serve):
    served = serve("--lang", "nl")
    served.page()
    title = tr("nl", "picker.title")
    drawn = asyncio.run(first_screen(served.port, title))
    assert title in drawn, drawn[-2000:]


def test_a_browser_tab_can_open_a_scenario_at_once(serve):
    served = serve("legroom-en")
    served.page()
    title = find_scenario("legroom-en").title
    drawn = asyncio.run(first_screen(served.port, title))
    assert title in drawn, drawn[-2000:]


async def signed_in_page(port: int) -> str:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        await http.post(f"http://127.0.0.1:{port}/signin", data={"name": "Anna"})
        async with http.get(f"http://127.0.0.1:{port}/") as response:
            return await response.text()


def test_the_served_command_is_this_python_playing_the_tui():
    args = _parser().parse_args(["serve", "--lang", "nl", "--test", "--seed", "3", "legroom-nl"])
    command = " ".join(play_command(args))
    assert command.startswith(f"{sys.executable} -m trainer play --tui")
    assert "--lang nl" in command and "--test" in command and "--seed 3" in command
    assert command.endswith("legroom-nl")


def test_serve_passes_the_judge_the_customer_and_saving_through():
    args = _parser().parse_args(["serve", "--judge", "--customer", "scripted", "--require-saving",
                                 "--model", "m1", "--llm-intents"])
    command = play_command(args)
    for option in ("--judge", "--require-saving", "--llm-intents"):
        assert option in command
    assert command[command.index("--customer") + 1] == "scripted"
    assert command[command.index("--model") + 1] == "m1"


def test_a_wrong_scenario_is_told_before_serving(capsys):
    from trainer.cli import main

    assert main(["serve", "--port", str(free_port()), "no-such-scenario"]) == 1
    assert "no-such-scenario" in capsys.readouterr().err


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium on this machine")
def test_a_headless_browser_shows_the_page(serve, tmp_path):
    served = serve()
    served.page()
    shot = tmp_path / "page.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1200,800",
         "--virtual-time-budget=5000", served.url],
        check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    assert shot.exists() and shot.stat().st_size > 0
