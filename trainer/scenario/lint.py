"""Warnings about a valid scenario's story: parts no one can reach, ways out that are missing, unused names."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from trainer.scenario.models import Scenario, Step
from trainer.scenario.problems import Problems
from trainer.scenario.yamlfile import Marked

Recognise = Callable[[Scenario, str], Iterable[str]]
"""Which intents a message shows; given by the engine so this layer needs no matcher."""


def _steps(s: Scenario, state: str) -> list[Step]:
    return [*s.anywhere, *s.states[state].on]


def graph(s: Scenario) -> dict[str, set[str]]:
    """Where each state can lead (patience running out included)."""
    return {
        name: {st.next for st in _steps(s, name) if st.next} | {s.when_patience_runs_out}
        for name in s.states
    }


def reachable(s: Scenario) -> set[str]:
    edges = graph(s)
    seen, todo = {s.start}, [s.start]
    while todo:
        for dest in edges.get(todo.pop(), ()):
            if dest not in seen:
                seen.add(dest)
                todo.append(dest)
    return seen


def lint(s: Scenario, marked: Marked, problems: Problems, recognise: Recognise | None = None) -> None:
    def warn(path: tuple, message: str, hint: str) -> None:
        problems.add(*marked.key_mark(path), message, hint, severity="warning")

    seen = reachable(s)
    for name in s.states:
        if name not in seen:
            warn(("states", name), f"state '{name}' can never be reached",
                 f"add a step with 'next: {name}' somewhere, or remove the state")
        elif not any(st.next and st.next != name for st in _steps(s, name)):
            warn(("states", name), f"state '{name}' has no way out but her patience running out",
                 "add a step with 'next:' to another state or an outcome")
    for name in s.outcomes:
        if name not in seen:
            warn(("outcomes", name), f"outcome '{name}' can never be reached",
                 f"add a step with 'next: {name}', or remove the outcome")

    all_steps = [st for name in s.states for st in s.states[name].on] + list(s.anywhere)
    used_intents = {st.said for st in all_steps} | {i for f in s.facts.values() for i in f.by_asking}
    r = s.rubric
    used_intents |= set(r.explains) | set(r.improve) | {i for q in r.questions for i in q.answered_by}
    used_intents |= {x.offer for x in (*r.fitting, *r.poor) if x.offer}
    for name, intent in s.intents.items():
        if name not in used_intents and not intent.wrong:
            warn(("intents", name), f"intent '{name}' is never used",
                 "use it in a step ('said: …'), a fact's 'by_asking', or the rubric; or remove it")

    revealed = {f for st in all_steps for f in st.reveal}
    for name, fact in s.facts.items():
        if not (fact.found_in or fact.by_asking or fact.known or name in revealed):
            warn(("facts", name), f"fact '{name}' can never be found",
                 "say where: 'found_in: LOOKUP', 'by_asking: INTENT', or reveal it in a step")

    if recognise is not None:
        for name, intent in s.intents.items():
            for i, example in enumerate(intent.examples):
                found = list(recognise(s, example))
                if name not in found:
                    problems.add(*marked.mark(("intents", name, "examples", i)),
                                 f"example is not recognised as '{name}'"
                                 + (f" (it reads as: {', '.join(found)})" if found else ""),
                                 "add a phrase to 'match:' that this example contains",
                                 severity="warning")
