"""Near-collisions between a scenario's intents: phrases that are (nearly) the same, intents that read as each other.

Run by `webcare check` (it needs the engine's matcher, so it is not part of the scenario lint).
Every pair of intents is judged as if compared, but only the pairs that share an alike phrase or
read each other's examples are: `phrase_index` finds the alike phrases without comparing every
pair, and each example is recognised once."""

from __future__ import annotations

from trainer.authoring.phrase_index import alike_pairs
from trainer.authoring.places import read_marks
from trainer.engine.intents import Recogniser
from trainer.scenario.lint import Recognise, implied
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems


def collisions(s: Scenario, readings: Recognise | None = None) -> list[Problem]:
    """Warnings, with file:line:col, about intents a trainee can hardly show one without the other.

    `readings` is what `webcare check` already read for the lint (the same examples and phrases)."""
    read = readings or Readings()

    def recognise(_s: Scenario, text: str) -> frozenset[str]:
        return frozenset(read(s, text))

    marked = read_marks(s)
    problems = Problems(s.path or s.id, marked.text if marked else "")

    def warn(path: tuple, message: str, hint: str) -> None:
        problems.add(*(marked.mark(path) if marked else (0, 0)), message, hint, severity="warning")

    names = list(s.intents)
    order = {n: i for i, n in enumerate(names)}
    nested: dict[str, set[str]] = {}

    def nested_in(name: str) -> set[str]:
        if name not in nested:
            nested[name] = implied(s, name, recognise)
        return nested[name]

    phrases = [(n, j, p) for n in names for j, p in enumerate(s.intents[n].match)]
    first: dict[str, int] = {}  # where each intent's phrases start in `phrases`
    for k, (n, _, _) in enumerate(phrases):
        first.setdefault(n, k)
    alike = alike_pairs([p for _, _, p in phrases])
    pairs = {tuple(sorted((phrases[i][0], phrases[j][0]), key=order.__getitem__))
             for i, j in alike if phrases[i][0] != phrases[j][0]}
    shows = {(a, b) for a in names for e in s.intents[a].examples for b in recognise(s, e) if b != a}
    pairs |= {(a, b) for a, b in shows if (b, a) in shows and order[a] < order[b]}

    for a, b in sorted(pairs, key=lambda pair: (order[pair[0]], order[pair[1]])):
        if b in nested_in(a) or a in nested_in(b):
            continue  # one is a case of the other by design
        if (a, b) in shows and (b, a) in shows:
            warn(("intents", b, "match"), f"intents '{a}' and '{b}' recognise each other's examples: "
                 "a trainee can hardly show one without the other",
                 "make their phrases more specific, or merge them into one intent")
        for x, y in ((a, b), (b, a)):
            contained: list[tuple[int, str, str]] = []
            for j, py in enumerate(s.intents[y].match):
                for i, px in enumerate(s.intents[x].match):
                    how = alike.get((first[x] + i, first[y] + j), "")
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



class Readings:
    """What each scenario's intents read in a text, worked out once: the lint and the collision check ask
    about the same examples and phrases, and each reading costs in proportion to the intents."""

    def __init__(self) -> None:
        self._read: dict[int, tuple[Scenario, Recogniser, dict[str, tuple[str, ...]]]] = {}

    def __call__(self, scenario: Scenario, text: str) -> tuple[str, ...]:
        entry = self._read.get(id(scenario))
        if entry is None or entry[0] is not scenario:
            entry = self._read[id(scenario)] = (scenario, Recogniser(scenario.intents, scenario.language), {})
        _, recogniser, read = entry
        if text not in read:
            read[text] = tuple(recogniser.recognise(text))
        return read[text]
