"""Helpers for the campaign's stories: stored-looking session rows at chosen times, and real played sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

from trainer.campaign.library import find_curriculum
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import SessionRow

DAY0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""A Monday morning: the trainee's first day."""


def at(days: float = 0, hours: float = 0) -> datetime:
    return DAY0 + timedelta(days=days, hours=hours)


def stamp(when: datetime) -> str:
    return when.isoformat(timespec="seconds").replace("+00:00", "Z")


_count = iter(range(10**6))


def row(scenario: str, when: datetime, scores: tuple[int, int, int] | None, *, mode: str = "practice",
        curriculum: str | None = None, module: str | None = None, trainee: str = "anna",
        outcome: str | None = "resolved", minutes: int = 12) -> SessionRow:
    """A session as the store lists it; `scores` None: never finished."""
    finished = scores is not None
    return SessionRow(
        id=f"s{next(_count):04d}", trainee=trainee, scenario=scenario, title=find_scenario(scenario).title, language=scenario[-2:],
        channel="twitter", mode=mode, seed=0, started_at=stamp(when),
        updated_at=stamp(when + timedelta(minutes=minutes)),
        ended_at=stamp(when + timedelta(minutes=minutes)) if finished else None, turns=8,
        outcome=outcome if finished else None, outcome_kind="resolved" if finished else None,
        scores=dict(zip(("facilitator", "detective", "plumber"), scores or (None, None, None), strict=True)),
        curriculum=curriculum, module=module,
    )


def test_row(module: str, when: datetime, scores, curriculum: str = "onboarding-en", **kw) -> SessionRow:  # noqa: PT028 - a helper (see __test__ below), not a test
    c = find_curriculum(curriculum)
    return row(c.module(module).test_scenario, when, scores, mode="test", curriculum=c.id, module=module, **kw)


test_row.__test__ = False  # a helper, not a test


@cache
def played(scenario_id: str, playthrough: str):
    """A real session of the scenario, played by one of its scripted trainees."""
    scenario = find_scenario(scenario_id)
    return scenario, run_playthrough(scenario, next(p for p in scenario.playthroughs if p.name == playthrough))


def play_into(store, scenario_id: str, playthrough: str, *, trainee: str = "anna", mode: str = "practice",
              curriculum: str | None = None, module: str | None = None) -> str:
    scenario, result = played(scenario_id, playthrough)
    manifest = {"customer": "scripted"}
    if curriculum:
        manifest.update(curriculum=curriculum, module=module)
    session_id = store.begin(trainee=trainee, scenario=scenario, mode=mode, manifest=manifest)
    store.record(session_id, result.events, 0)
    store.finish(session_id, result.scorecard.to_dict())
    return session_id
