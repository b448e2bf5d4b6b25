"""The closed vocabularies of the format: cheap to import (no pydantic), so screens can use them."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

Language = Literal["en", "nl"]
Channel = Literal["twitter", "dm", "email", "chat", "whatsapp", "sms"]
Audience = Literal["public", "private"]
PRIVATE_ONLY: tuple[Channel, ...] = ("whatsapp", "sms")
"""Channels no one else reads: `audience: public` with them is an error."""
PUBLIC_BY_NATURE: tuple[Channel, ...] = ("twitter",)
"""Channels whose audience is public when a state moves the conversation there without naming one."""
Difficulty = Literal["easy", "medium", "hard"]
OutcomeKind = Literal["resolved", "escalated", "churned", "went_public", "viral"]
MoodBand = Literal["furious", "angry", "upset", "calm", "happy", "any"]


class Trade(StrEnum):
    """The three trades a trainee is scored on. A `str`: equal to, hashed like and written to JSON as its name."""

    facilitator = "facilitator"
    detective = "detective"
    plumber = "plumber"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Checked as the literal names (the same JSON Schema and error messages), read as members."""
        from pydantic_core import core_schema  # only when a model is built: this module stays cheap to import

        return core_schema.no_info_after_validator_function(cls, handler(Literal[tuple(t.value for t in cls)]))


TRADES: tuple[Trade, ...] = tuple(Trade)
"""In the order every report shows them."""
