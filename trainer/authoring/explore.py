"""Play a scenario automatically through every move, breadth-first, and report where its story breaks.

Each situation is tried with every move a trainee has: one message per intent (its first
example the scenario recognises, else a phrase from `match`), one message that fits no
intent, every look-up and every action (with its limit, and with the amount the rubric
calls fitting). Situations are told apart by state, mood (by band, split further at the
mood thresholds the scenario's steps use), facts known, actions done, the intents said before that
a step remembers (`said_before`) and, where a step waits on it, messages sent in the state; a
situation seen before is not explored again.
"""

from __future__ import annotations

import bisect
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from trainer.authoring.places import YamlPath, all_lines, read_marks, steps
from trainer.authoring.unreached import report_unreached
from trainer.engine.clock import FakeClock
from trainer.engine.events import ActionTaken, LookedUp, MoodChanged, SessionEnded
from trainer.engine.intents import Recogniser
from trainer.engine.moves import Act, Lookup, Move, Say
from trainer.engine.session import Session
from trainer.errors import MoveError
from trainer.scenario.models import MOOD_BANDS, Scenario
from trainer.scenario.problems import Problem, Problems
from trainer.scenario.reach import scope
from trainer.scenario.text import PLACEHOLDER, fill

MAX_DEPTH = 10
"""Moves deep, by default."""
MAX_SITUATIONS = 2000
"""Situations explored, by default."""
NO_INTENT = ("Hmm.", "Hm.", "…")
"""Messages to try as the one that fits no intent (the first the scenario recognises as nothing)."""

Key = tuple


@dataclass(frozen=True, slots=True)
class Option:
    """A move to try, and how it is shown in a route."""

    label: str
    move: Move


@dataclass
class Situation:
    key: Key
    state: str
    depth: int
    route: tuple[str, ...]
    expanded: bool = False
    exits: list[tuple[str, Key | None, str | None, bool]] = field(default_factory=list)
    """Per move: (move, next situation or None, outcome reached or None, by her patience running out)."""


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    route: tuple[str, ...] = ()


