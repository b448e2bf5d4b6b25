"""Warnings about a valid scenario's story: parts no one can reach, ways out that are missing, unused names."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from trainer.scenario.lines import LinesByBand
from trainer.scenario.marked import Marked, Path_
from trainer.scenario.models import Scenario, Step
from trainer.scenario.problems import Problem, Problems
from trainer.scenario.reach import by_next, fix_for, lost, lost_message, reach, scope, step_name, steps_of
from trainer.scenario.yamlfile import read_yaml

Recognise = Callable[[Scenario, str], Iterable[str]]
"""Which intents a message shows; given by the engine so this layer needs no matcher."""


def _steps(s: Scenario, state: str) -> list[Step]:
    return [*(st for st in s.anywhere if not st.only_in or state in st.only_in), *s.states[state].on]


def reachable(s: Scenario) -> set[str]:
    """States and outcomes a trainee can get to, facts counted (see `trainer.scenario.reach`)."""
    return reach(s).places


def lint(s: Scenario, marked: Marked, problems: Problems, recognise: Recognise | None = None) -> None:
    def warn(path: Path_, message: str, hint: str) -> None:
        problems.add(*marked.key_mark(path), message, hint, severity="warning")

    _lint_reach(s, marked, problems)
    _lint_unused(s, warn)
    for path, earlier, _step in shadowed(s):
        where_ = "an 'anywhere' step" if earlier[0] == "anywhere" else f"step {int(earlier[-1]) + 1} of this state"
        problems.add(*marked.mark(path), f"this step can never fire: {where_} needs less and is checked first",
                     "put the step with more conditions first, or remove one of them", severity="warning")
    if recognise is not None:
        _lint_examples(s, marked, problems, _remembering(recognise))


Warn = Callable[[Path_, str, str], None]
"""Adds a warning at a key: (path, message, hint)."""


def _lint_reach(s: Scenario, marked: Marked, problems: Problems) -> None:
    """States and outcomes no path reaches, steps that can never fire, and states with no way out.

    An ending of kind `resolved` that `next:` reaches but facts block is an error: the good ending is lost."""
    def warn(path: Path_, message: str, hint: str, severity: str = "warning") -> None:
        problems.add(*marked.key_mark(path), message, hint, severity=severity)

    r = reach(s)
    mapped = by_next(s)
    for item in lost(s, r):
        message, hint = lost_message(s, r, item)
        good = item.place in s.outcomes and s.outcomes[item.place].kind == "resolved"
        warn(("states" if item.place in s.states else "outcomes", item.place), message, hint,
             "error" if good else "warning")
    for path, state, step in steps_of(s):
        if path not in r.fires and set(scope(s, state, step)) & r.places:
            problems.add(*marked.mark(path), f"{step_name(path)} can never fire: {r.why_not(step)}",
                         fix_for(s, r, step), severity="warning")
    for name in s.states:
        if name not in mapped:
            warn(("states", name), f"state '{name}' can never be reached",
                 f"add a step with 'next: {name}' somewhere, or remove the state")
        elif name in r.places and not any(st.next and st.next != name for st in _steps(s, name)):
            warn(("states", name), f"state '{name}' has no way out but her patience running out",
                 "add a step with 'next:' to another state or an outcome")
    for name in s.outcomes:
        if name not in mapped:
            warn(("outcomes", name), f"outcome '{name}' can never be reached",
                 f"add a step with 'next: {name}', or remove the outcome")


def _lint_unused(s: Scenario, warn: Warn) -> None:
    """Intents, facts, look-ups and actions that nothing uses (and facts nothing reveals)."""
    all_steps = [st for name in s.states for st in s.states[name].on] + list(s.anywhere)
    used_intents = {st.said for st in all_steps} | {i for f in s.facts.values() for i in f.by_asking}
    r = s.rubric
    used_intents |= set(r.explains) | set(r.improve) | {i for q in r.questions for i in q.answered_by}
    used_intents |= {x.offer for res in (*r.fitting, *r.poor) for x in res.parts if x.offer}
    for name, intent in s.intents.items():
        if name not in used_intents and not intent.wrong:
            warn(("intents", name), f"intent '{name}' is never used",
                 "use it in a step ('said: …'), a fact's 'by_asking', or the rubric; or remove it")
    _lint_facts(s, all_steps, warn)
    used_tools = {st.looked_up for st in all_steps} | {st.did for st in all_steps}
    used_tools |= {f for fact in s.facts.values() for f in fact.found_in}
    used_tools |= {x.action for res in (*r.fitting, *r.poor) for x in res.parts} | set(r.escalate) | set(r.improve)
    used_tools |= {n for q in r.questions for n in q.answered_by}  # actions and look-ups that answer her
    for table, what, where in (("lookups", "look-up", "'looked_up'"), ("actions", "action", "'did'")):
        for name in getattr(s, table):
            if name not in used_tools:
                warn((table, name), f"{what} '{name}' is never used: no step, fact or rubric names it",
                     f"react to it in a step ({where}: {name}), reveal a fact with it ('found_in'), "
                     "name it in the rubric, or remove it")


def _lint_facts(s: Scenario, all_steps: list[Step], warn: Warn) -> None:
    revealed = {f for st in all_steps for f in st.reveal}
    for name, fact in s.facts.items():
        if not (fact.found_in or fact.by_asking or fact.known or name in revealed):
            warn(("facts", name), f"fact '{name}' can never be found",
                 "say where: 'found_in: LOOKUP', 'by_asking: INTENT', or reveal it in a step")
    used_facts = {f for st in all_steps for f in st.knows} | set(s.rubric.key_facts)
    used_facts |= {f for tool in s.lookups.values() for f in tool.needs}
    used_facts |= {f for tool in s.actions.values() for f in tool.needs}
    for name in s.facts:
        if name not in used_facts:
            warn(("facts", name), f"fact '{name}' is never used: no step's 'knows', look-up's or action's "
                 "'needs', or the rubric's 'key_facts' names it",
                 "add it to the rubric's 'key_facts' if a good detective finds it out, or remove it")


def _lint_examples(s: Scenario, marked: Marked, problems: Problems, recognise: Recognise) -> None:
    """Each intent's examples are recognised as that intent, and as no other it does not imply."""
    for name, intent in s.intents.items():
        for i, example in enumerate(intent.examples):
            found = list(recognise(s, example))
            others = [n for n in found if n != name]
            if others:  # what `name` implies is worked out only when it matters (readings are remembered)
                also = implied(s, name, recognise)
                others = [n for n in others if n not in also]
            if name not in found:
                problems.add(*marked.mark(("intents", name, "examples", i)),
                             f"example is not recognised as '{name}': {why_not(s, name, example)}"
                             + (f" (it reads as: {', '.join(found)})" if found else ""),
                             "add a phrase to 'match:' that this example contains, or word it the way "
                             "the intent's other examples are said", severity="warning")
            elif others:
                problems.add(*marked.mark(("intents", name, "examples", i)),
                             f"example of '{name}' is also recognised as {_quoted(others)}",
                             f"make the phrases of {_quoted(others)} more specific, or this example "
                             "say only what it is an example of", severity="warning")


