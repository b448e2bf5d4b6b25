"""Where the customer's next line appears: "is typing…", then her words as they are produced."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static

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

    `write` has her words written in a worker (a thread for the writing itself), so a slow or failing customer
    never blocks the screen: a model's pieces are shown as they come, once per frame; a line that comes whole
    is shown being typed at a person's pace. Whatever happens, `Written` follows with the line that stands.
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

    @work(exclusive=True, group="customer", exit_on_error=False)
    async def write(self, reply: Reply, *, who: str, label: str, typed: bool, speed: float, timeout: float) -> None:
        """Her line for `reply`: streamed as written, or (`typed`) shown being typed at `speed` (0: at once)."""
        self.who = who
        if typed or reply.streams:
            self.typing(who, label)
        if reply.streams:
            text = await self._streamed(reply, timeout)
        else:
            text = await self._whole(reply, timeout, typing_delay_s=speed * (1 if typed else 0))
        self.clear()
        self.post_message(self.Written(reply, text))

    async def _whole(self, reply: Reply, timeout: float, typing_delay_s: float) -> str:
        try:  # in a thread: a customer that blocks (a network call) can't freeze the screen
            text = await asyncio.wait_for(asyncio.to_thread(reply.write), timeout)
        except TimeoutError:
            return reply.give_up(f"no line within {timeout:g} s")
        delay = typing_delay(text) * typing_delay_s
        if delay:
            await asyncio.sleep(delay * 0.6)
        words = text.split(" ")
        chunks = [" ".join(words[i : i + CHUNK_WORDS]) + " " for i in range(0, len(words), CHUNK_WORDS)]
        for chunk in chunks:
            self.append(chunk)
            if delay:
                await asyncio.sleep(delay * 0.4 / len(chunks))
        return text

    async def _streamed(self, reply: Reply, timeout: float) -> str:
        """A live customer: her words as the model writes them, gathered and shown once per frame."""
        pending: list[str] = []
        lock = threading.Lock()

        def shown(piece: str) -> None:
            with lock:
                pending.append(piece)

        def flush() -> None:
            with lock:
                text = "".join(pending)
                pending.clear()
            if text:
                self.frames += 1
                self.append(text)

        task = asyncio.ensure_future(asyncio.to_thread(reply.write, shown))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not task.done():
            if loop.time() > deadline:
                return reply.give_up(f"no line within {timeout:g} s")
            await asyncio.wait({task}, timeout=FRAME)
            flush()
        return task.result()
