"""Score a session: a pure function of its events and its scenario's rubric."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from scoring.ceilings import ceilings
from scoring.criteria import CRITERIA
from scoring.criteria.common import generic
from scoring.scorecard import TRADES, Criterion, Scorecard, TradeScore
from scoring.transcript import Transcript, digest
from trainer.engine.events import Event
from trainer.scenario.kinds import Trade
from trainer.scenario.models import Scenario
from trainer.texts import tr

MAX_TIPS = 3
MIN_CRITERIA = 3
"""Without a case (the generic rubric), a trade judged on fewer criteria than this says "not enough
evidence": "I'll get back to you tomorrow" alone is no plumber's 100."""
DEFAULT_WEIGHTS = {"facilitator": {"prompt": 0.5}, "plumber": {"fitting_resolution": 2.0}}
"""Speed alone is cheap: a fast template is still a template. The fix that fits is the plumber's core:
a full refund with no explanation is more of a fix than a guess and a promise to call back."""


def criterion_ids() -> dict[str, tuple[str, ...]]:
    """Every criterion id per trade (rubric weights may name these)."""
    return {trade: tuple(fn.__name__ for fn in fns) for trade, fns in CRITERIA.items()}


def score(events: Sequence[Event], scenario: Scenario) -> Scorecard:
    transcript = digest(list(events))
    found: dict[Trade, tuple[Criterion, ...]] = {}
    for trade in TRADES:
        weights = {**DEFAULT_WEIGHTS.get(trade, {}), **scenario.rubric.weights.get(trade, {})}
        found[trade] = tuple(
            replace(c, weight=weights.get(c.id, 1.0))
            for c in (fn(transcript, scenario) for fn in CRITERIA[trade])
        )
    caps = ceilings(transcript, scenario, found)
    trades: dict[Trade, TradeScore] = {}
    for trade, criteria in found.items():
        earned = _trade_score(criteria)
        cap = caps.get(trade)
        applied = sum(1 for c in criteria if c.score is not None and c.weight > 0)
        trades[trade] = TradeScore(trade, earned if cap is None else min(earned, cap.at), criteria, cap,
                                   enough=applied >= MIN_CRITERIA or not generic(scenario))
    return Scorecard(
        scenario=scenario.id,
        outcome=transcript.outcome,
        outcome_kind=transcript.outcome_kind,
        summary=_summary(transcript),
        trades=trades,
        tips=_tips(trades),
        turns=transcript.last_turn,
        mode=transcript.mode,
        hints=transcript.hints,
        started_from=transcript.started_from,
        language=transcript.language,
    )


def _summary(transcript: Transcript) -> str:
    """The outcome's summary; for a session started part-way, a note that says so first."""
    if not transcript.started_from:
        return transcript.summary
    note = tr(transcript.language, "score.started_from", state=transcript.started_from)
    return f"{note} {transcript.summary}".strip()


def _trade_score(criteria: tuple[Criterion, ...]) -> int:
    counted = [(c.weight, c.score) for c in criteria if c.score is not None and c.weight > 0]
    total = sum(weight for weight, _ in counted)
    if not total:
        return 0
    return round(100 * sum(weight * score for weight, score in counted) / total)


def _tips(trades: Mapping[Trade, TradeScore]) -> tuple[str, ...]:
    """The few things that would have gained the most, biggest loss first."""
    losses = [
        (c.weight * (1 - c.score) / max(1, len(t.criteria)), c.tip)
        for t in trades.values()
        for c in t.criteria
        if c.score is not None and c.score < 1 and c.tip
    ]
    losses.sort(key=lambda x: -x[0])
    tips: list[str] = []
    for _, tip in losses:
        if tip not in tips:
            tips.append(tip)
    return tuple(tips[:MAX_TIPS])
