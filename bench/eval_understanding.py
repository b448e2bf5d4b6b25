"""`make eval`, part two: how well intents understand natural wordings (tests/data/understanding).

Per language: recall on the paraphrase set and false recognitions on the adversarial set (by kind), for
phrases alone (what the game does today) and through the meaning layer.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trainer.authoring.understanding import measure  # noqa: E402

SETS = ROOT / "tests" / "data" / "understanding"
HELD_OUT = ROOT / "tests" / "data" / "understanding-heldout"
"""Written later, on other scenarios, and never read while the meaning layer was tuned: the honest figure."""


def main() -> None:
    verbose = "-v" in sys.argv
    print("Understanding: paraphrase recall (goal ≥ 90 %) and false recognitions (goal ≤ 3 %)")
    runs = [("phrases only", False, SETS), ("meaning layer", True, SETS)]
    if HELD_OUT.is_dir():
        runs += [("held out, phrases", False, HELD_OUT), ("held out, meaning", True, HELD_OUT)]
    for label, understand, sets in runs:
        for language, (para, adv) in sorted(measure(sets, ROOT / "scenarios", understand).items()):
            kinds = ", ".join(f"{k} {adv.by[k]}/{adv.of[k]}" for k in sorted(adv.of))
            print(f"  {label:<19} {language}: recall {para.rate:6.1%} ({para.hits}/{para.total})   "
                  f"false {adv.rate:6.1%} ({adv.hits}/{adv.total})   [{kinds}]")
            if verbose and understand and sets == SETS:
                for scenario, intent, text in para.misses:
                    print(f"    missed  {scenario} {intent}: {text}")
                for scenario, intent, text in adv.misses:
                    print(f"    false   {scenario} {intent}: {text}")


if __name__ == "__main__":
    main()
