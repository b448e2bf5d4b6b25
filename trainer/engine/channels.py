"""What each channel is like: its name, its length limit, how fast an answer is expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChannelTraits:
    label: str
    max_chars: int | None
    """Longest message the channel takes (None: no limit)."""
    reply_within: float
    """Seconds the customer waits before a slow answer starts to cost patience."""


CHANNELS: dict[str, ChannelTraits] = {
    "twitter": ChannelTraits("public tweet thread", 280, 180.0),
    "dm": ChannelTraits("direct messages", 10_000, 240.0),
    "chat": ChannelTraits("live chat", None, 90.0),
    "email": ChannelTraits("e-mail", None, 1800.0),
}
