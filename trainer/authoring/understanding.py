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
    """How many natural wordings are recognised as their intent (a miss is kept)."""
    items = {name: [{"text": t, "kind": name} for t in texts] for name, texts in intents.items()}
    return _tally(scenario, items, out or Figures(), understand, count_hits_as_misses=False)


def false_recognitions(scenario: Scenario, intents: dict[str, list[dict]], out: Figures | None = None,
                       understand: bool = True) -> Figures:
    """How many wordings that do not mean an intent are recognised as it anyway (per kind; each is kept)."""
    return _tally(scenario, intents, out or Figures(), understand, count_hits_as_misses=True)


def _tally(scenario: Scenario, intents: dict[str, list[dict]], out: Figures, understand: bool,
           count_hits_as_misses: bool) -> Figures:
    recognise = Recogniser(scenario.intents, scenario.language, understand=understand).recognise
    for name, items in intents.items():
        for item in items:
            hit = name in recognise(item["text"])
            out.add(item.get("kind", "other"), hit)
            if hit == count_hits_as_misses:
                label = f"[{item.get('kind')}] " if count_hits_as_misses else ""
                out.misses.append((scenario.id, name, label + item["text"]))
    return out


def measure(sets: Path, scenarios: Path, understand: bool = True) -> dict[str, tuple[Figures, Figures]]:
    """Per language, (paraphrase recall, false recognitions) over every set in a folder."""
    from trainer.scenario.loader import load_scenario

    out: dict[str, tuple[Figures, Figures]] = {}
    for path in sorted(sets.glob("*.yaml")):
        scenario_id, intents = load_set(path)
        scenario = load_scenario(scenarios / f"{scenario_id}.yaml")
        para, adv = out.setdefault(scenario.language, (Figures(), Figures()))
        if path.name.startswith("paraphrase-"):
            paraphrase_recall(scenario, intents, para, understand=understand)
        else:
            false_recognitions(scenario, intents, adv, understand=understand)
    return out
