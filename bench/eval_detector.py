"""`make eval`: the trade detector's precision, recall and macro-F1 on the labelled dev data.

The data is read where it lies (../shared/data/trades-dev.jsonl, or $WEBCARE_TRADES_DATA)
and never copied into the project; without it this prints why and exits cleanly.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring.detector import LABELS, detect  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "trades-dev.jsonl"


def evaluate(rows: list[dict]) -> tuple[dict[str, dict[str, float]], Counter, float]:
    confusion: Counter = Counter()
    for row in rows:
        confusion[(row["quality"], detect(row["text"]))] += 1
    per: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = confusion[(label, label)]
        predicted = sum(confusion[(g, label)] for g in LABELS)
        actual = sum(confusion[(label, p)] for p in LABELS)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[label] = {"precision": precision, "recall": recall, "f1": f1, "support": actual}
    macro = sum(p["f1"] for p in per.values()) / len(LABELS)
    return per, confusion, macro


def main() -> int:
    path = Path(os.environ.get("WEBCARE_TRADES_DATA", DEFAULT))
    if not path.exists():
        print(f"No labelled data at {path.name}: nothing to evaluate (set WEBCARE_TRADES_DATA).")
        return 0
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    per, confusion, macro = evaluate(rows)
    print(f"Trade detector on {len(rows):,} labelled turns\n")
    print(f"{'class':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    for label, p in per.items():
        print(f"{label:<12}{p['precision']:>10.2f}{p['recall']:>10.2f}{p['f1']:>8.2f}{p['support']:>9}")
    print(f"\nmacro-F1 {macro:.3f}  (goal ≥ 0.75)\n")
    print("confusion (rows: label, columns: detected)")
    print(" " * 12 + "".join(f"{label[:10]:>12}" for label in LABELS))
    for gold in LABELS:
        print(f"{gold:<12}" + "".join(f"{confusion[(gold, p)]:>12}" for p in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
