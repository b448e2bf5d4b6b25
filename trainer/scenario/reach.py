"""What a story can ever reach once facts count: which facts can come to light, which steps can fire, and so
which states and outcomes a trainee can get to.

`next:` alone draws the map; but a step that `knows:` a fact nothing reveals, or reacts to a look-up or an
action whose `needs:` can never be met, never fires, and what only it leads to is lost. Worked out as a
fixpoint: facts known from the start or by asking, look-ups and actions whose needs are met, the facts they
show (`found_in`), steps in reachable states whose conditions can hold, the facts they `reveal` and the
places they lead to, until nothing more comes in. It errs on the side of "can": moods, turns and what a
message is recognised as are taken to go the author's way, so what it calls unreachable is unreachable.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from trainer.scenario.marked import Path_
from trainer.scenario.models import Scenario, Step

StepAt = tuple[Path_, str | None, Step]
"""A step, its path in the file and its state (None for a house rule in `anywhere:`)."""


def steps_of(s: Scenario) -> Iterator[StepAt]:
    """Every step with its path and state, house rules first, in the order the engine tries them."""
    for i, step in enumerate(s.anywhere):
        yield ("anywhere", i), None, step
    for name, state in s.states.items():
        for i, step in enumerate(state.on):
            yield ("states", name, "on", i), name, step


def scope(s: Scenario, state: str | None, step: Step) -> tuple[str, ...]:
    """The states a step is tried in: its own, or for a house rule its `only_in` (else every state)."""
    if state is not None:
        return (state,)
    return tuple(n for n in s.states if not step.only_in or n in step.only_in)


def step_name(path: Path_) -> str:
    """`step 2 of state 'telling'`, `house rule 3 (anywhere: step 3)`."""
    if path[0] == "anywhere":
        return f"'anywhere' step {int(path[1]) + 1}"
    return f"step {int(path[3]) + 1} of state '{path[1]}'"


def by_next(s: Scenario) -> set[str]:
    """States and outcomes reachable by following `next:` (and patience running out) alone."""
    edges: dict[str, set[str]] = {n: {s.when_patience_runs_out} for n in s.states}
    for _path, state, step in steps_of(s):
        for source in scope(s, state, step):
            if step.next:
                edges[source].add(step.next)
    seen, todo = {s.start}, [s.start]
    while todo:
        for dest in edges.get(todo.pop(), ()):
            if dest not in seen:
                seen.add(dest)
                todo.append(dest)
    return seen


@dataclass
class Reach:
    """The fixpoint: what can ever happen in a scenario, and why the rest cannot."""

    s: Scenario
    places: set[str] = field(default_factory=set)
    """States and outcomes a trainee can get to."""
    facts: set[str] = field(default_factory=set)
    """Facts that can come to light."""
    tools: set[str] = field(default_factory=set)
    """Look-ups and actions whose `needs:` can be met."""
    fires: set[Path_] = field(default_factory=set)
    """Paths of the steps that can fire."""

    def can_fire(self, step: Step) -> bool:
        """Whether a step's conditions can hold, given what can be known and used (its place aside)."""
        return self.why_not(step) is None

    def why_not(self, step: Step) -> str | None:
        """Why a step's conditions can never hold, in words ("it needs fact 'x', which nothing reveals")."""
        s = self.s
        for fact in step.knows:
            if fact not in self.facts:
                return f"it needs fact '{fact}', {self.why_unknown(fact)}"
        for tool, what in ((step.did, "action"), (step.looked_up, "look-up")):
            if tool and tool not in self.tools:
                return f"it reacts to {what} '{tool}', which {self._why_unusable(tool, set())}"
        limit = s.actions[step.did].limit if step.did in s.actions else None
        if step.min_amount is not None and limit is not None and step.min_amount > limit:
            return f"it needs at least {step.min_amount:g} of action '{step.did}', whose limit is {limit:g}"
        for fact in step.not_knows:
            if fact in s.facts and s.facts[fact].known:
                return f"it needs fact '{fact}' not to be known, but the trainee knows it from the start"
        return None

    def why_unknown(self, fact: str, seen: set[str] | None = None) -> str:
        """Why a fact can never come to light: "which nothing reveals", or the source that is blocked."""
        seen = (seen or set()) | {fact}
        spec = self.s.facts.get(fact)
        tools = [t for t in spec.found_in if t in (*self.s.lookups, *self.s.actions)] if spec else []
        if tools:
            tool = tools[0]
            blocked = self._why_unusable(tool, seen)
            return f"which only {_tool_word(self.s, tool)} '{tool}' shows, and that {blocked}"
        revealing = [path for path, _state, step in steps_of(self.s) if fact in step.reveal]
        if revealing:
            return f"which only {step_name(revealing[0])} reveals, and that step can never fire"
        return "which nothing reveals"

    def _why_unusable(self, tool: str, seen: set[str]) -> str:
        needs = [f for f in needs_of(self.s, tool) if f not in self.facts]
        if not needs:
            return "does not exist"
        if needs[0] in seen:
            return f"needs '{needs[0]}' itself first: a circle"
        return f"needs fact '{needs[0]}', {self.why_unknown(needs[0], seen)}"

    def root_fact(self, step: Step) -> tuple[str, bool] | None:
        """The fact to fix for a blocked step, and whether nothing reveals it (else it is blocked in a
        circle): the first along its chain that nothing reveals, or None when no fact blocks it."""
        needed = [*step.knows]
        for tool in (step.did, step.looked_up):
            needed.extend(needs_of(self.s, tool))
        seen: dict[str, None] = {}  # in the order met
        while needed:
            fact = needed.pop(0)
            if fact in self.facts or fact in seen or fact not in self.s.facts:
                continue
            seen[fact] = None
            told = self.s.facts[fact]
            if not (told.found_in or told.by_asking or told.known or _revealed_by_step(self.s, fact)):
                return fact, True
            for tool in told.found_in:
                if tool not in self.tools:
                    needed.extend(needs_of(self.s, tool))
        first = next(iter(seen), None)
        return (first, False) if first else None


