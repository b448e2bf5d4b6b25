"""Headless Chromium driven over the DevTools protocol: a page is opened, typed into and read as a person would.

Debian's `chromium` package is the browser (no driver to download): it is started with
`--remote-debugging-port=0` and spoken to over its websocket (aiohttp, which textual-serve brings).
Each `Browser.page()` is a tab in a browser context of its own (its own cookies: another person).
What the page's terminal is sent is read off the page's websocket frames (`Network.webSocketFrameReceived`):
the terminal draws on a canvas, so its text is not in the page's DOM.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import aiohttp

from bench.soaks.classroom import Screen

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--window-size=1280,900", "--remote-debugging-port=0")
STARTUP = 60.0


def chromium() -> Path | None:
    """The browser, when installed (Debian's package; `.ci/run` installs it)."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


class Browser:
    """One headless Chromium process; `page()` opens a tab in a fresh browser context."""

    def __init__(self, program: Path, profile: Path) -> None:
        self.proc = subprocess.Popen([str(program), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.http: aiohttp.ClientSession | None = None
        self.ws: Any = None
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._pages: dict[str, Page] = {}
        self._reader: asyncio.Future[None] | None = None

    async def connect(self) -> None:
        url = await asyncio.wait_for(asyncio.to_thread(self._devtools_url), STARTUP)
        self.http = aiohttp.ClientSession()
        self.ws = await self.http.ws_connect(url, max_msg_size=0)
        self._reader = asyncio.ensure_future(self._read())

    def _devtools_url(self) -> str:
        assert self.proc.stderr is not None
        said = []
        for line in iter(self.proc.stderr.readline, b""):
            said.append(line.decode("utf-8", "replace"))
            found = re.search(r"DevTools listening on (ws://\S+)", said[-1])
            if found:
                return found.group(1)
        raise RuntimeError("chromium exited before listening:\n" + "".join(said[-20:]))

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            data = message.json()
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
            elif data.get("sessionId") in self._pages:
                self._pages[data["sessionId"]].event(data["method"], data.get("params", {}))

    async def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        """One DevTools command; its result, or RuntimeError with the browser's error."""
        n = next(self._ids)
        self._waiting[n] = asyncio.get_running_loop().create_future()
        await self.ws.send_json({"id": n, "method": method, "params": params or {},
                                 **({"sessionId": session} if session else {})})
        answer = await asyncio.wait_for(self._waiting[n], STARTUP)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def page(self, context: str | None = None) -> Page:
        """A new tab in a browser context of its own (no cookie shared with another page), or in `context`: the
        same person's browser again."""
        if context is None:
            context = (await self.send("Target.createBrowserContext"))["browserContextId"]
        target = (await self.send("Target.createTarget", {"url": "about:blank", "browserContextId": context}))
        session = (await self.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}))
        page = Page(self, session["sessionId"], context, target["targetId"])
        self._pages[page.session] = page
        for domain in ("Page", "Network", "Runtime"):
            await page.send(f"{domain}.enable")
        return page

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self.ws is not None:
            await self.ws.close()
        if self.http is not None:
            await self.http.close()
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


class Page:
    """A tab: navigate, fill and submit a form, type into the terminal, read what its terminal was sent."""

    def __init__(self, browser: Browser, session: str, context: str, target: str) -> None:
        self.browser, self.session, self.context, self.target = browser, session, context, target
        self.screen = Screen()
        self.loaded = asyncio.Event()

    def event(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.webSocketFrameReceived" and params["response"]["opcode"] == 2:  # binary: the terminal
            self.screen.feed(base64.b64decode(params["response"]["payloadData"]))
        elif method == "Network.webSocketClosed":
            self.screen.closed = True
        elif method == "Page.loadEventFired":
            self.loaded.set()

    async def send(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return await self.browser.send(method, params, self.session)

    async def go(self, url: str) -> None:
        self.loaded.clear()
        await self.send("Page.navigate", {"url": url})
        await asyncio.wait_for(self.loaded.wait(), STARTUP)

    async def js(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited when a promise)."""
        answer = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                      "awaitPromise": True})
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    async def path(self) -> str:
        return str(await self.js("location.pathname"))

    async def fill(self, selector: str, text: str) -> None:
        """Focus a field and type into it (as text is typed: input events, not a value set by script)."""
        await self.js(f"document.querySelector({selector!r}).focus()")
        await self.send("Input.insertText", {"text": text})

    async def submit(self) -> None:
        """Enter in the focused field: the form is submitted, the next page loaded."""
        self.loaded.clear()
        await self.key("Enter")
        await asyncio.wait_for(self.loaded.wait(), STARTUP)

    async def key(self, key: str, *, ctrl: bool = False) -> None:
        """One key pressed and released, as the keyboard sends it: Enter, Escape, or a letter (with Ctrl)."""
        codes = {"Enter": ("Enter", 13, "\r"), "Escape": ("Escape", 27, "")}
        code, number, text = codes.get(key) or (f"Key{key.upper()}", ord(key.upper()), key)
        down = {"type": "keyDown" if text and not ctrl else "rawKeyDown", "key": key, "code": code,
                "windowsVirtualKeyCode": number, "nativeVirtualKeyCode": number, "modifiers": 2 if ctrl else 0}
        if text and not ctrl:
            down["text"] = down["unmodifiedText"] = text
        await self.send("Input.dispatchKeyEvent", down)
        await self.send("Input.dispatchKeyEvent", {**down, "type": "keyUp", "text": "", "unmodifiedText": ""})

    async def focus_terminal(self) -> None:
        """The terminal takes the keys (xterm's hidden text field), as after a click into it."""
        await self.js("document.querySelector('.xterm-helper-textarea').focus()")

    async def type(self, text: str) -> None:
        """Text typed into the focused element (the terminal: sent to the game as keys)."""
        await self.send("Input.insertText", {"text": text})

    async def text(self) -> str:
        """The page's words, as shown (an HTML page's; the terminal's are in `screen`)."""
        return str(await self.js("document.body.innerText"))

    async def close(self) -> None:
        """The tab closed, as a person closes it."""
        await self.browser.send("Target.closeTarget", {"targetId": self.target})
