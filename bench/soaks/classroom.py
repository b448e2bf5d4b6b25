"""A class in the browser: trainees playing at once through one `webcare serve` and one database.

One `webcare serve legroom-en` on 127.0.0.1 (a real PostgreSQL from tests/pg_server.py when its
server is installed, else SQLite), and one websocket client per trainee, as the page's script is:
each signs in as a trainee of their own, opens a tab (`/ws`), starts the case from its briefing
(Ctrl+S), sends the exemplary playthrough's messages one at a time (the text, then Enter as a frame
of its own), ends with `/end` and Enter. The store is polled meanwhile (every POLL seconds, one
thread); what counts:

- no lost turn: every message sent is a committed trainee turn, with the text sent, in the session
  of the trainee who sent it, and every session is finished (its scorecard saved);
- every session attributed to the right trainee (the one the tab signed in as), one each;
- no crash: the server answers to the end, and no traceback on any screen or in its log.

Turn latency: from the moment the Enter frame is sent to the moment a poll first sees (1) the
trainee's message committed, (2) the customer's reply to it committed. The scripted customer
answers; with `--typing-speed 0` (when serve has it) at once, otherwise after the time a person
would take to type her line, which is then part of (2).

The same harness serves the browser tests in tests/serve/ (`Classroom`, `Watch`).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.soaks.result import Result, Size, pick

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
SCENARIO = "legroom-en"
POLL = 0.02
"""Seconds between two looks at the store: the latencies' resolution."""
STARTUP = 60.0
"""Seconds the server may take to answer, and a tab to show its briefing."""
BRIEFING = 180.0
"""Seconds a tab may take to draw the case's briefing: twenty games start at once (on two busy cores, up to a
minute each); how long they took is a figure of its own."""
STEP = 60.0
"""Seconds one step (a turn committed, her reply, the end) may take before the client gives up."""
CLASS_CODE = "seats-14A-14C"
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_group(proc: subprocess.Popen[bytes]) -> None:
    """End a `serve` started in a process group of its own, with the game processes it started: TERM, then KILL."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def messages() -> list[str]:
    """The exemplary playthrough's messages to the customer (its look-ups and actions left out)."""
    from trainer.scenario.library import find_scenario

    playthrough = next(p for p in find_scenario(SCENARIO).playthroughs if p.name == "exemplary")
    return [move for move in playthrough.trainee if not move.startswith("/")]


# -- the server ---------------------------------------------------------------------------------------


class Classroom:
    """A `python -m trainer serve` subprocess on 127.0.0.1, its database, and how a trainee signs in."""

    def __init__(self, folder: Path, db: str, *serve_args: str) -> None:
        self.folder, self.db = folder, db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "serve.log"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
        self.env[("WEBCARE_DATABASE_URL" if db.startswith("postgres") else "WEBCARE_DB")] = db
        self.args = ["--host", "127.0.0.1", "--port", str(self.port), "--typing-speed", "0", "--db", db, *serve_args]
        self.proc: subprocess.Popen[bytes] | None = None

    def set_secret(self, kind: str, secret: str, name: str = "") -> None:
        """`webcare class code|coach-password|password NAME`, the secret on standard input."""
        done = subprocess.run([sys.executable, "-m", "trainer", "class", kind, *([name] if name else [])],
                              input=secret + "\n", capture_output=True, text=True, cwd=ROOT, env=self.env,
                              timeout=60)
        if done.returncode:
            raise RuntimeError(f"webcare class {kind} failed: {done.stderr or done.stdout}")

    def start(self) -> None:
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "trainer", "serve", *self.args], cwd=ROOT, env=self.env,
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)  # its own group: the game processes it starts end with it

    async def ready(self) -> None:
        """Until the server listens; RuntimeError (with its log) when it exits or takes too long."""
        deadline = time.monotonic() + STARTUP
        while True:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"`webcare serve` exited with {self.proc.returncode}:\n{self.said()}")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no answer on port {self.port} in {STARTUP:.0f} s:\n{self.said()}") from None
                await asyncio.sleep(0.1)
                continue
            writer.close()
            return

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def said(self) -> str:
        return self.log.read_text("utf-8", "replace") if self.log.exists() else ""

    def stop(self) -> None:
        if self.alive():
            assert self.proc is not None
            stop_group(self.proc)

    async def signed_in(self, http: Any, name: str, secret: str = CLASS_CODE) -> None:
        """Sign `http` (an aiohttp session with a cookie jar) in as `name`, as the page's form does."""
        async with http.post(f"{self.url}/signin", data={"name": name, "secret": secret},
                             allow_redirects=False) as response:
            if response.status != 303:
                raise RuntimeError(f"signing in as {name}: HTTP {response.status}")


