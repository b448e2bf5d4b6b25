"""Badges earned: the first finished session whose scorecard shows the behaviour a badge rule asks for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scoring.scorecard import Criterion, Scorecard, as_scorecard
from trainer.campaign.models import Badge, BadgeRule


@dataclass(frozen=True, slots=True)
class EarnedBadge:
    badge: Badge
    session_id: str
    earned_at: str


def _criteria(card: Scorecard) -> dict[str, Criterion]:
    return {c.id: c for t in card.trades.values() for c in t.criteria}


def earns(rule: BadgeRule, scorecard: Scorecard | Mapping[str, Any]) -> bool:
    """True when the scorecard (or its JSON, `Scorecard.to_dict()`) meets every condition of the rule."""
    w = rule.when
    card = as_scorecard(scorecard)
    criteria = _criteria(card)
    for name, least in w.criteria.items():
        found = criteria.get(name)
        if found is None or found.percent is None or found.percent < least:
            return False
    for trade, least in w.scores.items():
        score = card.trades[trade].score if trade in card.trades else None
        if score is None or score < least:
            return False
    if w.outcome_kind and card.outcome_kind not in w.outcome_kind:
        return False
    if w.scenarios and card.scenario not in w.scenarios:
        return False
    if w.mode and card.mode != w.mode:
        return False
    if w.max_hints is not None and card.hints > w.max_hints:
        return False
    if w.no_poor_fix:
        fix = criteria.get("fitting_resolution")
        if fix is not None and fix.percent is not None and (
                fix.percent < 100 or any(not e.good for e in fix.evidence)):
            return False
    return True


def earned(rules: Iterable[BadgeRule], sessions: Sequence[tuple[str, str, Scorecard | Mapping[str, Any]]],
           language: str) -> tuple[EarnedBadge, ...]:
    """Each badge once, from the first of `sessions` — (id, ended at, scorecard), oldest first — that earns it."""
    out = []
    for rule in rules:
        first = next(((sid, at) for sid, at, card in sessions if earns(rule, card)), None)
        if first is not None:
            out.append(EarnedBadge(rule.badge(language), *first))
    return tuple(sorted(out, key=lambda e: e.earned_at))


def new_badges(rules: Iterable[BadgeRule], card: Scorecard | Mapping[str, Any], language: str,
               already: Iterable[str] = ()) -> tuple[Badge, ...]:
    """The badges this one scorecard earns that were not earned before (ids in `already`): for the scorecard."""
    have = set(already)
    return tuple(r.badge(language) for r in rules if r.id not in have and earns(r, card))