def _remembering(recognise: Recognise) -> Recognise:
    """`recognise`, asked once per text: examples and phrases repeat, and each reading is work in
    proportion to the number of intents."""
    known: dict[str, tuple[str, ...]] = {}

    def once(s: Scenario, text: str) -> tuple[str, ...]:
        if text not in known:
            known[text] = tuple(recognise(s, text))
        return known[text]

    return once


def why_not(s: Scenario, name: str, text: str) -> str:
    from trainer.meaning.intents import (
        reader_for,  # the matcher only when an example needs explaining
    )

    return reader_for(s).why_not(text, name)


def phrase_text(pattern: str) -> str:
    """A message that a `match:` phrase recognises: `sorry + seat` → `sorry seat`, `apolog*` → `apolog`."""
    return " ".join(part.strip().replace("*", "") for part in pattern.split("+"))


def implied(s: Scenario, name: str, recognise: Recognise) -> set[str]:
    """Intents every phrase of `name` shows as well: `name` is a case of them (`protect_and_move`
    of `move_to_dm`), so its examples are theirs too by design."""
    sets = [set(recognise(s, phrase_text(p))) for p in s.intents[name].match]
    return (set.intersection(*sets) - {name}) if sets else set()


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


_ORDERED = (("min_amount", 1), ("mood_below", -1), ("mood_above", 1), ("turns_here", 1))
"""Numeric conditions, and which way a larger value asks more (+1) or less (-1)."""


def needs_less(a: Step, b: Step) -> bool:
    """Whether `a` holds whenever `b` does, for the same move: its conditions are a subset of b's."""
    if a.trigger != b.trigger:
        return False
    if any(getattr(a, f) is not None and getattr(a, f) != getattr(b, f) for f in ("said", "did", "looked_up")):
        return False
    if not (set(a.knows) <= set(b.knows) and set(a.not_knows) <= set(b.not_knows)):
        return False
    if a.said_before is not None and a.said_before != b.said_before:
        return False
    for name, direction in _ORDERED:
        mine, theirs = getattr(a, name), getattr(b, name)
        if mine is None:
            continue
        if theirs is None or (theirs - mine) * direction < 0:
            return False
    return True