@contextmanager
def database(folder: Path, postgres: bool = True) -> Iterator[tuple[str, str]]:
    """A fresh store: a database on a real PostgreSQL server when installed (and asked for), else a SQLite file.
    Yields its URL (or path) and what it is, for the figures."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from pg_server import server_programs, start_server

    from trainer.store import open_store

    if not postgres or server_programs() is None:
        path = str(folder / "sessions.db")
        open_store(path).close()
        yield path, "SQLite"
        return
    pg_folder = Path(tempfile.mkdtemp(prefix="webcare-class-pg-"))
    os.chmod(pg_folder, 0o755)
    server = start_server(pg_folder)
    try:
        url = server.database("webcare_class")
        open_store(url).close()
        yield url, "PostgreSQL"
    finally:
        server.stop()
        shutil.rmtree(pg_folder, ignore_errors=True)


# -- the store, watched -------------------------------------------------------------------------------


@dataclass
class Row:
    session: str
    trainee: str
    turn: int
    kind: str
    text: str
    seen: float
    """When a poll first saw it committed (time.monotonic)."""


class Watch:
    """Polls the store every POLL seconds in a thread of its own; `until` waits for something to be committed."""

    KINDS = ("trainee_message", "customer_message", "session_ended")

    def __init__(self, db: str) -> None:
        from trainer.store.backends import connect
        from trainer.store.location import locate

        self.pool = ThreadPoolExecutor(max_workers=1)  # one thread: a SQLite connection stays in its own
        self.backend = self.pool.submit(connect, locate(db), read_only=True).result()
        self.rows: dict[tuple[str, int], Row] = {}
        self.finished: dict[str, float] = {}
        """Sessions closed with their scorecard, and when that was seen."""
        self.owners: dict[str, str] = {}
        self.changed = asyncio.Condition()
        self.polls = 0

    def _read(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        marks = ", ".join("?" * len(self.KINDS))
        events = self.backend.execute(
            "SELECT s.id, s.trainee, e.seq, e.turn, e.kind, e.data FROM events e JOIN sessions s "
            f"ON s.id = e.session_id WHERE e.kind IN ({marks})", self.KINDS)
        sessions = self.backend.execute("SELECT id, trainee, ended_at FROM sessions")
        return events, sessions

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            events, sessions = await loop.run_in_executor(self.pool, self._read)
            now = time.monotonic()
            for sid, trainee, seq, turn, kind, data in events:
                if (sid, seq) not in self.rows:
                    text = json.loads(data).get("text", "")
                    self.rows[(sid, seq)] = Row(sid, trainee, turn, kind, text, now)
            for sid, trainee, ended_at in sessions:
                self.owners[sid] = trainee
                if ended_at and sid not in self.finished:
                    self.finished[sid] = now
            self.polls += 1
            async with self.changed:
                self.changed.notify_all()
            await asyncio.sleep(POLL)

    async def until(self, find: Callable[[], T | None], what: str, within: float = STEP) -> T:
        """The first non-None `find()` after a poll; TimeoutError naming `what` after `within` seconds."""
        try:
            async with asyncio.timeout(within), self.changed:
                while (found := find()) is None:
                    await self.changed.wait()
                return found
        except TimeoutError:
            raise TimeoutError(f"not in the store after {within:.0f} s: {what}") from None

    def message(self, text: str) -> Row | None:
        return next((r for r in self.rows.values() if r.kind == "trainee_message" and r.text == text), None)

    def reply(self, session: str, turn: int) -> Row | None:
        """Her answer to turn `turn`, or the session's end (she may leave instead)."""
        return next((r for r in self.rows.values() if r.session == session and r.turn >= turn
                     and r.kind in ("customer_message", "session_ended")), None)

    def ended(self, session: str) -> Row | None:
        return next((r for r in self.rows.values() if r.session == session and r.kind == "session_ended"), None)

    def close(self) -> None:
        self.pool.submit(self.backend.close).result()
        self.pool.shutdown()


