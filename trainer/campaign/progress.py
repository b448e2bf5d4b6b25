"""A trainee's progress through a curriculum, worked out from their stored sessions (pure: no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from trainer.campaign.badges import EarnedBadge, earned
from trainer.campaign.models import BadgeRule, Curriculum, Module
from trainer.scenario.kinds import TRADES, Trade
from trainer.texts import tr

if TYPE_CHECKING:
    from scoring.scorecard import Scorecard

__all__ = ["EarnedBadge", "ModuleProgress", "Progress", "passes", "progress"]

Scores = dict[Trade, int | None]


@dataclass(frozen=True)
class ModuleProgress:
    module: Module
    unlocked: bool
    practised: bool
    """At least one finished practice attempt at one of the module's scenarios."""
    passed: bool
    attempts: int
    """Sessions at the module's scenarios (practice and test, finished or not)."""
    tests: int
    """Test attempts of this module (tagged with the curriculum and module)."""
    best: Scores
    latest: Scores
    next_scenario: str | None
    """What to play next in this module (None when passed or locked)."""
    next_mode: Literal["practice", "test"] | None
    test_open_at: str | None
    """ISO time (UTC) the next test attempt opens (the attempt window); None: now, or no test pending."""
    passed_with: Scores | None = None
    """The scores of the test that passed it."""
    passed_at: str | None = None

    @property
    def can_test(self) -> bool:
        return self.next_mode == "test"

    def test_open(self, now: datetime) -> bool:
        """The module's test may be taken now (outside its attempt window it may not)."""
        return not self.test_open_at or parse_time(self.test_open_at) <= now


@dataclass(frozen=True)
class Progress:
    curriculum: Curriculum
    trainee: str
    modules: tuple[ModuleProgress, ...]
    current: ModuleProgress | None
    """The first unlocked, unpassed module (None: all passed)."""
    streak_days: int
    """Consecutive days (UTC) with at least one finished session, up to today (or yesterday, before today's)."""
    series: dict[Trade, tuple[int, ...]]
    """The trainee's scores per trade in this curriculum's scenarios over time, oldest first."""
    badges: tuple[EarnedBadge, ...] = ()
    titles: Mapping[str, str] = field(default_factory=dict, repr=False)
    """Scenario id → title, for the texts."""
    now: datetime | None = field(default=None, repr=False)

    @property
    def passed(self) -> bool:
        return all(m.passed for m in self.modules)

    def module(self, module_id: str) -> ModuleProgress | None:
        return next((m for m in self.modules if m.module.id == module_id), None)

    def title(self, scenario_id: str | None) -> str:
        return self.titles.get(scenario_id or "", scenario_id or "")

    def next_step(self) -> str:
        """One sentence, in the curriculum's language: what to do next."""
        lang = self.curriculum.language
        if not self.modules:
            return tr(lang, "campaign.next.empty")
        m = self.current
        if m is None:
            return tr(lang, "campaign.next.done", curriculum=self.curriculum.title)
        n = self.modules.index(m) + 1
        scenario = self.title(m.next_scenario)
        if m.test_open_at:
            return tr(lang, "campaign.next.wait", module=m.module.title, scenario=scenario,
                        when=when(lang, m.test_open_at))
        if m.next_mode == "test":
            return tr(lang, "campaign.next.test", module=m.module.title, scenario=scenario,
                        marks=_marks(lang, m.module.pass_mark))
        if m.tests:
            return tr(lang, "campaign.next.practise_again", module=m.module.title, scenario=scenario)
        return tr(lang, "campaign.next.practise", scenario=scenario, n=n, module=m.module.title)


def _marks(language: str, pass_mark: Mapping[Trade, int]) -> str:
    """`facilitator 75 · detective 60`."""
    return " · ".join(tr(language, f"campaign.trade.{t}") + f" {m}" for t, m in pass_mark.items())


def when(language: str, iso: str) -> str:
    at = parse_time(iso)
    return tr(language, "campaign.when", date=at.strftime("%Y-%m-%d"), time=at.strftime("%H:%M"))


def shown_time(stamp: str) -> str:
    """`2025-03-04 14:00 UTC`: the same for every trainee, whatever their terminal's zone."""
    return parse_time(stamp).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def parse_time(iso: str) -> datetime:
    at = datetime.fromisoformat(iso)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def passes(module: Module, scores: Mapping[str, int | None]) -> bool:
    """Every trade with a pass mark reached it."""
    return all((-1 if (got := scores.get(t)) is None else got) >= mark for t, mark in module.pass_mark.items())


def _scored(row: Any) -> bool:
    """Finished with scores: not abandoned, not still open."""
    return row.ended_at is not None and row.outcome != "abandoned" and any(
        v is not None for v in row.scores.values())


