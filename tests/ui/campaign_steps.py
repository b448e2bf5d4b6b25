"""Steps the curriculum stories share: a test curriculum over the legroom case, and a class seeded at fixed times."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.ui.conftest import LEGROOM
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import SessionRow, StoredSession

ROOT = Path(__file__).resolve().parents[2]
COURSE = str(ROOT / "tests" / "data" / "campaign" / "legroom-course.yaml")
"""Two modules: the legroom case (find the facts), then the public-details case, locked until the first is passed."""
PUBLIC = ROOT / "scenarios" / "public-details-en.yaml"
PATHS = [*LEGROOM, PUBLIC]
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
"""Today, for the snapshots: progress, streaks and "stuck for" depend on it."""

_RUNS: dict[str, object] = {}


def run(name: str):
    """The legroom case's playthrough `name`, played once per test process."""
    if name not in _RUNS:
        scenario = find_scenario("legroom-en")
        _RUNS[name] = run_playthrough(scenario, next(p for p in scenario.playthroughs if p.name == name))
    return _RUNS[name]


def seed(store, trainee: str, playthrough: str, mode: str, day: str, number: int = 0,
         curriculum: str = "legroom-course") -> str:
    """A finished legroom session of `trainee` for the curriculum's module "find-the-facts", played on `day`
    (YYYY-MM-DD) at 10:00 + number minutes UTC."""
    result = run(playthrough)
    card = result.scorecard.to_dict()
    card["mode"] = mode
    at = f"{day}T10:{number:02d}:00.000000Z"
    ended = f"{day}T10:{number:02d}:30.000000Z"
    session_id = f"{trainee}-{day}-{number}"
    row = SessionRow(session_id, trainee, "legroom-en", "The legroom that never was", "en", "twitter", mode, 0, at,
                     ended, ended, result.scorecard.turns, result.scorecard.outcome, result.scorecard.outcome_kind,
                     {t: card["trades"][t]["score"] for t in ("facilitator", "detective", "plumber")},
                     curriculum=curriculum, module="find-the-facts")
    manifest = {"curriculum": curriculum, "module": "find-the-facts"}
    store.put(StoredSession(row, list(result.events), card, manifest))
    return session_id
