"""A class in a curriculum, for its coach: where each trainee is and since when, and which criteria the class
fails most. Read from the store; the review app's cohort screen shows it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from trainer.campaign.progress import parse_time, progress
from trainer.scenario.kinds import TRADES, Trade

if TYPE_CHECKING:
    from scoring.scorecard import Scorecard
    from trainer.campaign.models import Curriculum
    from trainer.campaign.progress import Progress
    from trainer.store import SessionRow, Store


@dataclass(frozen=True)
class TraineeLine:
    trainee: str
    progress: Progress
    passed: int
    stuck_days: int | None
    """Whole days since their last progress (a module passed, else their first session); None: all passed."""
    last_played: str | None

    @property
    def current(self) -> str | None:
        return self.progress.current.module.title if self.progress.current else None


@dataclass(frozen=True)
class CriterionLine:
    trade: str
    criterion: str
    title: str
    average: int
    sessions: int


@dataclass(frozen=True)
class Cohort:
    curriculum: Curriculum
    trainees: tuple[TraineeLine, ...]
    criteria: tuple[CriterionLine, ...]
    """Lowest class average first."""

    def leaderboard(self, module_id: str, opted_in: set[str]) -> list[tuple[str, dict[Trade, int | None]]]:
        """Opted-in trainees with a best score in the module, highest total first."""
        out = []
        for line in self.trainees:
            if line.trainee not in opted_in:
                continue
            module = next((m for m in line.progress.modules if m.module.id == module_id), None)
            if module is not None and any(v is not None for v in module.best.values()):
                out.append((line.trainee, dict(module.best)))
        return sorted(out, key=lambda item: (-sum(v or 0 for v in item[1].values()), item[0]))


def read_cohort(store: Store, curriculum: Curriculum, now: datetime) -> Cohort:
    """Every trainee with a session played for the curriculum, and the class's scorecards in its scenarios."""
    trainees = sorted({r.trainee for r in store.sessions(curriculum=curriculum.id)})
    ids = set(curriculum.scenario_ids)
    lines, class_cards = [], []
    for trainee in trainees:
        rows = store.sessions(trainee=trainee, order="started_at", descending=False)
        cards = store.scorecards([r.id for r in rows if r.finished])
        mine = progress(curriculum, rows, cards, now, trainee=trainee)
        played = [r for r in rows if r.scenario in ids or r.curriculum == curriculum.id]
        class_cards += [cards[r.id] for r in played if r.id in cards]
        lines.append(TraineeLine(trainee, mine, sum(m.passed for m in mine.modules), _stuck(mine, played, now),
                                 max((r.ended_at or r.updated_at for r in played), default=None)))
    return Cohort(curriculum, tuple(lines), class_criteria(class_cards))


def _stuck(progress: Progress, rows: list[SessionRow], now: datetime) -> int | None:
    """Whole days since their latest module was passed (or since their first session, before any)."""
    if progress.current is None:
        return None
    passed = [m.passed_at for m in progress.modules if m.passed_at]
    since = max(passed) if passed else (rows[0].started_at if rows else None)
    return max(0, (now - parse_time(since)).days) if since else None


def class_criteria(cards: Iterable[Scorecard]) -> tuple[CriterionLine, ...]:
    """Each criterion's score averaged over the class's scorecards (where it applied), lowest first."""
    from scoring.scorecard import as_scorecard

    totals: dict[tuple[str, str], list[int]] = {}
    titles: dict[tuple[str, str], str] = {}
    for card in map(as_scorecard, cards):
        for trade, data in card.trades.items():
            for criterion in data.criteria:
                if criterion.percent is None:
                    continue
                key = (trade, criterion.id)
                totals.setdefault(key, []).append(criterion.percent)
                titles[key] = criterion.title
    lines = [CriterionLine(trade, cid, titles[(trade, cid)], round(sum(v) / len(v)), len(v))
             for (trade, cid), v in totals.items()]
    return tuple(sorted(lines, key=lambda c: (c.average, TRADES.index(c.trade) if c.trade in TRADES else 9,
                                              c.title)))