def progress(curriculum: Curriculum, rows: Iterable[Any], cards: Mapping[str, Scorecard] | None = None,
             now: datetime | None = None, *, trainee: str | None = None,
             badges: Sequence[BadgeRule] | None = None, titles: Mapping[str, str] | None = None) -> Progress:
    """Where the trainee stands. `rows`: their sessions (trainer.store.SessionRow); `cards`: session id →
    scorecard (`Store.scorecards`), for badges; `badges`: the rules (default: the built-in ones); `titles`: scenario id →
    title (default: the built-in library's)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    rows = sorted(rows, key=lambda r: (r.started_at, r.id))
    if badges is None or titles is None:
        from trainer.campaign import library

        badges = library.builtin_badges() if badges is None else badges
        titles = {**{r.scenario: r.title for r in rows}, **library.scenario_titles()} if titles is None else titles
    window = timedelta(hours=curriculum.test_window_hours)
    modules: list[ModuleProgress] = []
    unlocked = True
    for module in curriculum.modules:
        mp = _module(curriculum, module, rows, unlocked, window, now)
        modules.append(mp)
        unlocked = unlocked and mp.passed
    in_curriculum = set(curriculum.scenario_ids)
    done = sorted((r for r in rows if _scored(r)), key=lambda r: (r.ended_at, r.id))
    series = {t: tuple(r.scores[t] for r in done if r.scenario in in_curriculum and r.scores.get(t) is not None)
              for t in TRADES}
    cards = cards or {}
    sessions = [(r.id, r.ended_at, cards[r.id]) for r in done if r.id in cards]
    return Progress(
        curriculum=curriculum,
        trainee=trainee if trainee is not None else (rows[0].trainee if rows else ""),
        modules=tuple(modules),
        current=next((m for m in modules if m.unlocked and not m.passed), None),
        streak_days=streak([parse_time(r.ended_at) for r in done], now),
        series=series,
        badges=earned(badges, sessions, curriculum.language),
        titles=dict(titles),
        now=now,
    )


def _module(c: Curriculum, module: Module, rows: list[Any], unlocked: bool, window: timedelta,
            now: datetime) -> ModuleProgress:
    def is_test(r: Any) -> bool:
        return r.mode == "test" and r.curriculum == c.id and r.module == module.id

    mine = [r for r in rows if r.scenario in module.scenarios or is_test(r)]
    tests = [r for r in mine if is_test(r)]
    practice = [r for r in mine if not is_test(r) and _scored(r)]
    scored = [r for r in mine if _scored(r)]
    # Best so far is one attempt, the best on all three trades together: never one trade from one attempt
    # and another trade from the next.
    best_row = max(scored, key=lambda r: (sum(v for v in r.scores.values() if v is not None), r.ended_at, r.id),
                   default=None)
    best: Scores = {t: best_row.scores.get(t) for t in TRADES} if best_row else dict.fromkeys(TRADES)
    latest_row = max(scored, key=lambda r: (r.ended_at, r.id), default=None)
    latest: Scores = {t: latest_row.scores.get(t) for t in TRADES} if latest_row else dict.fromkeys(TRADES)
    passing = next((r for r in tests if _scored(r) and passes(module, r.scores)), None)
    passed = passing is not None
    next_scenario: str | None = None
    next_mode: Literal["practice", "test"] | None = None
    open_at: str | None = None
    if unlocked and not passed:
        last_test = tests[-1] if tests else None
        since = last_test.started_at if last_test else ""
        practised_since = [r for r in practice if r.started_at > since]
        if last_test is not None and window and parse_time(last_test.started_at) + window > now:
            open_at = iso(parse_time(last_test.started_at) + window)
        if open_at or (module.practice_first and not practised_since):
            played = {r.scenario for r in practised_since}
            next_scenario = next((s for s in module.scenarios if s not in played), module.test_scenario)
            next_mode = "practice"
        else:
            next_scenario, next_mode = module.test_scenario, "test"
    return ModuleProgress(
        module=module, unlocked=unlocked, practised=bool(practice), passed=passed, attempts=len(mine),
        tests=len(tests), best=best, latest=latest, next_scenario=next_scenario, next_mode=next_mode,
        test_open_at=open_at, passed_with=dict(passing.scores) if passing else None,
        passed_at=passing.ended_at if passing else None,
    )


def streak(finished: Iterable[datetime], now: datetime) -> int:
    """Consecutive UTC days with a finished session, counting back from today (or from yesterday when
    today has none yet: a streak lasts until the day is over)."""
    days = {at.astimezone(UTC).date() for at in finished}
    day = now.astimezone(UTC).date()
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
