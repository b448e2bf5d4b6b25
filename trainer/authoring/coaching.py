"""How far the scorer agrees with a coach.

A coach set (`tests/data/coach/ID.yaml`) holds plays of one scenario, ranked per trade by a coach before
anything was scored, and gaming attempts, each with the band of scores per trade a coach would sign. The
figures: Kendall's tau-b per trade between the coach's ranks and the scorer's scores, and which gaming
attempts land outside their band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scoring import TRADES, Scorecard, score
from trainer.engine.events import ActionTaken, LookedUp
from trainer.playthrough import SECONDS_PER_MESSAGE, play_script
from trainer.scenario.kinds import Trade
from trainer.scenario.models import Scenario
from trainer.texts import tr


@dataclass(frozen=True)
class Play:
    name: str
    about: str
    moves: tuple[str, ...]
    seconds_per_message: float = SECONDS_PER_MESSAGE
    rank: dict[Trade, int] = field(default_factory=dict)
    """Per trade, 1 = the coach's best in the set (ties share a number)."""
    band: dict[Trade, tuple[int, int]] = field(default_factory=dict)
    """Per trade, the lowest and highest score a coach would sign (gaming attempts)."""


@dataclass(frozen=True)
class CoachSet:
    path: Path
    scenario: str
    plays: tuple[Play, ...]
    gaming: tuple[Play, ...]


def load_coach_set(path: Path) -> CoachSet:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def play(item: dict) -> Play:
        return Play(item["name"], item.get("about", ""), tuple(str(m) for m in item["moves"]),
                    float(item.get("seconds_per_message", SECONDS_PER_MESSAGE)),
                    {Trade(t): int(r) for t, r in (item.get("rank") or {}).items()},
                    {Trade(t): (int(b[0]), int(b[1])) for t, b in (item.get("band") or {}).items()})

    return CoachSet(path, raw["scenario"], tuple(play(p) for p in raw.get("plays") or ()),
                    tuple(play(p) for p in raw.get("gaming") or ()))


def tau_b(xs: list[float], ys: list[float]) -> float:
    """Kendall's tau-b: agreement of two orders, ties allowed in either (1 = the same order, −1 = reversed)."""
    concordant = discordant = ties_x = ties_y = 0
    n = len(xs)
    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            if dx == 0 and dy == 0:
                ties_x += 1
                ties_y += 1
            elif dx == 0:
                ties_x += 1
            elif dy == 0:
                ties_y += 1
            elif (dx > 0) == (dy > 0):
                concordant += 1
            else:
                discordant += 1
    pairs = n * (n - 1) // 2
    denominator = math.sqrt((pairs - ties_x) * (pairs - ties_y))
    return (concordant - discordant) / denominator if denominator else 0.0


@dataclass
class Agreement:
    """One coach set against the scorer."""

    scenario: str
    cards: dict[str, Scorecard]
    """Every play's and gaming attempt's scorecard, by name."""
    tau: dict[Trade, float]
    outside: list[tuple[str, Trade, int, tuple[int, int]]]
    """Gaming attempts outside their band: (name, trade, score, band)."""
    problems: list[str]
    """Moves the game could not read or never reached: the set needs mending, not the scorer."""
    refusals: list[str] = field(default_factory=list)
    """Look-ups and actions the game refused (the facts they need were not found yet): shown, not failed."""

    def scores(self, name: str) -> dict[str, int]:
        return {t: self.cards[name].trades[t].score for t in TRADES}


def agreement(coach: CoachSet, scenario: Scenario) -> Agreement:
    cards: dict[str, Scorecard] = {}
    problems: list[str] = []
    refusals: list[str] = []
    for play in (*coach.plays, *coach.gaming):
        game, _, left, refused = play_script(scenario, play.moves, seconds_per_message=play.seconds_per_message)
        cards[play.name] = score(game.session.events, scenario)
        problems += [f"{play.name}: move {n} refused: {message}" for n, _, message in refused]
        if left:
            problems.append(f"{play.name}: the conversation ended with {tr('en', 'count.move', n=len(left))} unplayed")
        refusals += [f"{play.name}: {e.result}" for e in game.session.events
                     if isinstance(e, (ActionTaken, LookedUp)) and not e.ok]
    tau: dict[Trade, float] = {}
    for trade in TRADES:
        ranked = [p for p in coach.plays if trade in p.rank]
        tau[trade] = tau_b([-p.rank[trade] for p in ranked], [cards[p.name].trades[trade].score for p in ranked])
    outside = [
        (p.name, trade, got, (low, high))
        for p in coach.gaming
        for trade, (low, high) in p.band.items()
        if not low <= (got := cards[p.name].trades[trade].score) <= high
    ]
    return Agreement(coach.scenario, cards, tau, outside, problems, refusals)


def measure(sets: Path, scenarios: Path) -> list[Agreement]:
    """Every coach set in a folder against the scorer."""
    from trainer.scenario.loader import load_scenario

    out = []
    for path in sorted(sets.glob("*.yaml")):
        coach = load_coach_set(path)
        out.append(agreement(coach, load_scenario(scenarios / f"{coach.scenario}.yaml")))
    return out