def needs_of(s: Scenario, tool: str | None) -> tuple[str, ...]:
    """The facts a look-up or an action needs first (none for a name that is neither)."""
    if tool in s.lookups:
        return s.lookups[tool].needs
    return s.actions[tool].needs if tool in s.actions else ()


def _revealed_by_step(s: Scenario, fact: str) -> bool:
    return any(fact in step.reveal for _p, _st, step in steps_of(s))


def _tool_word(s: Scenario, name: str) -> str:
    return "look-up" if name in s.lookups else "action"


def reach(s: Scenario) -> Reach:
    """Grow what can be known, used, fired and reached until nothing more comes in."""
    r = Reach(s, places={s.start})
    r.facts = {n for n, f in s.facts.items() if f.known or f.by_asking}
    all_steps = list(steps_of(s))
    grew = True
    while grew:
        before = (len(r.places), len(r.facts), len(r.fires))
        r.tools = {n for n in (*s.lookups, *s.actions) if set(needs_of(s, n)) <= r.facts}
        r.facts |= {n for n, f in s.facts.items() if set(f.found_in) & r.tools}
        for path, state, step in all_steps:
            if path in r.fires or not set(scope(s, state, step)) & r.places or not r.can_fire(step):
                continue
            r.fires.add(path)
            r.facts |= set(step.reveal) & set(s.facts)
            if step.next:
                r.places.add(step.next)
        if r.places & set(s.states):
            r.places.add(s.when_patience_runs_out)
        grew = before != (len(r.places), len(r.facts), len(r.fires))
    return r


@dataclass(frozen=True, slots=True)
class Lost:
    """A state or outcome the map reaches but facts block, with the blocked step on the way there."""

    place: str
    gate: StepAt | None
    """The first step (in a reachable state) on the way there that can never fire."""
    gates: int
    """How many such steps there are."""


def lost(s: Scenario, r: Reach) -> list[Lost]:
    """Places `next:` reaches but the story cannot: each with the blocked step that would have led there."""
    mapped = by_next(s)
    out = []
    for place in (*s.states, *s.outcomes):
        if place in mapped and place not in r.places:
            gates = _gates(s, r, place)
            out.append(Lost(place, gates[0] if gates else None, len(gates)))
    return out


def _gates(s: Scenario, r: Reach, place: str) -> list[StepAt]:
    """Blocked steps in reachable states whose `next:` leads (through other lost places) to `place`."""
    towards = {place}
    todo = [place]
    gates: dict[Path_, StepAt] = {}
    all_steps = list(steps_of(s))
    while todo:
        dest = todo.pop()
        for path, state, step in all_steps:
            if step.next != dest:
                continue
            for source in scope(s, state, step):
                if source in r.places and path not in r.fires:
                    gates.setdefault(path, (path, state, step))
                elif source not in r.places and source not in towards:
                    towards.add(source)
                    todo.append(source)
    order = {path: i for i, (path, _st, _step) in enumerate(all_steps)}
    return sorted(gates.values(), key=lambda g: order[g[0]])


def lost_message(s: Scenario, r: Reach, item: Lost) -> tuple[str, str]:
    """What to tell an author about a lost place: (message, hint)."""
    what = "state" if item.place in s.states else "outcome"
    if item.gate is None:
        return (f"{what} '{item.place}' can never be reached: no step that can fire leads there",
                f"check the conditions of the steps with 'next: {item.place}'")
    path, _state, step = item.gate
    more = f" (and {item.gates - 1} more step{'s' if item.gates > 2 else ''} like it)" if item.gates > 1 else ""
    message = (f"{what} '{item.place}' can never be reached: the way there needs {step_name(path)}{more}, "
               f"which can never fire: {r.why_not(step)}")
    return message, fix_for(s, r, step)


def fix_for(s: Scenario, r: Reach, step: Step) -> str:
    """The hint for a blocked step: say where its missing fact is found, or what else to change."""
    root = r.root_fact(step)
    if root is not None and not root[1]:
        fact = root[0]
        return (f"let fact '{fact}' come to light another way: 'by_asking: INTENT', 'found_in:' a look-up "
                f"that needs nothing first, or 'reveal: [{fact}]' in a step that can fire")
    if root is not None:
        fact = root[0]
        where = _likely_source(s, fact) or "LOOKUP"
        return (f"say where fact '{fact}' comes to light: add 'found_in: {where}' (a look-up or action that "
                f"shows it) or 'by_asking: INTENT' to that fact, or 'reveal: [{fact}]' to a step that can fire")
    if step.min_amount is not None:
        return "lower 'min_amount', or raise the action's 'limit'"
    if step.not_knows:
        return "remove the fact from 'not_knows', or make it not known from the start"
    return "check the 'needs:' of the look-ups and actions on the way: one of them is never met"


def _likely_source(s: Scenario, fact: str) -> str | None:
    """The look-up (or action) whose screen shares the most words with the fact's name, if any does."""
    words = {w for w in fact.lower().split("_") if len(w) > 2}
    scores = {name: sum(w in text.lower() for w in words)
              for name, text in (*((n, t.shows) for n, t in s.lookups.items()),
                                 *((n, a.result) for n, a in s.actions.items()))}
    best = max(scores, key=lambda n: scores[n], default=None)
    return best if best is not None and scores[best] else None