# -- a browser tab, as the page's script drives it ----------------------------------------------------

KEPT = 200_000
"""Characters of a tab's screen kept (its latest)."""
_CONTROLS = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>]")


class Screen:
    """What a tab's terminal was sent, as text: control sequences removed, the latest KEPT characters."""

    def __init__(self) -> None:
        import codecs

        self.text = ""
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode
        self._raw = ""
        self.closed = False

    def feed(self, data: bytes) -> None:
        self._raw += self._decode(data)
        cut = self._raw.rfind("\x1b")  # an escape sequence may go on in the next frame
        keep = cut if cut >= 0 and len(self._raw) - cut < 32 else len(self._raw)
        self.text = (self.text + _CONTROLS.sub("", self._raw[:keep]))[-KEPT:]
        self._raw = self._raw[keep:]

    async def shows(self, words: str, within: float = STARTUP) -> None:
        """Until `words` are drawn (since `forget`)."""
        try:
            async with asyncio.timeout(within):
                while words not in self.text:
                    if self.closed:
                        raise ConnectionError(f"the tab closed before showing {words!r}")
                    await asyncio.sleep(0.02)
        except TimeoutError:
            raise TimeoutError(f"{words!r} not shown in {within:.0f} s; last drawn: {self.text[-600:]!r}") from None

    def forget(self) -> None:
        self.text = ""


class Tab(Screen):
    """One `/ws` websocket, as the page's script opens it: what the game draws is kept, keys are sent as typed."""

    def __init__(self, ws: Any) -> None:
        super().__init__()
        self.ws = ws
        self.connected = time.monotonic()
        self.opened: float | None = None
        """When the case's briefing was drawn."""
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self) -> None:
        import aiohttp

        try:
            async for message in self.ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.feed(message.data)
        finally:
            self.closed = True

    async def type(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])


# -- a trainee playing the case -----------------------------------------------------------------------

NAMES = ("Anna", "Bram", "Chloé", "Daan", "Eva", "Finn", "Gül", "Hugo", "Iris", "Jesse", "Kim", "Lars", "Mila",
         "Noah", "Olivia", "Pim", "Quinn", "Roos", "Sem", "Tess", "Umut", "Vera", "Wout", "Xena")
CTRL_S = "\x13"


@dataclass
class Turn:
    text: str
    sent: float
    """When the Enter frame was sent (time.monotonic)."""
    committed: float | None = None
    answered: float | None = None
    session: str | None = None


@dataclass
class Played:
    name: str
    turns: list[Turn] = field(default_factory=list)
    session: str | None = None
    finished: bool = False
    problem: str = ""
    drawn: str = ""
    seconds: float = 0.0
    opening: float | None = None
    """Seconds from the tab's websocket opened to the briefing drawn."""


def signed(text: str, name: str) -> str:
    """The message as this trainee sends it: signed, as agents sign their tweets, so every text is one trainee's."""
    return f"{text} ^{name}"


def signature(text: str) -> str:
    """The end of a signed message as the composer draws it: its last word (the signature), on whichever line
    the composer wraps it to."""
    return text.rsplit(maxsplit=1)[-1]


