"""`webcare test`: play every playthrough, show each failure as a diff, and what no playthrough reaches."""

from __future__ import annotations

import argparse
from pathlib import Path

from trainer.commands.arguments import positive

DEFAULT_SEEDS = 10
"""Seeds over which customer lines count as reached: she picks a variant by the seed."""

_positive = positive("a number of seeds (1 or more)")


def add_parser(sub) -> None:
    test = sub.add_parser(
        "test", help="run the playthroughs of scenarios and compare with what they expect",
        description="Play every playthrough of the scenarios (default: the built-in ones) with seed 0 and "
                    "compare the outcome and scores with its `expect`. A failure is shown as a diff. After "
                    "each scenario, one line says how much of it the playthroughs reach.",
    )
    test.add_argument("paths", nargs="*", type=Path, help="scenario files or folders")
    test.add_argument("--coverage", action="store_true",
                      help="list every state, step, intent, look-up, action and line no playthrough reaches")
    test.add_argument("--seeds", type=_positive, default=DEFAULT_SEEDS, metavar="N",
                      help=f"count a customer line as reached when any seed from 0 to N-1 makes her say it "
                           f"(default {DEFAULT_SEEDS}; pass or fail is judged on seed 0)")
    test.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from trainer.authoring.coverage import coverage
    from trainer.authoring.diff import diff
    from trainer.errors import TrainerError
    from trainer.playthrough import order_failures, run_playthrough
    from trainer.scenario.library import load_library

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise TrainerError(f"No such file or folder: {missing[0]}")
    library = load_library(args.paths or None)
    for problem in library.problems:
        if problem.severity == "error":
            print(problem, file=sys.stderr)
    failed = passed = 0
    for s in library.scenarios:
        results = []
        for p in s.playthroughs:
            result = run_playthrough(s, p)
            results.append(result)
            scores = " ".join(f"{t[:4]} {v.score:>3}" for t, v in result.scorecard.trades.items())
            status = "ok  " if not result.failures else "FAIL"
            outcome = result.scorecard.outcome or "(still open)"
            print(f"{status} {s.id} › {p.name:<14} {outcome:<14} {scores}")
            if result.failures:
                print("\n".join(diff(result)))
            failed += bool(result.failures)
            passed += not result.failures
        ranking = order_failures(results)
        if ranking:
            print(f"FAIL {s.id} › the coach's ranking (better_than)")
            print("\n".join(f"  {line}" for line in ranking))
            failed += 1
        found = coverage(s, results, seeds=args.seeds)
        print(found.summary())
        if args.coverage and s.playthroughs:
            print("\n".join(found.details()))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or any(p.severity == "error" for p in library.problems) else 0
