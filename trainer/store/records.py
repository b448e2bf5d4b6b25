"""What the store hands back beside a session's row: notes, overrides, a whole stored session, a trainee's
history per scenario, certificates; and the time stamp every record carries."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scoring.scorecard import Scorecard, as_scorecard  # plain dataclasses: cheap to import
from trainer.scenario.kinds import TRADES, Trade

if TYPE_CHECKING:
    from trainer.engine.events import Event
    from trainer.scenario.models import Scenario
    from trainer.store.sessions import SessionRow


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    turn: int | None
    author: str
    text: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Override:
    id: str
    trade: str
    original: int | None
    score: int
    reason: str
    author: str
    created_at: str


@dataclass(frozen=True)
class StoredSession:
    row: SessionRow
    events: list[Event]
    scorecard: Scorecard | None
    manifest: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.scorecard, Mapping):  # its JSON, as callers gave it before it was typed
            object.__setattr__(self, "scorecard", as_scorecard(self.scorecard))

    def score(self, trade: Trade) -> int | None:
        """The trade's score as a coach last set it, else as the scorer gave it."""
        latest = next((o for o in reversed(self.overrides) if o.trade == trade), None)
        return latest.score if latest else self.row.scores.get(trade)


@dataclass(frozen=True, slots=True)
class ScenarioHistory:
    """A trainee's attempts at one scenario."""

    scenario: str
    title: str
    attempts: int
    finished: int
    best: dict[Trade, int | None]
    latest: dict[Trade, int | None]
    first_at: str
    last_at: str
    series: tuple[tuple[str, dict[Trade, int | None]], ...]
    """(finished at, scores) per finished attempt, oldest first: progress over time."""


CERTIFICATE = "code, trainee, curriculum, title, language, coach, issued_at, details"


@dataclass(frozen=True, slots=True)
class CertificateRow:
    """A certificate as issued: who, which curriculum, by which coach, when, and the scores it was for."""

    code: str
    trainee: str
    curriculum: str
    title: str
    language: str
    coach: str
    issued_at: str
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, row: Sequence[Any]) -> CertificateRow:
        code, trainee, curriculum, title, language, coach, issued_at, details = row  # CERTIFICATE's columns
        return cls(code, trainee, curriculum, title, language, coach, issued_at, details=json.loads(details or "{}"))


def trade_columns(card: Scorecard) -> tuple[int | None, ...]:
    """The three trade columns: the scorer's score, None for a trade the card has none for."""
    return tuple(t.score if (t := card.trades.get(trade)) else None for trade in TRADES)


def stored_card(text: str | None) -> Scorecard | None:
    """The stored scorecard column, typed (an old row's JSON reads too, and is written back as it was)."""
    return Scorecard.from_dict(json.loads(text)) if text else None


def campaign_tag(manifest: dict[str, Any]) -> tuple[str | None, str | None]:
    curriculum, module = manifest.get("curriculum"), manifest.get("module")
    return (str(curriculum) if curriculum else None, str(module) if module and curriculum else None)


def scenario_hash(scenario: Scenario) -> str:
    """Which version of the scenario was played: the file's bytes when there is a file."""
    path = getattr(scenario, "path", None)
    data = path.read_bytes() if path and path.exists() else scenario.model_dump_json().encode()
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]
