"""The LLM judge's second opinion: a 0–3 rating per criterion with a quote, and how far it agrees with the scorer.

Plain data (no LLM here): `trainer.judge` makes a Judgement; the scorecard carries it beside the
deterministic scores, which it never replaces. Its texts are the catalogue's `judge.*`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from trainer.texts import known, tr


def band(score: float) -> int:
    """The scorer's 0–1 score on the judge's 0–3 scale, in quarters: <.25 → 0, <.5 → 1, <.75 → 2, else 3."""
    return min(3, max(0, int(score * 4)))


@dataclass(frozen=True, slots=True)
class JudgeRating:
    trade: str
    criterion: str
    scorer: int
    """The deterministic score on the 0–3 scale (`band`)."""
    rating: int | None = None
    """0–3, or None when the judge gave none."""
    quote: str | None = None
    """Checked to occur in one of the trainee's messages."""
    turn: int | None = None
    """The turn of the message the quote is from."""
    reason: str = ""
    rejected_quote: str | None = None
    """What the judge quoted that is not in the trainee's messages (shown as left out, never as evidence)."""

    @property
    def agrees(self) -> bool | None:
        """Within one point of the scorer."""
        return None if self.rating is None else abs(self.rating - self.scorer) <= 1

    def line(self, language: str) -> str:
        """`judge 2/3 (scorer 1/3) — “quote” — reason`."""
        head = tr(language, "judge.no_rating") if self.rating is None else \
            tr(language, "judge.rating", rating=self.rating, scorer=self.scorer)
        quote = f"“{self.quote}”" if self.quote else ""
        dropped = f"({tr(language, 'judge.dropped')})" if self.rejected_quote else ""
        return " — ".join(x for x in (head, quote, self.reason, dropped) if x)

    def to_dict(self) -> dict[str, Any]:
        return {"trade": self.trade, "criterion": self.criterion, "rating": self.rating, "scorer": self.scorer,
                "agrees": self.agrees, "quote": self.quote, "turn": self.turn, "reason": self.reason,
                "rejected_quote": self.rejected_quote}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JudgeRating:
        return cls(data.get("trade", ""), data.get("criterion", ""), int(data.get("scorer") or 0), data.get("rating"),
                   data.get("quote"), data.get("turn"), data.get("reason", ""), data.get("rejected_quote"))


@dataclass(frozen=True, slots=True)
class Judgement:
    model: str
    host: str
    language: str = "en"
    ratings: tuple[JudgeRating, ...] = ()
    problem: str = ""
    """Why the judge is unavailable: a kind (`timeout`, `malformed`, `not_configured`…); empty when it judged."""
    detail: str = ""
    """More about the problem, e.g. `HTTP 503` (never a key)."""
    usage: dict[str, int] = field(default_factory=dict)
    """requests, tokens_in, tokens_out."""

    @property
    def available(self) -> bool:
        return not self.problem

    def unavailable_note(self, language: str | None = None) -> str:
        """`LLM judge unavailable: the model did not answer in time (…)`; empty when it judged."""
        if not self.problem:
            return ""
        language = language or self.language
        key = f"judge.kind.{self.problem}"
        why = tr(language, key) if known(key) else self.problem
        return tr(language, "judge.unavailable", why=f"{why} ({self.detail})" if self.detail else why)

    @property
    def note(self) -> str:
        return self.unavailable_note()

    @property
    def rated(self) -> tuple[JudgeRating, ...]:
        return tuple(r for r in self.ratings if r.rating is not None)

    @property
    def agreement(self) -> float | None:
        """Share of rated criteria where judge and scorer are within one point (None: nothing rated)."""
        rated = self.rated
        return sum(bool(r.agrees) for r in rated) / len(rated) if rated else None

    @property
    def exact(self) -> float | None:
        """Share of rated criteria where judge and scorer give the same 0–3 rating."""
        rated = self.rated
        return sum(r.rating == r.scorer for r in rated) / len(rated) if rated else None

    def rating_for(self, trade: str, criterion: str) -> JudgeRating | None:
        return next((r for r in self.ratings if r.trade == trade and r.criterion == criterion), None)

    def title(self, language: str | None = None) -> str:
        return tr(language or self.language, "judge.title", model=self.model or "?", host=self.host or "?")

    def summary(self, language: str | None = None) -> str:
        """One line: the agreement, or why the judge is unavailable."""
        language = language or self.language
        if not self.available:
            return self.unavailable_note(language)
        rated = self.rated
        if not rated:
            return f"{self.title(language)}: {tr(language, 'judge.none_rated')}"
        near = sum(bool(r.agrees) for r in rated)
        exact = sum(r.rating == r.scorer for r in rated)
        agreement = tr(language, "judge.agreement", near=near, total=len(rated), pct=round(100 * near / len(rated)),
                         exact=exact)
        return f"{self.title(language)}: {agreement}"

    def to_dict(self) -> dict[str, Any]:
        agreement, exact = self.agreement, self.exact
        return {
            "model": self.model,
            "host": self.host,
            "language": self.language,
            "available": self.available,
            "note": self.note,
            "problem": self.problem,
            "agreement": None if agreement is None else round(agreement, 3),
            "exact": None if exact is None else round(exact, 3),
            "usage": dict(self.usage),
            "ratings": [r.to_dict() for r in self.ratings],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Judgement:
        """The judgement `to_dict` wrote (what it works out — agreement, note — is worked out again)."""
        return cls(data.get("model", ""), data.get("host", ""), data.get("language", "en"),
                   tuple(JudgeRating.from_dict(r) for r in data.get("ratings") or ()), data.get("problem", ""),
                   data.get("detail", ""), dict(data.get("usage") or {}))


def unavailable(kind: str, detail: str = "", *, model: str = "", host: str = "", language: str = "en",
                usage: dict[str, int] | None = None) -> Judgement:
    """A Judgement that says why there is no second opinion (`kind` as in the catalogue's `judge.kind.*`)."""
    return Judgement(model, host, language, problem=kind, detail=detail, usage=usage or {})
