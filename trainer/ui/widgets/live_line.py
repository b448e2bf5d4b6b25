"""Where the customer's next line appears: "is typing…", then her words as they are produced."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerError, WorkerFailed

from trainer.customers.base import Customer
from trainer.play import Reply
from trainer.ui.verbatim import verbatim

CHUNK_WORDS = 2
FRAME = 1 / 60
"""A streamed line is shown at most once per frame, however fast the model sends its pieces."""


def typing_delay(text: str) -> float:
    """Seconds a person takes to type a line: a moment to start, then by length, capped for play."""
    return min(5.0, 0.8 + len(text) * 0.02)


class LiveLine(Static):
    """Holds the one message being written; the transcript gets it whole when it is done.

    `write` has her words written in an async worker, so a slow or failing customer never blocks the screen and
    cancelling the worker (the conversation ended, the game quit) closes her request at once: a model's pieces
    are shown as they come, at most once per frame; a line that comes whole is shown being typed at a person's
    pace. Unless cancelled, `Written` follows with the line that stands.
    """

    @dataclass
    class Written(Message):
        reply: Reply
        text: str

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.text = ""
        """The words so far."""
        self.who = ""
        self.frames = 0
        """Streamed updates shown (at most one per frame)."""
        self.add_class("-empty")
        self.reply: Reply | None = None
        """The line being written now; None when there is none."""
        self.writer: Customer | None = None
        """Who writes her lines (a model's connections are closed with this widget)."""

    def typing(self, who: str, label: str) -> None:
        """Show that the customer is typing (nothing of the line yet)."""
        self.text, self.who = "", who
        self.remove_class("-empty")
        self.update(verbatim(label, style="italic"))

    def append(self, chunk: str) -> None:
        """Add the next words of the line as they come in."""
        self.text += chunk
        self.remove_class("-empty")
        self.update(Text.assemble(verbatim(f"{self.who}: ", "bold"), verbatim(self.text), ("▌", "dim")))

    def clear(self) -> None:
        self.text = ""
        self.update("")
        self.add_class("-empty")

    # ASYNC109 asks callers to wrap the coroutine in `asyncio.timeout`; a worker's caller gets a Worker, not a
    # coroutine, so the deadline is passed in and applied below.
    @work(exclusive=True, group="customer", exit_on_error=False)
    async def write(
        self, reply: Reply, *, who: str, label: str, typed: bool, speed: float,
        timeout: float,  # noqa: ASYNC109 - see above
    ) -> None:
        """Her line for `reply`: streamed as written, or (`typed`) shown being typed at `speed` (0: at once).

        She has `timeout` seconds to write it (else the reply gives up: the script stands in); showing a whole
        line being typed takes the time it takes."""
        self.who, self.reply, self.writer = who, reply, reply.round.customer
        if typed or reply.streams:
            self.typing(who, label)
        try:
            async with asyncio.timeout(timeout):
                # A whole-line writer may block: in a thread, so it can't freeze the screen.
                text = await (self._streamed(reply) if reply.streams else asyncio.to_thread(reply.write))
        except TimeoutError:
            text = reply.give_up(f"no line within {timeout:g} s")
        else:
            if not reply.streams:
                await self._typed(text, typing_delay_s=speed * (1 if typed else 0))
        self.clear()
        self.reply = None
        self.post_message(self.Written(reply, text))

    async def on_unmount(self) -> None:
        if self.writer is not None:  # her model's connections belong to this event loop: closed before it ends
            await self.writer.aclose()

    async def stop(self) -> Reply | None:
        """Stop writing her line now: its worker is cancelled and waited for, so her request is closed when this
        returns. The reply that was being written, with nothing recorded for it; None when she wasn't writing."""
        reply, self.reply = self.reply, None
        for worker in self.workers.cancel_group(self, "customer"):
            with contextlib.suppress(WorkerCancelled, WorkerFailed, WorkerError):
                await worker.wait()
        self.clear()
        return reply

    async def _typed(self, text: str, typing_delay_s: float) -> None:
        """A whole line shown a few words at a time, as if typed."""
        delay = typing_delay(text) * typing_delay_s
        if delay:
            await asyncio.sleep(delay * 0.6)
        words = text.split(" ")
        chunks = [" ".join(words[i : i + CHUNK_WORDS]) + " " for i in range(0, len(words), CHUNK_WORDS)]
        for chunk in chunks:
            self.append(chunk)
            if delay:
                await asyncio.sleep(delay * 0.4 / len(chunks))

    async def _streamed(self, reply: Reply) -> str:
        """A live customer: her words as the model writes them, in this worker's task (cancel it and the request
        closes), gathered and shown at most once per frame however fast the pieces come."""
        pending: list[str] = []
        last = -FRAME
        timer: Timer | None = None

        def flush() -> None:
            nonlocal last, timer
            timer, last = None, time.monotonic()
            if pending:
                text = "".join(pending)
                pending.clear()
                self.frames += 1
                self.append(text)

        def shown(piece: str) -> None:
            nonlocal timer
            pending.append(piece)
            if timer is None:
                due = last + FRAME - time.monotonic()
                if due <= 0:
                    flush()
                else:
                    timer = self.set_timer(due, flush, name="live-line-frame")

        try:
            text = await reply.awrite(shown)
        finally:
            if timer is not None:
                timer.stop()
        flush()
        return text