def shadowed(s: Scenario) -> list[tuple[Path_, Path_, Step]]:
    """Steps that can never fire, with the path of the earlier step that always fires first.

    A waiting step that stays put fires once per visit only, so it hides nothing for good."""
    out: list[tuple[Path_, Path_, Step]] = []
    own: list[tuple[Path_, Step]] = [(("anywhere", i), st) for i, st in enumerate(s.anywhere)]
    for i, (path, step) in enumerate(own):
        first = next((p for p, e in own[:i] if _hides(e, step) and _wider(e, step)), None)
        if first:
            out.append((path, first, step))
    for name, state in s.states.items():
        here = [(p, st) for p, st in own if not st.only_in or name in st.only_in]
        steps = here + [(("states", name, "on", i), st) for i, st in enumerate(state.on)]
        for i in range(len(here), len(steps)):
            path, step = steps[i]
            first = next((p for p, e in steps[:i] if _hides(e, step)), None)
            if first:
                out.append((path, first, step))
    return out


def _wider(earlier: Step, later: Step) -> bool:
    """Whether a house rule applies in every state where a later one does (`only_in`)."""
    return not earlier.only_in or (bool(later.only_in) and set(later.only_in) <= set(earlier.only_in))


def _hides(earlier: Step, later: Step) -> bool:
    return not (earlier.trigger == "tick" and not earlier.next) and needs_less(earlier, later)


# ── Twins: one case in two languages ────────────────────────────────────────────────────

TWIN_SUFFIX = re.compile(r"-(en|nl)$")


def twin_problems(scenarios: list[Scenario]) -> list[Problem]:
    """Lines one language has and its twin lacks: same id but for -en/-nl, in the same library.

    Steps are matched by what they react to and where they lead, so twins may order them alike
    or not; a place that only one twin has is left alone."""
    cases: dict[str, list[Scenario]] = {}
    for s in scenarios:
        if TWIN_SUFFIX.search(s.id):
            cases.setdefault(TWIN_SUFFIX.sub("", s.id), []).append(s)
    out: list[Problem] = []
    for twins in cases.values():
        for a in twins:
            for b in twins:
                if a is not b and a.language != b.language:
                    out.extend(_lines_missing(a, b))
    return out


def _lines_missing(here: Scenario, twin: Scenario) -> list[Problem]:
    """Where `here` lacks lines (or mood bands of lines) that `twin` has."""
    mine, theirs = _line_places(here), _line_places(twin)
    missing = []
    for key, (path, bands) in mine.items():
        other = theirs.get(key)
        if other is not None and other[1] - bands:
            missing.append((path, bands, other[1] - bands))
    if not missing or here.path is None:
        return []
    text = Path(here.path).read_bytes()
    problems = Problems(here.path, text.decode("utf-8-sig", "replace"))
    marked = read_yaml(text, problems)
    if marked is None:
        return []
    name = Path(twin.path).name if twin.path else twin.id
    for path, bands, lacking in missing:
        what = "no lines here" if not bands else "no lines for " + ", ".join(
            f"'{b}'" for b in _in_band_order(lacking)) + " here"
        problems.add(*marked.key_mark(path), f"{what}, while its twin in {name} has them",
                     f"write them in {here.language} too, or remove them from {name}", severity="warning")
    return problems.warnings


def _in_band_order(bands: set[str]) -> list[str]:
    order = ["furious", "angry", "upset", "calm", "happy", "any"]
    return sorted(bands, key=lambda b: order.index(b) if b in order else len(order))


Signature = tuple[str | None, str | None, str | None, float | None, tuple[str, ...], int | None, int | None,
                  int | None, str | None]
"""What a step reacts to and where it leads: steps alike in both twins have the same one."""
Place = tuple[str | int | Signature, ...]
"""Where lines stand, the same in both twins: ("state", name), ("step", state, signature, n) …"""


def _line_places(s: Scenario) -> dict[Place, tuple[Path_, set[str]]]:
    """Every place that can hold lines, keyed the same in both twins: (its path, the bands it has)."""
    out: dict[Place, tuple[Path_, set[str]]] = {}

    def bands(lines: LinesByBand) -> set[str]:
        return {band for band, variants in lines.items() if variants}

    def steps(prefix: Place, where: Path_, on: tuple[Step, ...]) -> None:
        seen: dict[Signature, int] = {}
        for i, st in enumerate(on):
            sig = (st.said, st.did, st.looked_up, st.min_amount, tuple(sorted(st.knows)), st.mood_below,
                   st.mood_above, st.turns_here, st.next)
            seen[sig] = seen.get(sig, 0) + 1
            path: Path_ = (*where, i)
            out[(*prefix, sig, seen[sig])] = ((*path, "lines") if st.lines else path, bands(st.lines))

    for name, state in s.states.items():
        out[("state", name)] = (("states", name, "lines"), bands(state.lines))
        path: Path_ = ("states", name, "otherwise", "lines") if state.otherwise.lines else ("states", name)
        out[("otherwise", name)] = (path, bands(state.otherwise.lines))
        steps(("step", name), ("states", name, "on"), state.on)
    steps(("anywhere",), ("anywhere",), s.anywhere)
    for name, outcome in s.outcomes.items():
        out[("outcome", name)] = (("outcomes", name, "lines") if outcome.lines else ("outcomes", name),
                                  bands(outcome.lines))
    return out