def client() -> Any:
    """A browser's HTTP side: it keeps the cookies of 127.0.0.1 (aiohttp's jar refuses an address's by default)."""
    import aiohttp

    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def open_tab(room: Classroom, http: Any, name: str) -> Tab:
    ws = await http.ws_connect(f"ws://127.0.0.1:{room.port}/ws?width=120&height=40")
    return Tab(ws)


async def start_case(room: Classroom, watch: Watch, tab: Tab, name: str) -> str | None:
    """From the briefing into the conversation, once her opening is committed; the new session when it can be told
    whose it is (signed in), else None."""
    from trainer.scenario.library import find_scenario
    from trainer.texts import tr

    customer = find_scenario(SCENARIO).customer.first_name
    known = set(watch.owners)
    await tab.shows(tr("en", "briefing.key.start"), within=BRIEFING)
    tab.opened = time.monotonic()
    tab.forget()
    await tab.type(CTRL_S)
    await tab.shows(tr("en", "chat.timer").split("{time}")[0].format(name=customer))
    trainee = name

    def opened() -> str | None:
        return next((r.session for r in watch.rows.values() if r.kind == "customer_message"
                     and r.session not in known and watch.owners.get(r.session) == trainee), None)

    return await watch.until(opened, f"{name}'s new session with her opening")


async def send(watch: Watch, tab: Tab, text: str, played: Played) -> Row:
    """One message typed and, once the composer shows its end, sent with Enter; returns her answer (or the
    session's end) once committed."""
    tab.forget()
    await tab.type(text)
    await tab.shows(signature(text), within=STEP)  # the keys are typed in: the Enter alone is timed
    turn = Turn(text, time.monotonic())
    await tab.type("\r")
    played.turns.append(turn)
    row = await watch.until(lambda: watch.message(text), f"{played.name}'s message {len(played.turns)} committed")
    turn.committed, turn.session = row.seen, row.session
    reply = await watch.until(lambda: watch.reply(row.session, row.turn),
                              f"the answer to {played.name}'s message {len(played.turns)}")
    turn.answered = reply.seen
    return reply


async def play(room: Classroom, watch: Watch, name: str, texts: list[str]) -> Played:
    """One trainee signs in, opens a tab, plays `texts` and ends the case; what went wrong is in `problem`."""
    played = Played(name)
    started = time.monotonic()
    tab: Tab | None = None
    try:
        async with client() as http:
            await room.signed_in(http, name)
            tab = await open_tab(room, http, name)
            played.session = await start_case(room, watch, tab, name)
            for text in texts:
                reply = await send(watch, tab, signed(text, name), played)
                played.session = played.session or reply.session
                if reply.kind == "session_ended":
                    break
            session = played.session
            assert session is not None
            if watch.ended(session) is None:
                await tab.type("/end")
                await tab.type("\r")
                await watch.until(lambda: watch.ended(session), f"{name}'s session ended")
            await tab.type("\r")  # the end read: the scorecard
            played.finished = bool(await watch.until(lambda: watch.finished.get(session),
                                                     f"{name}'s session finished with its scorecard"))
            await tab.ws.close()
    except Exception as exc:  # noqa: BLE001 - reported as this trainee's failure
        played.problem = f"{type(exc).__name__}: {exc}"
    finally:
        played.seconds = time.monotonic() - started
        if tab is not None:
            tab.reader.cancel()
            played.drawn = tab.text
            played.opening = tab.opened - tab.connected if tab.opened else None
    return played


# -- the check ----------------------------------------------------------------------------------------


def check(size: Size) -> Result:
    result = Result()
    trainees = pick(size, full=20, small=3)
    turns = pick(size, full=4, small=2)
    with tempfile.TemporaryDirectory(prefix="webcare-class-") as name, database(Path(name)) as (db, kind):
        room = Classroom(Path(name), db, SCENARIO)
        room.set_secret("code", CLASS_CODE)
        room.start()
        try:
            played, watch = asyncio.run(_class(room, NAMES[:trainees], messages()[:turns]))
            alive, said = room.alive(), room.said()  # before it is stopped: what it says then is not play
        finally:
            room.stop()
        judge(room, watch, played, alive, said, result)
        result.figures.append(figures(played, trainees, kind, room))
    return result


