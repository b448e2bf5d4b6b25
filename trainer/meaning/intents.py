"""Which of a scenario's intents a message expresses, and why: a phrase, or resemblance to an example."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from trainer.meaning.patterns import find
from trainer.meaning.reading import read
from trainer.meaning.similarity import ExampleIndex
from trainer.meaning.stance import Stance, accepts, infer


@dataclass(frozen=True, slots=True)
class IntentSpec:
    """What the meaning layer needs of one intent (the scenario's `Intent`, without the scenario)."""

    name: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Recognition:
    name: str
    how: str
    """"phrase" or "example"."""
    detail: str
    """The phrase found, or the example it resembled."""
    score: float = 1.0

    @property
    def reason(self) -> str:
        """One line for the coach: why this sentence counted."""
        if self.how == "phrase":
            return f"{self.name}: phrase “{self.detail}”"
        return f"{self.name}: like the example “{self.detail}” ({self.score:.2f})"


class IntentReader:
    """A scenario's intents, compiled once: their phrase matchers, stances and example vectors."""

    def __init__(self, specs: Iterable[IntentSpec], language: str) -> None:
        self.language = language
        self.specs = {s.name: s for s in specs}

    @cached_property
    def stances(self) -> dict[str, Stance]:
        return {n: infer(s.examples, self.language, s.kind) for n, s in self.specs.items()}

    @cached_property
    def examples(self) -> ExampleIndex:
        return ExampleIndex({n: s.examples for n, s in self.specs.items() if s.examples}, self.language)

    def recognise(self, text: str) -> tuple[Recognition, ...]:
        """Every intent the message expresses, in the scenario's order."""
        message = read(text, self.language)
        found: dict[str, Recognition] = {}
        for name, spec in self.specs.items():
            hit = find(spec.patterns, message, self.stances[name])
            if hit is not None:
                found[name] = Recognition(name, "phrase", hit.source)
        rest = tuple(n for n in self.specs if n not in found and self.specs[n].examples)
        if rest and message.words:
            for r in self.examples.resembles(message, rest):
                if r.intent not in found and all(accepts(message, at, self.stances[r.intent])
                                                 for at in r.positions):
                    found[r.intent] = Recognition(r.intent, "example", r.example, r.score)
        return tuple(found[n] for n in self.specs if n in found)
