"""The class's web server: textual-serve's, with a sign-in before the game and a game process per trainee.

Each browser tab's websocket starts `webcare play` as the signed-in trainee (or `webcare review` for the
coach). The game processes inherit the server's environment, so the database URL (and any model key) stays
on the server: a browser only ever holds a random session cookie. The sign-in, the coach's page and "who is
playing" are small HTML pages (Jinja2, escaped); the store is read in one thread of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shlex
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from trainer.classroom.roster import Identity, Refused, Roster, Throttle
from trainer.store import Store
from trainer.texts import tr

COOKIE = "webcare_session"
PAGES = Path(__file__).parent / "templates"
IDLE = 12 * 3600.0
"""Seconds a signed-in browser stays signed in without playing."""
T = TypeVar("T")


class GameProcess(AppService):
    """textual-serve's process for one tab, which also waits for the process to exit when stopped."""

    async def stop(self) -> None:
        await super().stop()
        if self._process is not None and self._process.returncode is None:
            try:
                await asyncio.wait_for(self._process.wait(), timeout=10)
            except TimeoutError:  # a game that won't quit is stopped
                with contextlib.suppress(ProcessLookupError):
                    self._process.kill()


@dataclass
class Seat:
    """A browser tab playing now: who, since when."""

    identity: Identity
    service: GameProcess
    since: float = field(default_factory=time.time)


@dataclass
class ClassSettings:
    play: list[str]
    """The game's command line for a trainee, before `--name`."""
    review: list[str]
    """The review's command line for the coach."""
    language: str = "en"
    title: str = "Webcare Trainer"