@dataclass
class Exploration:
    scenario: Scenario
    options: list[Option]
    max_depth: int
    max_situations: int
    situations: dict[Key, Situation] = field(default_factory=dict)
    outcomes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Outcomes reached, with the shortest route to each."""
    deepest: int = 0
    cut_off: str = ""
    """Why the exploration stopped early ("" when it saw everything within reach)."""
    seconds: float = 0.0
    patience_falls: bool = False
    findings: list[Finding] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.cut_off

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.problem.severity == "error"]


def options(s: Scenario) -> list[Option]:
    """Every move to try in every situation."""
    recogniser = Recogniser(s.intents, s.language)
    out: list[Option] = []
    for name, intent in s.intents.items():
        tried = [*intent.examples, *(_phrase_text(p) for p in intent.match)]
        text = next((t for t in tried if name in recogniser.recognise(t)), None)
        if text is not None:
            out.append(Option(f"[{name}] {_short(text)}", Say(text)))
    nothing = next((t for t in NO_INTENT if not recogniser.recognise(t)), None)
    if nothing:
        out.append(Option(f"(no intent) {_short(nothing)}", Say(nothing)))
    for name in s.lookups:
        out.append(Option(f"/lookup {name}", Lookup(name)))
    for name, action in s.actions.items():
        if action.limit is None:
            out.append(Option(f"/do {name}", Act(name)))
            continue
        fitting = [p.min_amount for r in s.rubric.fitting for p in r.parts if p.action == name and p.min_amount]
        for amount in dict.fromkeys([action.limit, *fitting]):
            out.append(Option(f"/do {name} {amount:g}", Act(name, amount)))
    return out


def _phrase_text(pattern: str) -> str:
    """`sorry + seat` → `sorry seat`; `apolog*` → `apolog`: a message its own phrase recognises."""
    return " ".join(part.strip().replace("*", "") for part in pattern.split("+"))


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def explore(
    s: Scenario, *, max_depth: int = MAX_DEPTH, max_situations: int = MAX_SITUATIONS,
    progress: Callable[[Exploration, int], None] | None = None,
) -> Exploration:
    """Explore breadth-first within the limits, then judge what was seen (see `Exploration.findings`)."""
    started = time.perf_counter()
    found = Exploration(s, options(s), max_depth, max_situations)
    marked = read_marks(s)
    problems = Problems(s.path or s.id, marked.text if marked else "")
    placeholders = _PlaceholderCheck(s, marked, problems)
    session = Session(s, clock=FakeClock(), mode="test")
    placeholders.answer(session, ())
    keyer = _Keyer(s)
    root = Situation(keyer.key(session), session.state, 0, ())
    found.situations[root.key] = root
    queue = deque([(root, session.snapshot())])
    while queue:
        node, snapshot = queue.popleft()
        if node.depth >= max_depth:
            found.cut_off = found.cut_off or f"the depth limit ({max_depth} moves)"
            continue
        node.expanded = True
        for option in found.options:
            session.restore(snapshot)
            before, fired = len(session.events), len(session.fired)
            try:
                session.play(option.move)
            except MoveError:
                continue  # not a move here (an action done already)
            route = node.route + (option.label,)
            placeholders.answer(session, route)
            new = session.events[before:]
            placeholders.check_events(new, route)
            found.patience_falls |= any(isinstance(e, MoodChanged) and e.patience_delta < 0 for e in new)
            outcome = session.outcome
            if outcome is not None:  # the session is over
                by_patience = any(step is None for _, step, _ in session.fired[fired:])
                node.exits.append((option.label, None, outcome, by_patience))
                if outcome not in found.outcomes:
                    found.outcomes[outcome] = route
                continue
            key = keyer.key(session)
            node.exits.append((option.label, key, None, False))
            if key in found.situations:
                continue
            if len(found.situations) >= max_situations:
                found.cut_off = f"the limit of {max_situations} situations"
                continue
            child = Situation(key, session.state, node.depth + 1, route)
            found.situations[key] = child
            found.deepest = max(found.deepest, child.depth)
            queue.append((child, session.snapshot()))
            if progress is not None:
                progress(found, len(queue))
    found.seconds = time.perf_counter() - started
    found.findings = [*placeholders.findings, *_judge(found, marked)]
    return found


class _Keyer:
    """What tells one situation from another (see the module's docstring)."""

    def __init__(self, s: Scenario) -> None:
        cuts = {upper for _, upper in MOOD_BANDS}
        self._waits: dict[str, int] = {}
        self._remembered = {step.said_before for _, _, step in steps(s) if step.said_before}
        for _, state, step in steps(s):
            if step.mood_below is not None:
                cuts.add(step.mood_below)
            if step.mood_above is not None:
                cuts.add(step.mood_above + 1)
            if step.turns_here is not None:
                for name in scope(s, state, step):
                    self._waits[name] = max(self._waits.get(name, 0), step.turns_here)
        self._cuts = sorted(cuts)

    def key(self, session: Session) -> Key:
        turns = min(session.turns_here, self._waits.get(session.state, 0))
        return (session.state, bisect.bisect_right(self._cuts, session.mood), frozenset(session.known),
                frozenset(session.done), turns, frozenset(self._remembered & set(session.said)))


class _PlaceholderCheck:
    """Finds `{x}` left in what she says or the back office shows, after filling."""

    def __init__(self, s: Scenario, marked, problems: Problems) -> None:
        self.s, self.marked, self.problems = s, marked, problems
        self.values = s.placeholders()
        self.lines: dict[int, YamlPath] = {}
        for at in all_lines(s):
            for band, texts in at.lines.items():
                self.lines[id(texts)] = at.path + (band,)
        self.seen: set[int] = set()
        self.findings: list[Finding] = []

    def answer(self, session: Session, route: tuple[str, ...]) -> None:
        """Let her answer every pending cue, checking every variant she could have picked."""
        while session.cue is not None:
            cue = session.cue
            if id(cue.lines) not in self.seen:
                self.seen.add(id(cue.lines))
                path = self.lines.get(id(cue.lines), ())
                for i, text in enumerate(cue.lines):
                    self._check(fill(text, self.values), path + (i,), f"her line in {cue.state}", route)
            session.customer_wrote(fill(cue.lines[0], self.values) if cue.lines else "…")

    def check_events(self, events, route: tuple[str, ...]) -> None:
        for e in events:
            if isinstance(e, LookedUp):
                self._check(e.result, ("lookups", e.tool, "shows" if e.ok else "refusal"),
                            f"look-up '{e.tool}'", route)
            elif isinstance(e, ActionTaken):
                self._check(e.result, ("actions", e.action, "result" if e.ok else "refusal"),
                            f"action '{e.action}'", route)
            elif isinstance(e, SessionEnded) and e.outcome in self.s.outcomes:
                self._check(e.summary, ("outcomes", e.outcome, "summary"), f"outcome '{e.outcome}'", route)

    def _check(self, text: str, path: YamlPath, what: str, route: tuple[str, ...]) -> None:
        for match in PLACEHOLDER.finditer(text):
            placeholder = match.group(0)
            before = len(self.problems.items)
            line, column = self.marked.mark(path) if self.marked else (0, 0)
            self.problems.add(line, column, f"{what} still shows {placeholder} after filling: {_short(text, 60)}",
                              "placeholders are filled once: one inside a value of details: stays as "
                              "written; write that value out in full")
            if len(self.problems.items) > before:
                self.findings.append(Finding(self.problems.items[-1], route))


def _judge(found: Exploration, marked) -> list[Finding]:
    s = found.scenario
    problems = Problems(s.path or s.id, marked.text if marked else "")
    out: list[Finding] = []

    def report(path: YamlPath, message: str, hint: str, route=(), severity="error") -> None:
        line, column = (marked.key_mark(path) if marked else (0, 0))
        before = len(problems.items)
        problems.add(line, column, message, hint, severity)
        if len(problems.items) > before:
            out.append(Finding(problems.items[-1], route))

    groups: dict[tuple, list[Situation]] = {}
    for node in found.situations.values():
        groups.setdefault(_group(node.key), []).append(node)
    dead_states: set[str] = set()
    for group, nodes in sorted(groups.items(), key=lambda g: min(n.depth for n in g[1])):
        if not all(n.expanded for n in nodes):
            continue
        leaves = any(
            (outcome is not None and not by_patience) or (key is not None and _group(key) != group)
            for n in nodes for _, key, outcome, by_patience in n.exits
        )
        if leaves or group[0] in dead_states:
            continue
        dead_states.add(group[0])
        first = min(nodes, key=lambda n: n.depth)
        report(("states", group[0]), f"state '{group[0]}' is a dead end{_knowing(s, group)}: no move "
               "changes anything but her mood, until her patience runs out",
               "add a step that moves on from here (check the conditions of the steps you meant: "
               "`knows`, `mood_above`, `said`)", first.route)
    for loop in _loops(found, groups, dead_states):
        first = min((n for n in found.situations.values() if n.state in loop), key=lambda n: n.depth)
        names = " → ".join(sorted(loop))
        report(("states", min(loop)), f"the conversation can go round {names} but never reach an "
               "outcome from there, except by her patience running out",
               "give one of these states a step with 'next:' to an outcome or to a state that leads to one",
               first.route)
    visited = {n.state for n in found.situations.values()} | set(found.outcomes)
    report_unreached(s, visited, found.complete, found.cut_off, found.patience_falls, report)
    return out


def _group(key: Key) -> tuple:
    """A situation without its mood and turns: what must change for the story to move on."""
    state, _mood, known, done, *_ = key
    return (state, known, done)


def _knowing(s: Scenario, group: tuple) -> str:
    _, known, done = group
    start = {n for n, f in s.facts.items() if f.known}
    parts = []
    if set(known) - start:
        parts.append("knowing " + ", ".join(sorted(set(known) - start)))
    if done:
        parts.append("having done " + ", ".join(sorted(done)))
    return f" (once the trainee is there {' and '.join(parts)})" if parts else ""


def _loops(found: Exploration, groups, dead_states: set[str]) -> list[set[str]]:
    """Sets of two or more states the conversation can go round without ever reaching an outcome."""
    edges: dict[str, set[str]] = {}
    exits: set[str] = set()
    unsure: set[str] = set()
    for node in found.situations.values():
        edges.setdefault(node.state, set())
        if not node.expanded:
            unsure.add(node.state)
        for _, key, outcome, by_patience in node.exits:
            if outcome is not None and not by_patience:
                exits.add(node.state)
            elif key is not None and key[0] != node.state:
                edges[node.state].add(key[0])
    good = set(exits)
    changed = True
    while changed:
        changed = False
        for state, dests in edges.items():
            if state not in good and dests & good:
                good.add(state)
                changed = True
    doomed = {st for st in edges if st not in good}
    loops = []
    for component in _components({st: edges[st] & doomed for st in doomed}):
        if len(component) > 1 and not component & unsure and not component & dead_states:
            loops.append(component)
    return loops


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components (Tarjan), each a set of states."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            out.append(component)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out
