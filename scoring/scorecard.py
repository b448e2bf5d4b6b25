"""The scorecard: three trades, each from weighted criteria with the trainee's own words as evidence.

`Scorecard.to_dict()` is the JSON contract coaches script against (`--scorecard-json`):
add fields freely, never rename or remove one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.judgement import Judgement

TRADES = ("facilitator", "detective", "plumber")
SCORECARD_VERSION = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """A turn that counted: a quote of the trainee's message, or the action taken."""

    turn: int
    quote: str | None = None
    action: str | None = None
    note: str = ""
    good: bool = True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn}
        if self.quote is not None:
            out["quote"] = self.quote
        if self.action is not None:
            out["action"] = self.action
        out["note"] = self.note
        out["good"] = self.good
        return out


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    title: str
    score: float | None
    """0–1, or None when it does not apply to this conversation."""
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "score": None if self.score is None else round(self.score * 100),
            "weight": self.weight,
            "evidence": [e.to_dict() for e in self.evidence],
            "tip": self.tip if self.score is not None and self.score < 1 else "",
        }


@dataclass(frozen=True, slots=True)
class Ceiling:
    """The highest score a trade can reach after a failure no criterion makes up for (`scoring.ceilings`)."""

    at: int
    why: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "why": self.why, "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class TradeScore:
    trade: str
    score: int
    criteria: tuple[Criterion, ...]
    ceiling: Ceiling | None = None
    """A failure no criterion makes up for, named whether or not the criteria had already scored lower."""
    enough: bool = True
    """False when too few criteria applied to judge the trade (the generic rubric, a short transcript): the
    score is kept in the JSON, and every report says "not enough evidence" instead of showing it."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "criteria": [c.to_dict() for c in self.criteria]}
        if self.ceiling is not None:
            out["ceiling"] = self.ceiling.to_dict()
        if not self.enough:
            out["enough_evidence"] = False
        return out

    @property
    def shown(self) -> str:
        """The score as a report shows it: the number, or "–" when there is not enough evidence."""
        return str(self.score) if self.enough else "–"


@dataclass(frozen=True, slots=True)
class Scorecard:
    scenario: str
    outcome: str | None
    outcome_kind: str | None
    summary: str
    trades: dict[str, TradeScore]
    tips: tuple[str, ...] = field(default=())
    turns: int = 0
    mode: str = "practice"
    hints: int = 0
    """Hints the trainee asked for (practice mode)."""
    judge: Judgement | None = None
    """The optional LLM judge's second opinion (`trainer.judge`); it never changes the scores."""
    started_from: str = ""
    """The state the session opened in when started part-way (`webcare play --from`); empty: from the start."""
    language: str = "en"
    """The session's language ("en" or "nl"): the plain-text report speaks it."""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "version": SCORECARD_VERSION,
            "scenario": self.scenario,
            "outcome": self.outcome,
            "outcome_kind": self.outcome_kind,
            "summary": self.summary,
            "turns": self.turns,
            "mode": self.mode,
            "hints": self.hints,
            "language": self.language,
            "trades": {name: self.trades[name].to_dict() for name in TRADES},
            "tips": list(self.tips),
        }
        if self.judge is not None:
            out["judge"] = self.judge.to_dict()
        if self.started_from:
            out["started_from"] = self.started_from
        return out
