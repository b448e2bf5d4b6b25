"""Criteria per trade: each a pure function of the transcript and the scenario."""

from __future__ import annotations

from collections.abc import Callable

from scoring.criteria import detective, facilitator, plumber
from scoring.scorecard import Criterion
from scoring.transcript import Transcript
from trainer.scenario.models import Scenario

CriterionFn = Callable[[Transcript, Scenario], Criterion]

CRITERIA: dict[str, tuple[CriterionFn, ...]] = {
    "facilitator": facilitator.CRITERIA,
    "detective": detective.CRITERIA,
    "plumber": plumber.CRITERIA,
}
