"""Scoring on the three trades: pure functions of a session's events and its scenario's rubric."""

from __future__ import annotations

from typing import Any

from scoring.scorecard import TRADES, Ceiling, Criterion, Evidence, Scorecard, Trade, TradeScore

__all__ = ["TRADES", "Ceiling", "Criterion", "Evidence", "Scorecard", "Trade", "TradeScore", "criterion_ids", "score"]


def __getattr__(name: str) -> Any:
    """`score` and `criterion_ids` load the criteria on first use: the UI starts without them."""
    if name in ("score", "criterion_ids"):
        from scoring import scorer

        return getattr(scorer, name)
    raise AttributeError(f"module 'scoring' has no attribute {name!r}")
