"""The `webcare-session` file as pydantic models: every field's type checked before a session is used.

`SessionFile` is what scoring a session needs (the scenario and its events); `ImportedSession`
adds what the store keeps beside it (id, trainee, dates, scorecard, notes, overrides), so
`webcare import` stores only what the review screens and every export can show. The event
models are made from the engine's event dataclasses, so a new event field is checked too.
`scoring.batch.sessioncheck` says what is wrong with a record that fails them, in one line.
"""

from __future__ import annotations

import typing
from dataclasses import MISSING, fields
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    create_model,
)

from scoring.batch.sessionfile import VERSION
from trainer.engine.events import EVENT_TYPES, Event
from trainer.scenario.kinds import Trade

INT_MAX = 2**31 - 1
"""The largest whole number a PostgreSQL INTEGER column holds (seeds, turns and scores are stored in one)."""
MAX_DEPTH = 64
"""A session is about eight levels deep; far deeper is hostile (and would break `json.dumps` on the way out)."""
MAX_NAME = 200
"""Ids, names and labels are shown in lists and file names; a message's text has no limit."""


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("is blank")
    return text


def _timestamp(text: str) -> str:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"the text {text[:40]!r} is not a date and time (like 2026-01-31T09:30:00Z)") from None
    return text


Whole = Annotated[int, Strict(), Field(ge=-INT_MAX - 1, le=INT_MAX)]
Count = Annotated[int, Strict(), Field(ge=0, le=INT_MAX)]
Score = Annotated[int, Strict(), Field(ge=0, le=100)]
Number = Annotated[float, Strict(), AllowInfNan(False)]
Text = Annotated[str, Strict()]
Name = Annotated[str, Strict(), Field(max_length=MAX_NAME), AfterValidator(_not_blank)]
Label = Annotated[str, Strict(), Field(max_length=MAX_NAME)]
Timestamp = Annotated[str, Strict(), Field(max_length=64), AfterValidator(_timestamp)]


# ── events, made from the engine's dataclasses ──────────────────────────────────────────

_FIELD_TYPES: dict[object, object] = {
    int: Whole, float: Number, str: Text, bool: Annotated[bool, Strict()],
    float | None: Number | None, tuple[str, ...]: list[Text],
}


def _event_model(cls: type[Event]) -> type[BaseModel]:
    hints = typing.get_type_hints(cls)
    spec: dict[str, Any] = {"kind": (Literal[cls.kind], ...)}
    for f in fields(cls):
        if f.name == "turn":
            kind: object = Count
        elif hints[f.name] in _FIELD_TYPES:
            kind = _FIELD_TYPES[hints[f.name]]
        else:  # a new event field of a new type: say how to check it here, or it would go unchecked
            raise TypeError(f"{cls.__name__}.{f.name}: no session-file type for {hints[f.name]}")
        default = ... if f.default is MISSING else list(f.default) if isinstance(f.default, tuple) else f.default
        spec[f.name] = (kind, default)
    return create_model(f"{cls.__name__}Data", __config__=ConfigDict(extra="ignore"), **spec)


EVENT_MODELS: dict[str, type[BaseModel]] = {kind: _event_model(cls) for kind, cls in EVENT_TYPES.items()}
if TYPE_CHECKING:
    class EventData(BaseModel):
        """What the type checker sees of an event's model: built at run time, one per kind, each with its `kind`."""

        kind: str
else:
    EventData = Annotated[Union[tuple(EVENT_MODELS.values())], Discriminator("kind")]  # noqa: UP007


# ── the scorecard, as `Scorecard.to_dict()` writes it (fields it may add later are kept, unchecked) ──

class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class EvidenceData(_Open):
    turn: Count
    quote: Text | None = None
    action: Text | None = None
    note: Text = ""
    good: Annotated[bool, Strict()] = True


class CriterionData(_Open):
    id: Label
    title: Text = ""
    score: Score | None = None
    weight: Number = 1.0
    evidence: list[EvidenceData] = []
    tip: Text = ""


class CeilingData(_Open):
    at: Score
    why: Text = ""
    evidence: list[EvidenceData] = []


class TradeData(_Open):
    score: Score | None = None
    criteria: list[CriterionData] = []
    ceiling: CeilingData | None = None
    enough_evidence: Annotated[bool, Strict()] = True


class ScorecardData(_Open):
    version: Count = 1
    scenario: Label | None = None
    outcome: Label | None = None
    outcome_kind: Label | None = None
    summary: Text | None = ""
    turns: Count = 0
    mode: Label = "practice"
    hints: Count = 0
    language: Label = "en"
    trades: dict[Trade, TradeData] = {}
    tips: list[Text] = []
    judge: dict[str, Any] | None = None
    started_from: Text = ""


# ── the file ──────────────────────────────────────────────────────────────────────────────

class SessionFile(BaseModel):
    """A session as `webcare score` reads it: the scenario it was played on and the events it logged."""

    model_config = ConfigDict(extra="allow")

    format: Literal["webcare-session"]
    version: Annotated[int, Strict(), Field(ge=1, le=VERSION)]
    scenario: Name
    language: Name | None = None
    trainee: Text | None = None
    events: Annotated[list[EventData], Field(min_length=1)]
    scorecard: ScorecardData | None = None

    def stored_events(self) -> list[Event]:
        """The events as the engine's dataclasses."""
        out = []
        for e in self.events:
            values: dict[str, Any] = {name: getattr(e, name) for name in type(e).model_fields if name != "kind"}
            kept: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
            out.append(EVENT_TYPES[e.kind](**kept))
        return out


class NoteData(BaseModel):
    id: Name
    turn: Count | None = None
    author: Label
    text: Text
    created_at: Timestamp


class OverrideData(BaseModel):
    id: Name
    trade: Trade
    original: Score | None = None
    score: Score
    reason: Text
    author: Label
    created_at: Timestamp


class ManifestData(_Open):
    """What the game kept beside the session; a campaign's tag becomes a column, so it must be text."""

    curriculum: Label | None = None
    module: Label | None = None


class ImportedSession(SessionFile):
    """A session as `webcare export` writes it, to be stored by `webcare import`: all the store keeps."""

    id: Name
    trainee: Name
    language: Name
    title: Text | None = ""
    channel: Label | None = ""
    mode: Name = "practice"
    seed: Whole = 0
    started_at: Timestamp
    updated_at: Timestamp | None = None
    ended_at: Timestamp | None = None
    outcome: Label | None = None
    outcome_kind: Label | None = None
    manifest: ManifestData | None = None
    notes: list[NoteData] = []
    overrides: list[OverrideData] = []
