"""Near-collisions between a scenario's intents: phrases that are (nearly) the same, intents that read as each other.

Run by `webcare check` (it needs the engine's matcher, so it is not part of the scenario lint)."""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import fuzz

from trainer.authoring.places import read_marks
from trainer.engine.intents import Recogniser
from trainer.meaning.matching import compile_pattern, normalize, words
from trainer.scenario.lint import implied, phrase_text
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems

NEAR = 90
"""Similarity (0–100, rapidfuzz ratio of the normalised phrases) from which two phrases count as near-identical."""


def collisions(s: Scenario) -> list[Problem]:
    """Warnings, with file:line:col, about intents a trainee can hardly show one without the other."""
    recogniser = Recogniser(s.intents, s.language)

    def recognise(_s: Scenario, text: str):
        return recogniser.recognise(text)

    marked = read_marks(s)
    problems = Problems(s.path or s.id, marked.text if marked else "")

    def warn(path: tuple, message: str, hint: str) -> None:
        problems.add(*(marked.mark(path) if marked else (0, 0)), message, hint, severity="warning")

    names = list(s.intents)
    nested = {n: implied(s, n, recognise) for n in names}
    for a, b in combinations(names, 2):
        if b in nested[a] or a in nested[b]:
            continue  # one is a case of the other by design
        a_as_b = [e for e in s.intents[a].examples if b in recogniser.recognise(e)]
        b_as_a = [e for e in s.intents[b].examples if a in recogniser.recognise(e)]
        if a_as_b and b_as_a:
            warn(("intents", b, "match"), f"intents '{a}' and '{b}' recognise each other's examples: "
                 "a trainee can hardly show one without the other",
                 "make their phrases more specific, or merge them into one intent")
        for x, y in ((a, b), (b, a)):
            contained: list[tuple[int, str, str]] = []
            for j, py in enumerate(s.intents[y].match):
                for px in s.intents[x].match:
                    how = _alike(px, py)
                    if how == "contains":
                        contained.append((j, py, px))
                        break
                    if how and x == a:
                        warn(("intents", y, "match", j), _message(how, px, x, py, y), _hint(how, y))
                        break
            if contained:
                j, py, px = contained[0]
                more = f" (and {len(contained) - 1} more of its phrases)" if len(contained) > 1 else ""
                warn(("intents", y, "match", j), f"a message with phrase '{py}' of '{y}'{more} always shows "
                     f"'{x}' too (its phrase '{px}')", _hint("contains", y))
    return problems.warnings


def _alike(a: str, b: str) -> str:
    """How phrase `b` is like phrase `a`: "same", "contains" (a message with b always shows a),
    "typo" (spelt nearly alike, though the matcher tells them apart), or ""."""
    ta, tb = _plain(a), _plain(b)
    if ta == tb:
        return "same"
    if compile_pattern(a).matches(words(phrase_text(b))):
        return "contains"
    wa, wb = ta.split(), tb.split()
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(wa) == len(wb) and all(min(len(x), len(y)) >= 5 for x, y in differ) and fuzz.ratio(ta, tb) >= NEAR:
        return "typo"
    return ""


def _message(how: str, pa: str, a: str, pb: str, b: str) -> str:
    if how == "same":
        return f"phrase '{pb}' of '{b}' is also a phrase of '{a}': a message with it shows both intents"
    if how == "contains":
        return f"a message with phrase '{pb}' of '{b}' always shows '{a}' too (its phrase '{pa}')"
    return f"phrase '{pb}' of '{b}' is spelt nearly like '{pa}' of '{a}'"


def _hint(how: str, b: str) -> str:
    if how == "typo":
        return "if they mean the same, keep the phrase in one intent; if they differ on purpose, reword one"
    return f"keep the phrase in one intent, or make it more specific in '{b}'"


def _plain(pattern: str) -> str:
    """A phrase normalised: case, accents, spacing and the order of its `+` parts don't matter."""
    parts = sorted(" ".join(normalize(p).split()) for p in pattern.split("+"))
    return " + ".join(parts)
