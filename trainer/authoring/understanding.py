"""How well a scenario's intents understand natural wordings: recall on paraphrases, false recognitions on
adversarial ones (negated, past, sarcastic, conditional, someone else's, mentioned).

A set is a YAML file per scenario (`paraphrase-ID.yaml`, `adversarial-ID.yaml`), written by someone who
has not read the intents' phrases; `make eval` prints the figures and a test holds them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from trainer.engine.intents import Recogniser
from trainer.scenario.models import Scenario


@dataclass
class Figures:
    """Hits over tries, overall and per intent or kind, with the misses kept for reading."""

    hits: int = 0
    total: int = 0
    by: Counter = field(default_factory=Counter)
    of: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    """(scenario, intent, text) of each miss (paraphrase) or false recognition (adversarial)."""

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def add(self, key: str, hit: bool) -> None:
        self.total += 1
        self.of[key] += 1
        if hit:
            self.hits += 1
            self.by[key] += 1


def load_set(path: Path) -> tuple[str, dict[str, list]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["scenario"], data["intents"]


def paraphrase_recall(scenario: Scenario, intents: dict[str, list[str]], out: Figures | None = None,
                      understand: bool = True) -> Figures:
    out = out or Figures()
    recognise = Recogniser(scenario.intents, scenario.language, understand=understand).recognise
    for name, texts in intents.items():
        for text in texts:
            hit = name in recognise(text)
            out.add(name, hit)
            if not hit:
                out.misses.append((scenario.id, name, text))
    return out


def false_recognitions(scenario: Scenario, intents: dict[str, list[dict]], out: Figures | None = None,
                       understand: bool = True) -> Figures:
    out = out or Figures()
    recognise = Recogniser(scenario.intents, scenario.language, understand=understand).recognise
    for name, items in intents.items():
        for item in items:
            hit = name in recognise(item["text"])
            out.add(item.get("kind", "other"), hit)
            if hit:
                out.misses.append((scenario.id, name, f"[{item.get('kind')}] {item['text']}"))
    return out
