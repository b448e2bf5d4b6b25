"""`webcare passk PLAYTHROUGH --k 4`: a scenario's scripted trainee turns, k times against the live customer.

Reports pass^k as τ-bench does for its simulated users: a playthrough passes^k when all k runs reach
the expected outcome; with c of n runs passing, pass^j is estimated as C(c, j) / C(n, j). The state
machine decides outcomes, so with the patterns reading intents the runs differ only in her words;
with `--llm-intents` the model also reads the trainee, and pass^k measures how steady that is.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from math import comb
from typing import TYPE_CHECKING, TextIO

from trainer.texts import tr

if TYPE_CHECKING:
    from trainer.customers.choose import Live
    from trainer.scenario.models import Playthrough, Scenario


def add_parser(sub) -> None:
    passk = sub.add_parser(
        "passk", help="play a scenario's playthroughs k times against the live customer and report pass^k",
        description="Play the scripted trainee turns of a scenario's playthroughs k times each against the "
                    "LLM customer, and report pass^k: how often all k runs reach the expected outcome.",
    )
    passk.add_argument("playthrough", metavar="PLAYTHROUGH",
                       help="a scenario (all its playthroughs) or SCENARIO:NAME, e.g. legroom-en:exemplary")
    passk.add_argument("--k", type=int, default=4, help="runs per playthrough (default 4)")
    passk.add_argument("--model", help="the model (default: WEBCARE_MODEL, else the config file)")
    passk.add_argument("--llm-intents", action="store_true", help="the model also reads the trainee's intents")
    passk.add_argument("--seed", type=int, default=0, help="run i uses seed SEED+i (default 0)")
    passk.set_defaults(run=run)


@dataclass
class Run:
    seed: int
    outcome: str | None
    passed: bool
    scripted: int
    """Her lines that came from the script (the model failed or a check did)."""
    lines: int
    usage: dict[str, int] = field(default_factory=dict)


@dataclass
class Result:
    scenario: str
    playthrough: str
    expected: str
    runs: list[Run]

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.runs)

    def pass_hat(self, j: int) -> float:
        """C(c, j) / C(n, j): the chance that j runs drawn from these all passed."""
        n = len(self.runs)
        return comb(self.passed, j) / comb(n, j) if 0 < j <= n else 0.0


def run(args: argparse.Namespace) -> int:
    from trainer.customers.choose import Live
    from trainer.errors import TrainerError

    if args.k < 1:
        raise TrainerError("--k must be at least 1")
    scenario, playthroughs = _chosen(args.playthrough)
    live = Live.from_args("llm", args.model, args.llm_intents)
    if live.settings is None:
        raise TrainerError(f"passk needs a model: {live.problem}")
    print(f"pass^{args.k} of {scenario.id}: {tr('en', 'count.playthrough', n=len(playthroughs))} × {args.k} runs against "
          f"{live.settings.describe()}", file=sys.stderr)
    results = [measure(scenario, p, live, args.k, seed=args.seed, progress=sys.stderr) for p in playthroughs]
    report(results, args.k, sys.stdout)
    return 0


def measure(scenario: Scenario, playthrough: Playthrough, live: Live, k: int, *, seed: int = 0,
            progress: TextIO | None = None) -> Result:
    """Play `playthrough` k times, each with its own seed and a fresh live customer."""
    runs = []
    for i in range(k):
        runs.append(_once(scenario, playthrough, live, seed + i))
        if progress is not None:
            r = runs[-1]
            progress.write(f"  {playthrough.name} run {i + 1}/{k}: {r.outcome or '(still open)'}"
                           f"{'' if r.passed else ' ✗'} · {r.scripted}/{tr('en', 'count.line', n=r.lines)} from the script\n")
            progress.flush()
    return Result(scenario.id, playthrough.name, playthrough.expect.outcome, runs)


def _once(scenario: Scenario, playthrough: Playthrough, live: Live, seed: int) -> Run:
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import Say, parse_move
    from trainer.errors import MoveError
    from trainer.play import Round
    from trainer.playthrough import SECONDS_PER_MESSAGE, SECONDS_PER_MOVE

    clock = FakeClock()
    customer = live.customer(scenario, seed)
    game = Round(scenario, seed=seed, clock=clock, customer=customer, recogniser=live.intents(scenario))
    game.opening()
    for line in playthrough.trainee:
        if game.session.over:
            break
        try:
            move = parse_move(line, scenario.language)
            clock.advance(SECONDS_PER_MESSAGE if isinstance(move, Say) else SECONDS_PER_MOVE)
            game.play(move)
        except MoveError:
            pass
    outcome = game.session.outcome
    record = customer.record if customer is not None else None
    return Run(seed, outcome, outcome == playthrough.expect.outcome,
               len(record.fallbacks) if record else 0, len(record.lines) if record else 0,
               customer.usage() if customer is not None else {})


def report(results: list[Result], k: int, out: TextIO) -> None:
    out.writelines(f"{r.scenario}:{r.playthrough:<14} expected {r.expected:<12} {r.passed}/{len(r.runs)} passed  "
                  f"pass^{k} {r.pass_hat(k):.2f}\n" for r in results)
    if not results:
        return
    out.write("\n")
    for j in range(1, k + 1):
        mean = sum(r.pass_hat(j) for r in results) / len(results)
        out.write(f"pass^{j} = {mean:.2f}\n")
    lines = sum(run.lines for r in results for run in r.runs)
    scripted = sum(run.scripted for r in results for run in r.runs)
    used = [run.usage for r in results for run in r.runs if run.usage]
    tokens_in = sum(u.get("in", 0) for u in used)
    tokens_out = sum(u.get("out", 0) for u in used)
    out.write(f"Her lines: {lines - scripted} from the model, {scripted} from the script · "
              f"tokens: {tokens_in:,} in, {tokens_out:,} out\n")


def _chosen(ref: str) -> tuple[Scenario, list[Playthrough]]:
    from trainer.errors import TrainerError
    from trainer.scenario.library import find_scenario
    from trainer.scenario.problems import did_you_mean

    scenario_ref, _, name = ref.partition(":")
    scenario = find_scenario(scenario_ref)
    if not scenario.playthroughs:
        raise TrainerError(f"{scenario.id} has no playthroughs to play")
    if not name:
        return scenario, list(scenario.playthroughs)
    chosen = [p for p in scenario.playthroughs if p.name == name]
    if not chosen:
        names = [p.name for p in scenario.playthroughs]
        raise TrainerError(f"{scenario.id} has no playthrough '{name}': {did_you_mean(name, names)}")
    return scenario, chosen
