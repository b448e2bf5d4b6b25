"""Which trade a single turn exercises: facilitator, detective, plumber, or other.

A small logistic regression over the turn's form, cue phrases and words (scoring.trade_features),
trained by scoring.detector_training on example turns the project wrote itself, in English and
Dutch. Its weights load on first use. `make eval` measures it on labelled dev data, which is
read where it lies and never shipped.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

LABELS = ("facilitator", "detective", "plumber", "other")
WEIGHTS = Path(__file__).resolve().parent / "detector_data" / "weights.json"

# Added to each trade's score before the softmax: the written examples are balanced, real turns are not
# (tuned once on the dev figures of `make eval`).
PRIOR = {"facilitator": 0.0, "detective": 0.0, "plumber": -0.2, "other": -0.6}

def guess_language(text: str) -> str:
    """"nl" when the text has more Dutch than English small words, else "en"."""
    from trainer.meaning.language import guess_language as guess

    return guess((text,))


def scores(text: str, language: str | None = "en", context: Sequence[Mapping[str, Any]] | None = None) -> dict[str, float]:
    """How likely the turn shows each trade (they sum to 1). `language` None: guessed from the text."""
    from scoring.trade_features import features

    if language not in ("en", "nl"):
        language = guess_language(text)
    weights = _weights()
    logits = [PRIOR[label] for label in LABELS]
    for name, value in features(text, language, context).items():
        w = weights.get(name)
        if w is not None:
            for c in range(len(LABELS)):
                logits[c] += w[c] * value
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return {label: e / total for label, e in zip(LABELS, exps)}


def detect(text: str, language: str | None = "en", context: Sequence[Mapping[str, Any]] | None = None) -> str:
    """The trade one agent turn exercises most."""
    found = scores(text, language, context)
    return max(LABELS, key=found.__getitem__)


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[float, ...]]:
    model = json.loads(WEIGHTS.read_text("utf-8"))
    if tuple(model["labels"]) != LABELS:
        raise ValueError(f"{WEIGHTS.name} is for the trades {model['labels']}, not {list(LABELS)}")
    return {name: tuple(w) for name, w in model["weights"].items()}
