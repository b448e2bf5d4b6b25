"""`make eval`: the trade detector's precision, recall and macro-F1 on the labelled dev data.

The data is read where it lies (../shared/data/trades-dev.jsonl, or $WEBCARE_TRADES_DATA)
and never copied into the project; without it this prints why and exits cleanly.
Per source (ESConv, AnnoMI) it prints the macro-F1 too, and the time the detector takes per turn.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scoring.detector import LABELS, detect  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "trades-dev.jsonl"


def figures(confusion: Counter) -> tuple[dict[str, dict[str, float]], float]:
    """Per-class precision, recall, F1 and support from a (label, detected) confusion, and the macro-F1."""
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
    return per, macro


def evaluate(rows: list[dict]) -> tuple[dict[str, dict[str, float]], Counter, float]:
    confusion: Counter = Counter()
    for row in rows:
        confusion[(row["quality"], detect(row["text"], row.get("language", "en"), row.get("context")))] += 1
    per, macro = figures(confusion)
    return per, confusion, macro


def main() -> int:
    path = Path(os.environ.get("WEBCARE_TRADES_DATA", DEFAULT))
    if not path.exists():
        print(f"No labelled data at {path.name}: nothing to evaluate (set WEBCARE_TRADES_DATA).")
        return 0
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    detect("warm-up", "en")  # the weights load on first use: not part of the time per turn
    started = time.perf_counter()
    by_source: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        found = detect(row["text"], row.get("language", "en"), row.get("context"))
        by_source[row.get("source", "?")][(row["quality"], found)] += 1
    elapsed = time.perf_counter() - started
    confusion: Counter = sum(by_source.values(), Counter())
    per, macro = figures(confusion)
    print(f"Trade detector on {len(rows):,} labelled turns\n")
    print(f"{'class':<12}{'precision':>10}{'recall':>10}{'F1':>8}{'support':>9}")
    for label, p in per.items():
        print(f"{label:<12}{p['precision']:>10.2f}{p['recall']:>10.2f}{p['f1']:>8.2f}{p['support']:>9}")
    print(f"\nmacro-F1 {macro:.3f}  (goal ≥ 0.75)")
    for source, counts in sorted(by_source.items()):
        part, part_macro = figures(counts)
        classes = "  ".join(f"{label[:3]} {p['f1']:.2f}" for label, p in part.items())
        print(f"  {source:<8} macro-F1 {part_macro:.3f}  ({sum(counts.values()):,} turns; {classes})")
    print(f"time per turn {elapsed / max(len(rows), 1) * 1000:.2f} ms\n")
    print("confusion (rows: label, columns: detected)")
    print(" " * 12 + "".join(f"{label[:10]:>12}" for label in LABELS))
    for gold in LABELS:
        print(f"{gold:<12}" + "".join(f"{confusion[(gold, p)]:>12}" for p in LABELS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
