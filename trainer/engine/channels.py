"""What each channel is like: its name, its length limit, how fast an answer is expected; how a handle shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.engine.events import ChannelChanged, Event
from trainer.scenario.where import Where, arrive, is_phone, moved, opening
from trainer.texts import tr

if TYPE_CHECKING:
    from trainer.scenario.models import Scenario

__all__ = ["CHANNELS", "ChannelTraits", "Where", "arrive", "handle_shown", "is_phone", "moved", "now", "opening",
           "sms_parts"]


@dataclass(frozen=True, slots=True)
class ChannelTraits:
    label: str
    max_chars: int | None
    """Longest message the channel takes (None: no limit)."""
    reply_within: float
    """Seconds the customer waits before a slow answer starts to cost patience."""
    segment: int | None = None
    """A message longer than this goes out in parts (an SMS: 160 characters, 153 a part once split)."""


CHANNELS: dict[str, ChannelTraits] = {
    "twitter": ChannelTraits("public tweet thread", 280, 180.0),
    "dm": ChannelTraits("direct messages", 10_000, 240.0),
    "chat": ChannelTraits("live chat", None, 90.0),
    "email": ChannelTraits("e-mail", None, 1800.0),
    # WhatsApp: she sees "online" and the blue ticks; a few minutes is long. The app takes 4,096
    # characters a message (the business platform's cap): no hard limit near a tweet's, short is the norm.
    "whatsapp": ChannelTraits("WhatsApp chat", 4096, 180.0),
    # SMS: slower, but a text left for a quarter of an hour reads as ignored. One text is 160 characters;
    # longer ones arrive as parts of 153, often out of order on older phones: three parts at most.
    "sms": ChannelTraits("text message (SMS)", 480, 900.0, segment=160),
}


def sms_parts(size: int, segment: int = 160) -> int:
    """How many texts a message of `size` characters goes out as: 1 up to 160, then parts of 153."""
    return 1 if size <= segment else -(-size // (segment - 7))


def now(scenario: Scenario, events: Sequence[Event]) -> Where:
    """Where the conversation is after `events`: the last move the story made, else the scenario's channel."""
    last = next((e for e in reversed(events) if isinstance(e, ChannelChanged)), None)
    return Where(last.channel, last.audience) if last else Where(scenario.channel, scenario.audience)


def handle_shown(handle: str, language: str) -> str:
    """The handle as the channel shows it: `@dani_maduro`, or `phone +31 6 1234 5678` for a number."""
    if not is_phone(handle):
        return handle
    return tr(language, "handle.phone", number=" ".join(handle.split()))
