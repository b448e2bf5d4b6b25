"""The customer's turn: her line for the pending cue, written or streamed, with the script standing in when
whatever writes her lines fails or takes too long. The one place a round falls back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from trainer.customers import ScriptedCustomer
from trainer.engine.events import Event
from trainer.engine.session import Cue

if TYPE_CHECKING:
    from trainer.play.round import Round


def _ignore(piece: str) -> None:
    return None


class Reply:
    """One line of hers: `write` (`awrite` in an event loop), then `settle` records it in the round."""

    def __init__(self, round_: Round, cue: Cue, fallback: ScriptedCustomer) -> None:
        self.round = round_
        self.cue = cue
        self._fallback = fallback
        self._stood_in: str | None = None
        """The line that stood in once the round stopped waiting: a late answer or failure changes nothing."""

    @property
    def streams(self) -> bool:
        """Her words arrive as written (show them as they come); else the line is whole at once."""
        return self.round.customer.streams

    def write(self, shown: Callable[[str], None] = _ignore) -> str:
        """Her line; its pieces go to `shown` as they come. Never raises: the script's line stands in."""
        try:
            text = self.round.customer.stream(self.cue, shown)
        except Exception as exc:  # noqa: BLE001 - whatever the customer did, the scripted line stands in
            return self.give_up(f"{type(exc).__name__}: {exc}")
        return self._stood_in if self._stood_in is not None else text

    async def awrite(self, shown: Callable[[str], None] = _ignore) -> str:
        """`write` as a coroutine, for a streaming customer in an event loop: cancelled, her writer stops at once
        (and nothing is recorded)."""
        try:
            text = await self.round.customer.astream(self.cue, shown)
        except Exception as exc:  # noqa: BLE001 - whatever the customer did, the scripted line stands in
            return self.give_up(f"{type(exc).__name__}: {exc}")
        return self._stood_in if self._stood_in is not None else text

    def give_up(self, why: str) -> str:
        """The script's line for this cue, because her writer failed or took too long (`why`, for the log): her
        own script's when she keeps one (a model's account counts it), else the round's. Once per reply."""
        if self._stood_in is None:
            own = self.round.customer.stand_in(self.cue, why)
            if own is None:
                self.round.fell_back(why)
            self._stood_in = own if own is not None else self._fallback.write(self.cue)
        return self._stood_in

    def settle(self, text: str) -> list[Event]:
        """Record her line (and the end, if it was the last), committed; nothing if the round moved on meanwhile."""
        session = self.round.session
        if session.cue is not self.cue:  # rewound, reloaded or ended while she was writing
            return []
        events = session.customer_wrote(text)
        self.round.save()
        return events
