"""Scoring on the three trades: pure functions of a session's events and its scenario's rubric."""

from scoring.scorecard import TRADES, Criterion, Evidence, Scorecard, TradeScore
from scoring.scorer import criterion_ids, score

__all__ = ["TRADES", "Criterion", "Evidence", "Scorecard", "TradeScore", "criterion_ids", "score"]
