"""Calibration: hand-written answers to the legroom case, from exemplary to the copy-paste e-mail, are
scored in the order a coach would put them — per trade, in English and in Dutch, the same every run —
and making one turn better raises its trade without lowering another.

The answers and the expected order live in tests/data/calibration/*.yaml. Print the table with
`python tests/test_calibration.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script too

from scoring import TRADES, Scorecard, score  # noqa: E402
from trainer.engine.clock import FakeClock  # noqa: E402
from trainer.engine.events import Event  # noqa: E402
from trainer.engine.moves import Say, parse_move  # noqa: E402
from trainer.errors import MoveError  # noqa: E402
from trainer.play import Round  # noqa: E402
from trainer.scenario.loader import load_scenario  # noqa: E402
from trainer.scenario.models import Scenario  # noqa: E402

CALIBRATION = ROOT / "tests" / "data" / "calibration"
SCENARIOS = ROOT / "scenarios"
SECONDS_PER_MESSAGE = 45.0
SECONDS_PER_MOVE = 10.0
MIN_REPLIES = 12
WORST = "copy-paste"


@dataclass(frozen=True)
class Reply:
    name: str
    about: str
    outcome: str
    moves: tuple[str, ...]
    seconds_per_message: float = SECONDS_PER_MESSAGE


@dataclass(frozen=True)
class Improvement:
    """One turn of a reply made better: `to` replaces move `at` (1-based), or `insert` goes in before it."""

    name: str
    reply: str
    at: int
    rises: str
    to: str | None = None
    insert: str | None = None

    def apply(self, moves: tuple[str, ...]) -> tuple[str, ...]:
        i = self.at - 1
        if self.insert is not None:
            return (*moves[:i], self.insert, *moves[i:])
        return (*moves[:i], self.to, *moves[i + 1:])  # type: ignore[arg-type]


@dataclass
class Calibration:
    path: Path
    scenario: Scenario
    replies: dict[str, Reply]
    order: dict[str, list[list[str]]]
    improvements: list[Improvement] = field(default_factory=list)


@cache
def load(path: Path) -> Calibration:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_name = {r["name"]: r for r in raw["replies"]}
    replies = {}
    for name, r in by_name.items():
        moves = r.get("moves") or by_name[r["same_as"]]["moves"]
        replies[name] = Reply(name, r["about"], r["outcome"], tuple(moves),
                              float(r.get("seconds_per_message", SECONDS_PER_MESSAGE)))
    improvements = [Improvement(**i) for i in raw.get("improvements", ())]
    return Calibration(path, load_scenario(SCENARIOS / f"{raw['scenario']}.yaml"), replies, raw["order"],
                       improvements)


@dataclass
class Played:
    events: list[Event]
    card: Scorecard
    unplayed: list[str]
    errors: list[str]

    def trades(self) -> dict[str, int]:
        return {t: self.card.trades[t].score for t in TRADES}


def play(scenario: Scenario, moves: tuple[str, ...], seconds_per_message: float = SECONDS_PER_MESSAGE) -> Played:
    """Type the moves into a fresh game on a fake clock, as a trainee would; score what happened."""
    clock = FakeClock()
    game = Round(scenario, seed=0, clock=clock)
    game.opening()
    left, errors = list(moves), []
    while left and not game.session.over:
        line = left.pop(0)
        try:
            move = parse_move(line)
            clock.advance(seconds_per_message if isinstance(move, Say) else SECONDS_PER_MOVE)
            game.play(move)
        except MoveError as exc:
            errors.append(f"{line!r}: {exc}")
    events = list(game.session.events)
    return Played(events, score(events, scenario), left, errors)


@cache
def played(path: Path, name: str) -> Played:
    c = load(path)
    reply = c.replies[name]
    return play(c.scenario, reply.moves, reply.seconds_per_message)


def table(path: Path) -> str:
    """The scores of every reply, per trade: what the report and a failing test show."""
    c = load(path)
    lines = [f"{c.scenario.id:<16} " + " ".join(f"{t[:4]:>5}" for t in TRADES) + "  outcome"]
    for name in c.replies:
        p = played(path, name)
        lines.append(f"  {name:<14} " + " ".join(f"{p.trades()[t]:>5}" for t in TRADES) + f"  {p.card.outcome}")
    return "\n".join(lines)


FILES = sorted(CALIBRATION.glob("*.yaml"))
REPLIES = [(f, name) for f in FILES for name in load(f).replies]
RANKINGS = [(f, trade) for f in FILES for trade in TRADES]
IMPROVEMENTS = [(f, i) for f in FILES for i in load(f).improvements]


def test_there_is_a_calibration_set_in_english_and_in_dutch_with_enough_replies():
    languages = {load(f).scenario.language for f in FILES}
    assert languages == {"en", "nl"}
    for f in FILES:
        c = load(f)
        assert len(c.replies) >= MIN_REPLIES, f.name
        for trade in TRADES:
            ranked = [name for tier in c.order[trade] for name in tier]
            assert sorted(ranked) == sorted(c.replies), f"{f.name} {trade}: every reply ranked exactly once"


@pytest.mark.parametrize(("path", "name"), REPLIES, ids=[f"{f.stem}:{n}" for f, n in REPLIES])
def test_each_reply_plays_to_its_last_move_with_the_outcome_written_down(path, name):
    p, reply = played(path, name), load(path).replies[name]
    assert p.errors == []
    assert p.unplayed == [], "the conversation ended before the reply did"
    assert p.card.outcome == reply.outcome


@pytest.mark.parametrize(("path", "trade"), RANKINGS, ids=[f"{f.stem}:{t}" for f, t in RANKINGS])
def test_the_scorer_ranks_the_replies_in_the_order_written_down(path, trade):
    tiers = load(path).order[trade]
    scores = [[(name, played(path, name).trades()[trade]) for name in tier] for tier in tiers]
    for better, worse in pairwise(scores):
        lowest, highest = min(better, key=lambda x: x[1]), max(worse, key=lambda x: x[1])
        assert lowest[1] > highest[1], (
            f"{trade}: {lowest[0]} ({lowest[1]}) should beat {highest[0]} ({highest[1]})\n{table(path)}"
        )


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_the_copy_paste_email_scores_lowest_on_every_trade(path):
    """Lowest on every trade; only a reply that earned nothing either (zero, in its tier) may meet it there."""
    c = load(path)
    worst = played(path, WORST).trades()
    for trade in TRADES:
        assert WORST in c.order[trade][-1]
        for name in c.replies:
            if name == WORST:
                continue
            other = played(path, name).trades()[trade]
            if name in c.order[trade][-1]:
                assert worst[trade] <= other, (trade, name, worst[trade], other)
            else:
                assert worst[trade] < other, (trade, name, worst[trade], other)


SAME_EVERY_RUN = ("exemplary", "warm-guess", WORST)

CARDS_IN_ANOTHER_PROCESS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import test_calibration as c
from pathlib import Path
print(json.dumps({name: c.played(Path(sys.argv[2]), name).card.to_dict() for name in c.SAME_EVERY_RUN}))
"""


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_the_same_reply_gets_the_same_scorecard_every_time(path):
    """Here and in another process (its own string hashing, its own caches): a run is not a function of either."""
    c = load(path)
    here = {name: played(path, name).card.to_dict() for name in SAME_EVERY_RUN}
    for name in SAME_EVERY_RUN:
        assert score(played(path, name).events, c.scenario).to_dict() == here[name], name
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    there = subprocess.run([sys.executable, "-c", CARDS_IN_ANOTHER_PROCESS, str(ROOT / "tests"), str(path)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True)
    assert json.loads(there.stdout) == json.loads(json.dumps(here))


@pytest.mark.parametrize(("path", "better"), IMPROVEMENTS, ids=[f"{f.stem}:{i.name}" for f, i in IMPROVEMENTS])
def test_one_better_turn_raises_its_trade_and_lowers_none(path, better):
    c = load(path)
    reply = c.replies[better.reply]
    moves = better.apply(reply.moves)
    assert len([m for m in moves if m not in reply.moves]) == 1, "the pair differs in one turn"
    before = played(path, better.reply).trades()
    after = play(c.scenario, moves, reply.seconds_per_message)
    assert after.unplayed == [] and after.errors == []
    now = after.trades()
    assert now[better.rises] > before[better.rises], (better.name, before, now)
    assert all(now[t] >= before[t] for t in TRADES), (better.name, before, now)


if __name__ == "__main__":
    for f in FILES:
        print(table(f), end="\n\n")
