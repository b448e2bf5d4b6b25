"""The first-word deadline: a stream read in a helper thread, so that the wait for its first piece ends in time."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Generator
from typing import Any

from trainer.llm.faults import Fault


def first_within(pieces: Generator[str, None, None], deadline: float, seconds: float) -> Generator[str, None, None]:
    """`pieces`, read in a helper thread so that the wait for the first one ends at `deadline` (monotonic).

    Past it a time-out fault is raised here at once. The helper is told to stop and ends when its
    request does (at the latest after the settings' `timeout`): a read blocked inside the HTTP client
    can't be cut short from another thread without racing its connection pool.
    """
    box: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
    stop = threading.Event()

    def pump() -> None:
        try:
            for piece in pieces:
                if stop.is_set():
                    return
                box.put((True, piece))
            box.put((False, None))
        except Exception as exc:  # noqa: BLE001 - handed to the reader, who raises it
            box.put((False, exc))
        finally:
            pieces.close()

    threading.Thread(target=pump, name="llm-first-word", daemon=True).start()
    waiting = True
    try:
        while True:
            try:
                more, value = box.get(timeout=max(0.0, deadline - time.monotonic())) if waiting else box.get()
            except queue.Empty:
                raise Fault("timeout", f"no first word within {seconds:g} s") from None
            if not more:
                if value is None:
                    return
                raise value
            waiting = False
            yield value
    finally:
        stop.set()
