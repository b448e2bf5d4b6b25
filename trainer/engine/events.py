"""The session's append-only log: every event is plain, frozen data."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened at a turn (turn 0 is the customer's opening)."""

    kind: ClassVar[str] = "event"
    turn: int
    at: float = field(kw_only=True, default=0.0)
    """Game clock, in seconds since the session started."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True, slots=True)
class SessionStarted(Event):
    kind: ClassVar[str] = "session_started"
    scenario: str
    language: str
    seed: int
    mood: int
    patience: int
    mode: str = "practice"
    """`practice` (hints allowed) or `test`."""
    start: str = ""
    """The state it opened in when started part-way (`webcare play --from`); empty: the scenario's start,
    in her starting mood. When set, `mood` is the mood it opened with (a replay starts there too)."""
    facts: tuple[str, ...] = ()
    """Facts the trainee knew from the start (`--facts`), each also logged as revealed at turn 0."""

    def to_dict(self) -> dict[str, Any]:
        """As before `--from` existed when the session started at the start: old and new logs read alike."""
        out = Event.to_dict(self)
        for key in ("start", "facts"):
            if not out[key]:
                del out[key]
        return out


@dataclass(frozen=True, slots=True)
class HintShown(Event):
    """The trainee asked for a hint (practice mode); the scorecard counts them."""

    kind: ClassVar[str] = "hint_shown"
    state: str
    text: str


@dataclass(frozen=True, slots=True)
class TraineeMessage(Event):
    kind: ClassVar[str] = "trainee_message"
    text: str
    response_seconds: float
    """Time since the customer's last line: the customer feels every second of it."""


@dataclass(frozen=True, slots=True)
class IntentsRecognised(Event):
    kind: ClassVar[str] = "intents_recognised"
    intents: tuple[str, ...]
    wrong: tuple[str, ...] = ()
    """Intents that state something the facts contradict."""
    reasons: tuple[str, ...] = ()
    """Why each intent counted, for the coach: the phrase found, or the example it resembled."""

    def to_dict(self) -> dict[str, Any]:
        """Logs from before the meaning layer read alike: no `reasons` key when there are none."""
        out = Event.to_dict(self)
        if not out["reasons"]:
            del out["reasons"]
        return out


@dataclass(frozen=True, slots=True)
class LookedUp(Event):
    kind: ClassVar[str] = "looked_up"
    tool: str
    arg: str
    result: str
    ok: bool = True


@dataclass(frozen=True, slots=True)
class ActionTaken(Event):
    kind: ClassVar[str] = "action_taken"
    action: str
    amount: float | None
    ok: bool
    result: str


@dataclass(frozen=True, slots=True)
class FactRevealed(Event):
    kind: ClassVar[str] = "fact_revealed"
    fact: str
    source: str
    """Where it came from: `lookup:NAME`, `action:NAME`, `asking:INTENT` or `story`."""


@dataclass(frozen=True, slots=True)
class MoodChanged(Event):
    kind: ClassVar[str] = "mood_changed"
    mood: int
    patience: int
    mood_delta: int
    patience_delta: int
    reason: str


@dataclass(frozen=True, slots=True)
class NotUnderstood(Event):
    """The trainee's message fitted none of the state's steps."""

    kind: ClassVar[str] = "not_understood"
    state: str


@dataclass(frozen=True, slots=True)
class StateChanged(Event):
    kind: ClassVar[str] = "state_changed"
    source: str
    dest: str
    trigger: str


@dataclass(frozen=True, slots=True)
class ChannelChanged(Event):
    """The conversation moved (a public tweet thread to DM): from the next message on it is here."""

    kind: ClassVar[str] = "channel_changed"
    state: str
    channel: str
    audience: str


@dataclass(frozen=True, slots=True)
class CustomerMessage(Event):
    kind: ClassVar[str] = "customer_message"
    text: str
    state: str
    mood: int


@dataclass(frozen=True, slots=True)
class SessionEnded(Event):
    kind: ClassVar[str] = "session_ended"
    outcome: str
    outcome_kind: str
    summary: str


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        SessionStarted, HintShown, TraineeMessage, IntentsRecognised, LookedUp, ActionTaken, FactRevealed,
        MoodChanged, NotUnderstood, StateChanged, ChannelChanged, CustomerMessage, SessionEnded,
    )
}


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event from `Event.to_dict()` output."""
    cls = EVENT_TYPES[data["kind"]]
    names = {f.name for f in fields(cls)}
    values: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in data.items() if k in names}
    return cls(**values)
