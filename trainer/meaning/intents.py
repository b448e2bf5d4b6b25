"""Which of a scenario's intents a message expresses, and why: a phrase, or resemblance to an example."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from trainer.meaning.clause import Clause
from trainer.meaning.patterns import clauses_with, find
from trainer.meaning.reading import read
from trainer.meaning.similarity import ExampleIndex
from trainer.meaning.stance import MENTION, Kind, Stance, accepts, infer


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
        if self.how == "model":
            return f"{self.name}: read by the model {self.detail}"
        return f"{self.name}: like the example “{self.detail}” ({self.score:.2f})"


@lru_cache(maxsize=64)
def reader(specs: tuple[IntentSpec, ...], language: str) -> IntentReader:
    """One compiled reader per scenario's intents (sessions, explore, lint and scoring share it)."""
    return IntentReader(specs, language)


def specs_of(intents: Mapping[str, Any]) -> tuple[IntentSpec, ...]:
    """The specs of a scenario's `intents:` (anything with match, examples and kind)."""
    return tuple(IntentSpec(n, tuple(i.match), tuple(i.examples), i.kind) for n, i in intents.items())


def reader_for(scenario: Any) -> IntentReader:
    """The reader of a scenario (anything with `intents` and `language`)."""
    return reader(specs_of(scenario.intents), scenario.language)


class IntentReader:
    """A scenario's intents, compiled once: their phrase matchers, stances and example vectors."""

    def __init__(self, specs: Iterable[IntentSpec], language: str) -> None:
        self.language = language
        self.specs = {s.name: s for s in specs}

    @cached_property
    def stances(self) -> dict[str, Stance]:
        return {n: infer(s.examples, self.language, s.kind, s.patterns) for n, s in self.specs.items()}

    @cached_property
    def examples(self) -> ExampleIndex:
        return ExampleIndex({n: s.examples for n, s in self.specs.items() if s.examples}, self.language)

    def warm(self) -> None:
        """Learn everything up front (a worker does it while the trainee reads the briefing)."""
        _ = self.stances, self.examples

    def recognise(self, text: str) -> tuple[Recognition, ...]:
        """Every intent the message expresses, in the scenario's order: by phrase, and where no phrase of any
        intent fits a clause, by the resemblance that clause carries to an intent's examples."""
        message = read(text, self.language)
        found: dict[str, Recognition] = {}
        phrased: set[int] = set()
        for name, spec in self.specs.items():
            hit = find(spec.patterns, message, self.stances[name])
            if hit is not None:
                found[name] = Recognition(name, "phrase", hit.source)
                phrased.update(clauses_with(spec.patterns, message))
        rest = tuple(n for n in self.specs if n not in found and self.specs[n].examples)
        if rest and message.words:
            for r in self.examples.resembles(message, rest):
                clauses = {message.clause_of[at] for at in r.positions}
                if r.intent in found or clauses & phrased:
                    continue
                if all(accepts(message, at, self.stances[r.intent], resembled=True) for at in r.positions):
                    found[r.intent] = Recognition(r.intent, "example", r.example, r.score)
        return tuple(found[n] for n in self.specs if n in found)

    def why_not(self, text: str, name: str) -> str:
        """Why a message is not read as `name`, in a few words for an author or a coach."""
        message = read(text, self.language)
        stance = self.stances[name]
        hit = find(self.specs[name].patterns, message, MENTION)
        if hit is None:
            found = self.examples.resembles(message, tuple(self.specs))
            own = next((r for r in found if r.intent == name), None)
            if own is not None:
                how = _how(message.clause_at(own.positions[0]), stance)
                return f"it is like its examples, but said as {how or 'they are not'}"
            if found:
                return f"no phrase of it occurs, and it reads more like {', '.join(sorted({r.intent for r in found}))}"
            return "no phrase of it occurs, and it is too little like its examples"
        return f"its phrase “{hit.source}” stands in a clause that is " + (_how(message.clause_at(hit.position),
                                                                                   stance) or "said otherwise")


def _how(c: Clause, stance: Stance) -> str:
    """What about a clause keeps it from expressing an intent of this stance."""
    said = [way for way in ("rhetorical", "reported", "conditional", "irrealis", "hedged") if getattr(c, way)
            and way not in stance.said_as]
    words = {"rhetorical": "sarcastic", "reported": "someone else's words", "conditional": "only a condition",
             "irrealis": "hypothetical", "hedged": "hedged"}
    out = [words[w] for w in said]
    if c.negations and not stance.negated and stance.kind is not Kind.QUESTION:
        out.append("negated")
    if stance.kind is Kind.QUESTION and not (c.question or c.request or c.offer):
        out.append("not a question")
    if stance.kind is Kind.PROMISE and c.time != "future":
        out.append(f"not about what is ahead ({c.time})")
    if stance.owned and c.actor == "third":
        out.append("about someone else acting")
    if not stance.past_ok and c.time == "past" and c.actor in ("addressee", "third"):
        out.append("about the past")
    if c.question and stance.kind is Kind.STATEMENT and not (c.offer or c.request or stance.question_ok):
        out.append("a question")
    return ", ".join(out)
