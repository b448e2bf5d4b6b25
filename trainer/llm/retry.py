"""When to ask a model again: jittered back-off, a server's Retry-After honoured, a deadline never overrun.

Our own loop rather than openai's `max_retries`: openai retries only what failed at the HTTP level, while a
reply can also come back empty, malformed or cut mid-stream, and the live customer's first word has a deadline
that counts the waits between tries. Its wait rules are openai's: `retry-after-ms`, then `Retry-After` in
seconds or as an HTTP date (trainer.llm.faults.retry_after), else a jittered back-off. The jitter is added to a
Retry-After too: a class that got its 429s together was told the same wait, and would otherwise come back in
step and be refused together again.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from trainer.llm.config import LLMSettings
from trainer.llm.errors import LLMUnavailable
from trainer.llm.faults import Fault

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Backoff:
    settings: LLMSettings
    sleep: Callable[[float], Any]
    """Awaited when it returns an awaitable (`asyncio.sleep`); a test's plain function just records the wait."""
    rng: random.Random

    def wait(self, fault: Fault, attempt: int) -> float:
        """Seconds before try `attempt + 1`: "full jitter", a random time up to `backoff` doubled per attempt (capped
        at `backoff_max`), after the server's Retry-After when it gives one."""
        s = self.settings
        jitter = self.rng.uniform(0.0, min(s.backoff * 2 ** (attempt - 1), s.backoff_max))
        return (fault.retry_after or 0.0) + jitter

    async def pause(self, fault: Fault, attempt: int, unavailable: Callable[[Fault, int], LLMUnavailable],
                    retries: int | None = None, deadline: float | None = None) -> None:
        """Wait before the next try, or raise `unavailable(…)` when the tries are spent, the server asks for a wait
        longer than `retry_after_max`, or the wait would pass `deadline` (monotonic)."""
        s = self.settings
        if attempt > (s.retries if retries is None else retries):
            raise unavailable(fault, attempt)
        if fault.retry_after is not None and fault.retry_after > s.retry_after_max:
            raise unavailable(Fault(fault.kind, f"it asks to wait {fault.retry_after:g} s"), attempt)
        wait = self.wait(fault, attempt)
        if deadline is not None and time.monotonic() + wait >= deadline:
            raise unavailable(fault, attempt)
        log.info("LLM attempt %d failed (%s); retrying in %.2f s", attempt, fault.kind, wait)
        slept = self.sleep(wait)
        if inspect.isawaitable(slept):
            await slept


def run_sync(work: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to its end from plain code; inside a running event loop, on a loop in a helper thread (the
    caller waits either way, as it asked to)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    with ThreadPoolExecutor(1, thread_name_prefix="llm") as pool:
        return pool.submit(asyncio.run, work).result()