async def _class(room: Classroom, names: tuple[str, ...], texts: list[str]) -> tuple[list[Played], Watch]:
    await room.ready()
    watch = Watch(room.db)
    poller = asyncio.ensure_future(watch.run())
    try:
        played = await asyncio.gather(*(play(room, watch, name, texts) for name in names))
        await asyncio.sleep(POLL * 3)  # one more look: anything committed late is counted too
    finally:
        poller.cancel()
        watch.close()
    return list(played), watch


def judge(room: Classroom, watch: Watch, played: list[Played], alive: bool, said: str, result: Result) -> None:
    """Each trainee is a case: every message committed in one session of hers, finished; no traceback anywhere."""
    sent = {t.text for p in played for t in p.turns}
    for p in played:
        result.cases += 1
        result.worst = max(result.worst, p.seconds)
        for problem in trainee_problems(room, watch, p):
            result.fail(f"{p.name}: {problem}")
    stray = [r for r in watch.rows.values() if r.kind == "trainee_message" and r.text not in sent]
    if stray:
        result.fail(f"{len(stray)} committed messages no one sent, e.g. {stray[0].text[:80]!r}")
    if not alive:
        result.fail(f"`webcare serve` died:\n{said[-2000:]}")
    elif "Traceback" in said:
        result.fail(f"a traceback in the server's log:\n{said[-2000:]}")


def trainee_problems(room: Classroom, watch: Watch, p: Played) -> Iterator[str]:
    if p.problem:
        yield f"{p.problem}\n  last drawn: {p.drawn[-400:]!r}"
    if "Traceback" in p.drawn:
        yield f"a traceback on the screen: {p.drawn[-1500:]!r}"
    committed = [r for r in watch.rows.values() if r.kind == "trainee_message" and r.text.endswith(f"^{p.name}")]
    lost = [t.text for t in p.turns if t.text not in {r.text for r in committed}]
    if lost:
        yield f"{len(lost)} of {len(p.turns)} messages sent never committed (lost turns): {lost[0][:80]!r}"
    if len(committed) > len(p.turns):
        yield f"{len(committed)} messages committed for {len(p.turns)} sent"
    sessions = {r.session for r in committed}
    if len(sessions) > 1:
        yield f"her messages are in {len(sessions)} sessions"
    owners = {watch.owners.get(s) for s in sessions} - {p.name}
    if owners:
        yield f"her session is attributed to {sorted(map(str, owners))}, not {p.name!r}"
    if p.session and p.session not in watch.finished:
        yield "her session was not finished in the store"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q * len(ordered) + 0.5) - 1))]


def latencies(played: list[Played]) -> tuple[list[float], list[float]]:
    committed = [t.committed - t.sent for p in played for t in p.turns if t.committed is not None]
    answered = [t.answered - t.sent for p in played for t in p.turns if t.answered is not None]
    return committed, answered


def figures(played: list[Played], trainees: int, kind: str, room: Classroom) -> str:
    committed, answered = latencies(played)
    turns = sum(len(p.turns) for p in played)

    def ms(values: list[float]) -> str:
        if not values:
            return "none measured"
        return f"p50 {percentile(values, 0.5) * 1000:.0f} ms, p95 {percentile(values, 0.95) * 1000:.0f} ms"

    opened = [p.opening for p in played if p.opening is not None]
    customer = "at once (--typing-speed 0)"
    return (f"{trainees} trainees at once (each signed in as herself), {turns} turns, one server, {kind}: Enter → her turn committed "
            f"{ms(committed)}; Enter → the customer's reply committed {ms(answered)} (she answers {customer}); "
            f"store polled every {POLL * 1000:.0f} ms; a tab opened → its briefing drawn {ms(opened)}")
