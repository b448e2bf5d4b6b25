"""Trains the trade detector's weights from the project's own example turns (English and Dutch).

`python -m scoring.detector_training` reads scoring/detector_data/examples.{en,nl}.txt and
writes scoring/detector_data/weights.json: a multinomial logistic regression over the
features of scoring.trade_features, fitted by plain stochastic gradient descent in a fixed
order, so the same examples always give the same weights (a test checks this).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

from scoring.trade_features import features

LABELS = ("facilitator", "detective", "plumber", "other")
LANGUAGES = ("en", "nl")
DATA = Path(__file__).resolve().parent / "detector_data"
WEIGHTS = DATA / "weights.json"

EPOCHS = 40
RATE = 0.1
# L2 penalty per feature family: the turn's form and cue phrases are trusted more than single words,
# which a few hundred written examples can only sample.
PENALTY = {"w": 3e-3, "first": 3e-3, "first2": 4e-3}
PENALTY_DEFAULT = 5e-4


def example_file(language: str) -> Path:
    return DATA / f"examples.{language}.txt"


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(trade, turn) pairs from a file of `## trade` sections with one turn a line (`#` lines are comments)."""
    examples: list[tuple[str, str]] = []
    label = None
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = line.strip()
        if line.startswith("## "):
            label = line[3:].strip()
            if label not in LABELS:
                raise ValueError(f"{path.name}:{number}: unknown trade {label!r}")
        elif line and not line.startswith("#"):
            if label is None:
                raise ValueError(f"{path.name}:{number}: a turn before the first `## trade` heading")
            examples.append((label, line))
    return examples


def fingerprint() -> str:
    """What the weights were trained from: the examples and the feature code."""
    digest = hashlib.sha256()
    for language in LANGUAGES:
        digest.update(example_file(language).read_bytes())
    digest.update((Path(__file__).resolve().parent / "trade_features.py").read_bytes())
    return digest.hexdigest()[:16]


def train() -> dict[str, Any]:
    """The weights as written to weights.json."""
    rows = []
    for language in LANGUAGES:
        for label, text in read_examples(example_file(language)):
            rows.append((LABELS.index(label), features(text, language)))
    order = list(range(len(rows)))
    shuffle = random.Random(20240601)
    weights: dict[str, list[float]] = {}
    squares: dict[str, list[float]] = {}  # AdaGrad's running sums: rare features still learn
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            gold, feats = rows[i]
            probs = _softmax([sum(weights.get(k, _ZERO)[c] * v for k, v in feats.items())
                              for c in range(len(LABELS))])
            for k, v in feats.items():
                w = weights.setdefault(k, [0.0] * len(LABELS))
                g2 = squares.setdefault(k, [1e-8] * len(LABELS))
                penalty = PENALTY.get(k.split(":", 1)[0], PENALTY_DEFAULT) if k != "bias" else 0.0
                for c in range(len(LABELS)):
                    grad = (probs[c] - (c == gold)) * v + penalty * w[c]
                    g2[c] += grad * grad
                    w[c] -= RATE * grad / math.sqrt(g2[c])
    kept = {k: [round(x, 4) for x in w] for k, w in sorted(weights.items()) if max(map(abs, w)) >= 5e-4}
    return {"labels": list(LABELS), "trained_from": fingerprint(), "examples": len(rows), "weights": kept}


_ZERO = (0.0, 0.0, 0.0, 0.0)


def _softmax(logits: list[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def main() -> int:
    model = train()
    WEIGHTS.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{model['examples']} example turns → {len(model['weights'])} weighted features in {WEIGHTS.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
