"""What every customer does, what a streaming one adds and what an accounted one adds; and a no-op base.

A round asks all three of whatever customer it has: `Customer` subclasses `BaseCustomer`, whose
defaults do nothing (no notice, no cost, one piece for the whole line), so no caller probes for abilities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from trainer.engine.events import Event
from trainer.engine.session import Cue


class Writes(Protocol):
    """Every customer: her words for the engine's cue."""

    def write(self, cue: Cue) -> str:
        """Her next line for this cue, in full."""
        ...

    def heard(self, cue: Cue, text: str) -> None:
        """A replayed line (a resumed session): move on as if she had just written it herself."""
        ...

    def attach(self, events: Sequence[Event]) -> None:
        """The session's log, read and never written (a model's prompt quotes the conversation)."""
        ...


class Streams(Writes, Protocol):
    """A customer whose words arrive as they are written (a model)."""

    streams: bool
    """True: show the pieces as they come; False: the line is whole at once (the game may show it being typed)."""

    def stream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        """Her line for this cue, its pieces passed to `shown` as they come; returns the line that stands."""
        ...

    async def astream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        """`stream` as a coroutine, for an event loop: cancelling it stops her writer at once."""
        ...

    async def aclose(self) -> None:
        """The event loop that `astream` ran on is ending: let go of what it holds there (a model's connections)."""
        ...

    def take_notice(self) -> str | None:
        """One line to tell the trainee that the script stood in for her writer, once; None: nothing to say."""
        ...

    def stand_in(self, cue: Cue, why: str) -> str | None:
        """Her scripted line for a cue her writer gave no line for in time (the game stopped waiting), kept in her
        own account; None: she keeps no script of her own, the round's speaks."""
        ...


class Accounted(Protocol):
    """A customer whose lines cost something: how she was written, and what it took."""

    def manifest(self) -> dict[str, Any]:
        """How her lines are written, for the session's manifest (never a key)."""
        ...

    def summary(self) -> dict[str, Any]:
        """The manifest with what it cost, kept when the session ends."""
        ...

    def cost_line(self) -> str | None:
        """One line for the trainee at the end; None when there was nothing to pay."""
        ...


class Customer(Streams, Accounted, Protocol):
    """Everything a round asks of its customer."""


class BaseCustomer:
    """The no-op half of every customer: subclasses write; the rest does nothing unless they say otherwise."""

    streams = False

    def write(self, cue: Cue) -> str:
        raise NotImplementedError

    def heard(self, cue: Cue, text: str) -> None:
        return None

    def attach(self, events: Sequence[Event]) -> None:
        return None

    def stream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        text = self.write(cue)
        shown(text)
        return text

    async def astream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        return self.stream(cue, shown)

    async def aclose(self) -> None:
        return None

    def take_notice(self) -> str | None:
        return None

    def stand_in(self, cue: Cue, why: str) -> str | None:
        return None

    def manifest(self) -> dict[str, Any]:
        return {}

    def summary(self) -> dict[str, Any]:
        return self.manifest()

    def cost_line(self) -> str | None:
        return None
