"""The live customer's streaming goals, measured: one repaint per frame, cancel within 100 ms, a light client.

1. Repaints: a reply whose pieces come every millisecond (faster than frames) streamed into the chat's
   `LiveLine` in a headless app; the bubble's updates per frame elapsed (goal: at most one).
2. Cancel: the loopback test server (tests/llm_server.py) sends a word every 50 ms; after a few the task
   reading `LLMClient.astream` is cancelled, as a Textual worker is when the conversation ends; the time from
   `cancel()` to the server seeing its connection closed (goal: 100 ms at worst).
3. Client overhead: the test server, in a process of its own, streams a long reply as fast as it can; the CPU
   time this process spends per chunk (our code + openai + httpx + asyncio) against a 10 ms token interval
   (goal: under 5 %, i.e. 0.5 ms).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
CANCEL_GOAL_MS = 100.0
TOKEN_INTERVAL_MS = 10.0
OVERHEAD_GOAL = 0.05
ASK = [{"role": "user", "content": "Go."}]

SERVER = r"""
import sys
sys.path.insert(0, sys.argv[1])
from llm_server import LLMServer, Reply
pieces = ["x"] + [" y"] * (int(sys.argv[2]) - 1)
server = LLMServer().start()
server.respond_with(lambda request: Reply("".join(pieces), chunks=pieces))
print(server.port, flush=True)
sys.stdin.read()
"""


@dataclass
class Figures:
    frames_per_frame: float
    updates: int
    pieces: int
    cancel_ms: list[float]
    chunk_ms: float


# -- 1. repaints --------------------------------------------------------------------------------------

class _Writer:
    """What a live line asks of her writer when it goes: nothing held here."""

    async def aclose(self) -> None:
        return None


class _Burst:
    """A reply that streams `n` pieces, one every `every` seconds: a model far faster than the screen."""

    streams = True

    def __init__(self, n: int, every: float) -> None:
        self.n, self.every = n, every
        self.round = type("Round", (), {"customer": _Writer()})()

    async def awrite(self, shown) -> str:
        for _ in range(self.n):
            shown(" no")
            await asyncio.sleep(self.every)
        return " no" * self.n

    def give_up(self, why: str) -> str:
        return ""


async def _repaints(n: int) -> tuple[float, int]:
    from textual.app import App, ComposeResult

    from trainer.ui.widgets.live_line import FRAME, LiveLine

    class Host(App):
        def compose(self) -> ComposeResult:
            yield LiveLine(id="live")

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        live = app.query_one(LiveLine)
        started = time.perf_counter()
        worker = live.write(_Burst(n, 0.001), who="Daniela", label="typing…", typed=False, speed=0,  # type: ignore[arg-type]
                            timeout=60)
        await worker.wait()
        elapsed = time.perf_counter() - started
        await pilot.pause()
    return live.frames / max(1.0, elapsed / FRAME), live.frames


# -- 2. cancel --------------------------------------------------------------------------------------

async def _cancel_once(client, server) -> float:
    from llm_server import Trickle

    server.fault(Trickle([" word"] * 400, every=0.05))
    got = asyncio.Event()
    count = 0

    async def read() -> None:
        nonlocal count
        async for _ in client.astream(ASK):
            count += 1
            if count >= 3:
                got.set()

    task = asyncio.create_task(read())
    await got.wait()
    request = server.completions[-1]
    asked = time.perf_counter()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await asyncio.to_thread(request.closed.wait, 10)
    return ((request.closed_at or float("inf")) - asked) * 1000


async def _cancels(runs: int) -> list[float]:
    from llm_server import LLMServer

    from trainer.llm.client import LLMClient
    from trainer.llm.config import LLMSettings

    server = LLMServer().start()
    try:
        client = LLMClient(LLMSettings(model="bench", base_url=server.base_url, timeout=30, retries=0))
        times = [await _cancel_once(client, server) for _ in range(runs)]
        await client.aclose()
    finally:
        server.stop()
    return times


# -- 3. client overhead per chunk ---------------------------------------------------------------------

def _overhead(chunks: int, repeats: int) -> float:
    """Median CPU milliseconds this process spends per chunk reading a fast stream (the server is elsewhere)."""
    from trainer.llm.client import LLMClient
    from trainer.llm.config import LLMSettings

    child = subprocess.Popen([sys.executable, "-c", SERVER, str(TESTS), str(chunks)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        port = int(child.stdout.readline())
        client = LLMClient(LLMSettings(model="bench", base_url=f"http://127.0.0.1:{port}/v1", timeout=30, retries=0))

        async def read() -> int:
            return sum([1 async for _ in client.astream(ASK)])

        async def measure() -> list[float]:
            await read()  # the first request imports openai and opens the connection: not what is measured
            out = []
            for _ in range(repeats):
                cpu = time.process_time()
                got = await read()
                out.append((time.process_time() - cpu) * 1000 / max(got, 1))
            await client.aclose()
            return out

        return statistics.median(asyncio.run(measure()))
    finally:
        child.communicate("")


def measure(quick: bool) -> Figures:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    n = 300 if quick else 1000
    per_frame, updates = asyncio.run(_repaints(n))
    cancel = asyncio.run(_cancels(3 if quick else 15))
    chunk = _overhead(200 if quick else 2000, 2 if quick else 7)
    return Figures(per_frame, updates, n, cancel, chunk)