class ClassServer(Server):
    """textual-serve's server with sign-in, one process per tab as its signed-in person, and the coach's pages."""

    def __init__(self, settings: ClassSettings, store: Store, *, host: str, port: int,
                 public_url: str | None = None) -> None:
        super().__init__(shlex.join(settings.play), host=host, port=port, title=settings.title, public_url=public_url,
                         templates_path=PAGES / "game")
        self.settings = settings
        self.store = store
        self.roster = Roster(store)
        self.throttle = Throttle()
        self.signed_in: dict[str, tuple[Identity, float]] = {}
        self.seats: dict[str, Seat] = {}
        self._store_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(PAGES),
            autoescape=True, undefined=jinja2.StrictUndefined)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/signin", self.handle_signin_page, name="signin")
        app.router.add_post("/signin", self.handle_signin)
        app.router.add_get("/coach", self.handle_coach_page, name="coach")
        app.router.add_post("/coach", self.handle_coach)
        app.router.add_get("/signout", self.handle_signout_page)
        app.router.add_post("/signout", self.handle_signout)
        app.router.add_get("/who", self.handle_who, name="who")
        return app

    def initialize_logging(self) -> None:
        """One line per request and per error, never a traceback's local variables (a form holds a password)."""
        import logging

        logging.basicConfig(level="DEBUG" if self.debug else "INFO", format="%(asctime)s %(message)s",
                            datefmt="%H:%M:%S")

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"Webcare Trainer: a class on {self.public_url}  (Ctrl+C to stop)", highlight=False)

    async def on_shutdown(self, app: web.Application) -> None:
        """Every game still open ends with the server (its trainee's turns are already committed)."""
        await asyncio.gather(*(seat.service.stop() for seat in list(self.seats.values())), return_exceptions=True)
        self._store_thread.shutdown(wait=True)

    # ── who is signed in ──────────────────────────────────────────────────────────
    def identity(self, request: web.Request) -> Identity | None:
        token = request.cookies.get(COOKIE, "")
        found = self.signed_in.get(token)
        if found is None or time.monotonic() - found[1] > IDLE:
            self.signed_in.pop(token, None)
            return None
        self.signed_in[token] = (found[0], time.monotonic())
        return found[0]

    def _signed_in(self, identity: Identity) -> web.HTTPSeeOther:
        """On to the game (or the review), with a fresh random cookie that names no one."""
        token = secrets.token_urlsafe(32)
        self.signed_in[token] = (identity, time.monotonic())
        response = web.HTTPSeeOther("/")
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/",
                            secure=self.public_url.startswith("https:"))
        return response

    async def in_store(self, work: Callable[[], T]) -> T:
        """Run store work in the store's own thread (one connection, never on the event loop)."""
        return await asyncio.get_running_loop().run_in_executor(self._store_thread, work)

    # ── pages ─────────────────────────────────────────────────────────────────────
    def page(self, template: str, status: int = 200, **values: Any) -> web.Response:
        language = self.settings.language

        def say(key: str, **more: object) -> str:
            return tr(language, key, **more)

        values.setdefault("problem", None)
        html = self.pages.get_template(template).render(say=say, language=language, title=self.settings.title, **values)
        return web.Response(text=html, content_type="text/html", status=status,
                            headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                                     "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'"})

    async def handle_index(self, request: web.Request) -> Any:
        if self.identity(request) is None:
            raise web.HTTPSeeOther("/signin")
        return await super().handle_index(request)

    async def handle_signin_page(self, request: web.Request) -> web.Response:
        return self.page("signin.html", open=await self.in_store(lambda: self.roster.open), problem=None, name="")

    async def handle_signin(self, request: web.Request) -> web.Response:
        form = await request.post()
        name, secret = str(form.get("name", "")), str(form.get("secret", ""))
        try:
            identity = await self._checked(request, lambda: self.roster.trainee(name, secret))
        except Refused as refused:
            return self.page("signin.html", status=401, open=await self.in_store(lambda: self.roster.open),
                             problem=tr(self.settings.language, refused.key, **refused.values), name=name)
        raise self._signed_in(identity)

    async def handle_coach_page(self, request: web.Request) -> web.Response:
        return self.page("coach.html", coached=await self.in_store(lambda: self.roster.coached), problem=None)

    async def handle_coach(self, request: web.Request) -> web.Response:
        form = await request.post()
        secret = str(form.get("secret", ""))
        try:
            identity = await self._checked(request, lambda: self.roster.coach(secret))
        except Refused as refused:
            return self.page("coach.html", status=401, coached=await self.in_store(lambda: self.roster.coached),
                             problem=tr(self.settings.language, refused.key, **refused.values))
        raise self._signed_in(identity)

    async def _checked(self, request: web.Request, check: Callable[[], Identity]) -> Identity:
        """A sign-in attempt, slowed down after repeated failures from the same address."""
        address = request.remote or "?"
        wait = self.throttle.wait(address)
        if wait > 0:
            raise Refused("class.refused.wait", n=int(wait) + 1)
        self._same_origin(request)
        try:
            identity = await self.in_store(check)
        except Refused:
            self.throttle.failed(address)
            raise
        self.throttle.passed(address)
        return identity

    def _same_origin(self, request: web.Request) -> None:
        """A form posted from another site's page is refused (the cookie is SameSite too)."""
        origin = request.headers.get("Origin")
        if origin and origin not in ("null", f"{request.scheme}://{request.host}", self.public_url.rstrip("/")):
            raise Refused("class.refused.origin")

    async def handle_signout_page(self, request: web.Request) -> web.Response:
        identity = self.identity(request)
        return self.page("signout.html", who=identity.name if identity else None)

    async def handle_signout(self, request: web.Request) -> web.Response:
        self.signed_in.pop(request.cookies.get(COOKIE, ""), None)
        response = web.HTTPSeeOther("/signin")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def handle_who(self, request: web.Request) -> web.Response:
        identity = self.identity(request)
        if identity is None or identity.role != "coach":
            raise web.HTTPSeeOther("/coach")
        seats = sorted(self.seats.values(), key=lambda s: (s.identity.role, s.identity.name.casefold()))
        names = [s.identity.name for s in seats if s.identity.role == "trainee"]

        def latest() -> dict[str, Any]:
            found = {}
            for name in names:
                rows = self.store.sessions(trainee=name, order="updated_at", descending=True, limit=1)
                if rows:
                    found[name] = rows[0]
            return found

        return self.page("who.html", seats=seats, latest=await self.in_store(latest), now=time.time())

    # ── the game, one process per tab ─────────────────────────────────────────────
    def command_for(self, identity: Identity) -> str:
        if identity.role == "coach":
            return shlex.join(self.settings.review)
        return shlex.join([*self.settings.play, "--name", identity.name])

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        if self.identity(request) is None:
            raise web.HTTPForbidden()
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's, but only for a signed-in browser, and the process runs as its person."""
        identity = self.identity(request)
        if identity is None:
            raise web.HTTPForbidden(text="Sign in first.")
        try:
            self._same_origin(request)  # another site's page can't open a game with this browser's cookie
        except Refused:
            raise web.HTTPForbidden(text="Open the game from its own page.") from None
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: GameProcess | None = None
        try:
            await websocket.prepare(request)
            service = GameProcess(self.command_for(identity), write_bytes=websocket.send_bytes,
                                 write_str=websocket.send_str,
                                  close=websocket.close,  # type: ignore[arg-type] # as textual-serve passes it
                                 download_manager=self.download_manager, debug=self.debug)
            self.seats[service.app_service_id] = Seat(identity, service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if service is not None:
                try:
                    await service.stop()
                finally:
                    self.seats.pop(service.app_service_id, None)
        return websocket


