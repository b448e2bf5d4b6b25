"""The closed vocabularies of the format: cheap to import (no pydantic), so screens can use them."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "nl"]
Channel = Literal["twitter", "dm", "email", "chat"]
Audience = Literal["public", "private"]
Difficulty = Literal["easy", "medium", "hard"]
OutcomeKind = Literal["resolved", "escalated", "churned", "went_public", "viral"]
Trade = Literal["facilitator", "detective", "plumber"]
MoodBand = Literal["furious", "angry", "upset", "calm", "happy", "any"]
