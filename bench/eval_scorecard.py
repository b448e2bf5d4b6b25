"""`make eval`, part three: does the scorer agree with a coach (tests/data/coach)?

Per scenario: Kendall's tau-b per trade between the coach's ranks and the scores (goal ≥ 0.9), and the
gaming attempts that land outside the band a coach would sign (goal: none). `-v` prints every score.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring import TRADES  # noqa: E402
from trainer.authoring.coaching import load_coach_set, measure  # noqa: E402

SETS = ROOT / "tests" / "data" / "coach"


def main() -> None:
    verbose = "-v" in sys.argv
    print("Scorecard against a coach: tau-b per trade (goal ≥ 0.90), gaming attempts inside their band")
    inside = total = 0
    for result in measure(SETS, ROOT / "scenarios"):
        coach = load_coach_set(SETS / f"{result.scenario}.yaml")
        taus = "  ".join(f"{t[:4]} {result.tau[t]:+.2f}" for t in TRADES)
        attempts = len(coach.gaming)
        off = {name for name, *_ in result.outside}
        inside += attempts - len(off)
        total += attempts
        print(f"  {result.scenario:<22} {taus}   gaming inside band {attempts - len(off)}/{attempts}")
        for problem in result.problems:
            print(f"    ! {problem}")
        for refusal in result.refusals:
            print(f"    refused  {refusal}")
        for name, trade, got, (low, high) in result.outside:
            print(f"    outside  {name:<28} {trade:<12} {got:>3}  (band {low}–{high})")
        if verbose:
            for play in coach.plays:
                s = result.scores(play.name)
                ranks = " ".join(f"{play.rank.get(t, '-'):>2}" for t in TRADES)
                print(f"      {play.name:<28} ranks {ranks}   scores " + " ".join(f"{s[t]:>3}" for t in TRADES))
    if total:
        print(f"  all gaming attempts inside their band: {inside}/{total}")


if __name__ == "__main__":
    main()
