"""Badges earned: the first finished session whose scorecard shows the behaviour a badge rule asks for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from trainer.campaign.models import Badge, BadgeRule


@dataclass(frozen=True, slots=True)
class EarnedBadge:
    badge: Badge
    session_id: str
    earned_at: str


def _criteria(card: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {c.get("id"): c for t in (card.get("trades") or {}).values() for c in t.get("criteria", [])}


def earns(rule: BadgeRule, card: Mapping[str, Any]) -> bool:
    """True when the scorecard (`Scorecard.to_dict()`) meets every condition of the rule."""
    w = rule.when
    criteria = _criteria(card)
    for name, least in w.criteria.items():
        found = criteria.get(name)
        if found is None or found.get("score") is None or found["score"] < least:
            return False
    trades = card.get("trades") or {}
    for trade, least in w.scores.items():
        score = (trades.get(trade) or {}).get("score")
        if score is None or score < least:
            return False
    if w.outcome_kind and card.get("outcome_kind") not in w.outcome_kind:
        return False
    if w.scenarios and card.get("scenario") not in w.scenarios:
        return False
    if w.mode and card.get("mode", "practice") != w.mode:
        return False
    if w.max_hints is not None and int(card.get("hints") or 0) > w.max_hints:
        return False
    if w.no_poor_fix:
        fix = criteria.get("fitting_resolution")
        if fix is not None and fix.get("score") is not None and (
                fix["score"] < 100 or any(not e.get("good", True) for e in fix.get("evidence", []))):
            return False
    return True


def earned(rules: Iterable[BadgeRule], sessions: Sequence[tuple[str, str, Mapping[str, Any]]],
           language: str) -> tuple[EarnedBadge, ...]:
    """Each badge once, from the first of `sessions` — (id, ended at, scorecard), oldest first — that earns it."""
    out = []
    for rule in rules:
        first = next(((sid, at) for sid, at, card in sessions if earns(rule, card)), None)
        if first is not None:
            out.append(EarnedBadge(rule.badge(language), *first))
    return tuple(sorted(out, key=lambda e: e.earned_at))


def new_badges(rules: Iterable[BadgeRule], card: Mapping[str, Any], language: str,
               already: Iterable[str] = ()) -> tuple[Badge, ...]:
    """The badges this one scorecard earns that were not earned before (ids in `already`): for the scorecard."""
    have = set(already)
    return tuple(r.badge(language) for r in rules if r.id not in have and earns(r, card))
