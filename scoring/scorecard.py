"""The scorecard: three trades, each from weighted criteria with the trainee's own words as evidence.

`Scorecard.to_dict()` is the JSON contract coaches script against (`--scorecard-json`), and what the
store keeps: add fields freely, never rename or remove one. `Scorecard.from_dict()` reads it back,
typed, for the store, the exports and the campaign.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from trainer.scenario.kinds import TRADES, Trade

if TYPE_CHECKING:
    from scoring.judgement import Judgement

__all__ = ["SCORECARD_VERSION", "TRADES", "Ceiling", "Criterion", "Evidence", "Scorecard", "Trade", "TradeScore",
           "as_scorecard"]
"""The trades come from the scenario's kinds; scoring and its readers name them from here."""

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        return cls(int(data.get("turn") or 0), data.get("quote"), data.get("action"), data.get("note", ""),
                   bool(data.get("good", True)))


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    title: str
    score: float | None
    """0–1, or None when it does not apply to this conversation."""
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    weight: float = 1.0

    @property
    def percent(self) -> int | None:
        """The score as the JSON and every report give it: 0–100, or None."""
        return None if self.score is None else round(self.score * 100)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "score": self.percent,
            "weight": self.weight,
            "evidence": [e.to_dict() for e in self.evidence],
            "tip": self.tip if self.score is not None and self.score < 1 else "",
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Criterion:
        """A criterion as written: the 0–100 score back on 0–1 (it rounds to the same whole number)."""
        score = data.get("score")
        return cls(str(data.get("id", "")), data.get("title", data.get("id", "")),
                   None if score is None else score / 100, _evidence(data), data.get("tip", ""),
                   data.get("weight", 1.0))


@dataclass(frozen=True, slots=True)
class Ceiling:
    """The highest score a trade can reach after a failure no criterion makes up for (`scoring.ceilings`)."""

    at: int
    why: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "why": self.why, "evidence": [e.to_dict() for e in self.evidence]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Ceiling:
        return cls(int(data.get("at") or 0), data.get("why", ""), _evidence(data))


@dataclass(frozen=True, slots=True)
class TradeScore:
    trade: Trade
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

    @classmethod
    def from_dict(cls, trade: Trade, data: Mapping[str, Any]) -> TradeScore:
        ceiling = data.get("ceiling")
        return cls(trade, int(data["score"]), tuple(Criterion.from_dict(c) for c in data.get("criteria") or ()),
                   None if ceiling is None else Ceiling.from_dict(ceiling), bool(data.get("enough_evidence", True)))


@dataclass(frozen=True, slots=True)
class Scorecard:
    scenario: str
    outcome: str | None
    outcome_kind: str | None
    summary: str
    trades: dict[Trade, TradeScore]
    """All three for a card the scorer made; one read back holds the trades its JSON scored."""
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
    source: Mapping[str, Any] | None = field(default=None, init=False, repr=False, compare=False)
    """The JSON this card was read from (`from_dict`), which `to_dict` gives back as it was: a card an older
    or newer version wrote keeps its exact fields in the store and every export. None for a card the scorer
    made; `dataclasses.replace` drops it, so a changed card is written from its fields."""

    def to_dict(self) -> dict[str, Any]:
        if self.source is not None:
            return deepcopy(dict(self.source))
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
            "trades": {t.value: self.trades[t].to_dict() for t in TRADES},
            "tips": list(self.tips),
        }
        if self.judge is not None:
            out["judge"] = self.judge.to_dict()
        if self.started_from:
            out["started_from"] = self.started_from
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scorecard:
        """The card `to_dict` wrote, typed; a stored card of any version reads (missing fields take their
        defaults, a trade without a score is left out) and is written back unchanged (`source`)."""
        trades = data.get("trades") or {}
        card = cls(
            scenario=data.get("scenario") or "",
            outcome=data.get("outcome"),
            outcome_kind=data.get("outcome_kind"),
            summary=data.get("summary") or "",
            trades={t: TradeScore.from_dict(t, trades[t]) for t in TRADES
                    if isinstance((trades.get(t) or {}).get("score"), int)},
            tips=tuple(data.get("tips") or ()),
            turns=int(data.get("turns") or 0),
            mode=data.get("mode") or "practice",
            hints=int(data.get("hints") or 0),
            judge=_judgement(data.get("judge")),
            started_from=data.get("started_from") or "",
            language=data.get("language") or "en",
        )
        object.__setattr__(card, "source", deepcopy(dict(data)))
        return card

    def without_source(self) -> Scorecard:
        """The same card, written from its fields by `to_dict` (what the scorer would have written)."""
        return replace(self)


def as_scorecard(card: Scorecard | Mapping[str, Any]) -> Scorecard:
    """A scorecard, typed: as it is, or read from its JSON (`Scorecard.to_dict()` output)."""
    return card if isinstance(card, Scorecard) else Scorecard.from_dict(card)


def _evidence(data: Mapping[str, Any]) -> tuple[Evidence, ...]:
    return tuple(Evidence.from_dict(e) for e in data.get("evidence") or ())


def _judgement(data: Any) -> Judgement | None:
    """The judge's opinion as written; None when there is none or it can't be read (an imported card's judge
    is not checked on import: it is an optional second opinion, kept in the JSON either way)."""
    from scoring.judgement import Judgement

    if not isinstance(data, Mapping):
        return None
    try:
        return Judgement.from_dict(data)
    except (TypeError, ValueError, AttributeError):
        return None
