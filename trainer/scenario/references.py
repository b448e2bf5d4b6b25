"""Checks across the file: every name a scenario uses must be defined in it."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.scenario.lines import LinesByBand, LineWhen
from trainer.scenario.marked import Marked, Path_
from trainer.scenario.models import Scenario, Step
from trainer.scenario.problems import Problems, did_you_mean
from trainer.scenario.text import placeholders_in

LEFT = "left"


def check_references(scenario: Scenario, marked: Marked, problems: Problems) -> None:
    names = _Names(marked, problems)
    _check_tables(scenario, names)
    for name, state in scenario.states.items():
        for i, st in enumerate(state.on):
            _check_step(scenario, ("states", name, "on", i), st, names)
    for i, st in enumerate(scenario.anywhere):
        _check_step(scenario, ("anywhere", i), st, names)
    _check_rubric(scenario, names)
    _check_persona(scenario, names)
    _check_playthroughs(scenario, names)
    _check_placeholders(scenario, marked, problems)


class _Names:
    """Reports a name used but not defined, at its place in the file, with the nearest defined one."""

    def __init__(self, marked: Marked, problems: Problems) -> None:
        self.marked, self.problems = marked, problems

    def ref(self, path: Path_, name: str | None, table: Iterable[str], what: str) -> None:
        table = list(table)
        if name is not None and name not in table:
            self.problems.add(*self.marked.mark(path), f"unknown {what} '{name}'", did_you_mean(name, table))

    def refs(self, path: Path_, names: tuple[str, ...], table: Iterable[str], what: str) -> None:
        table = list(table)
        for i, name in enumerate(names):
            self.ref(path + (i,), name, table, what)


def _check_tables(s: Scenario, names: _Names) -> None:
    """States and outcomes apart, `left` reserved, and the names facts, look-ups and actions use."""
    marked, problems = names.marked, names.problems
    for name in set(s.states) & set(s.outcomes):
        problems.add(*marked.key_mark(("outcomes", name)),
                     f"'{name}' is both a state and an outcome", "rename one of them")
    for table in ("states", "outcomes"):
        if LEFT in getattr(s, table):
            problems.add(*marked.key_mark((table, LEFT)),
                         f"'{LEFT}' is reserved: it is the outcome when the trainee ends with /end",
                         "choose another name")
    names.ref(("start",), s.start, s.states, "state")
    names.ref(("when_patience_runs_out",), s.when_patience_runs_out, s.outcomes, "outcome")
    for name, fact in s.facts.items():
        names.refs(("facts", name, "found_in"), fact.found_in, [*s.lookups, *s.actions], "look-up or action")
        names.refs(("facts", name, "by_asking"), fact.by_asking, s.intents, "intent")
    for name, lookup in s.lookups.items():
        names.refs(("lookups", name, "needs"), lookup.needs, s.facts, "fact")
    for name, action in s.actions.items():
        names.refs(("actions", name, "needs"), action.needs, s.facts, "fact")


def _check_step(s: Scenario, path: Path_, st: Step, names: _Names) -> None:
    _check_tools(s, path, st, names)
    names.refs(path + ("reveal",), st.reveal, s.facts, "fact")
    names.ref(path + ("next",), st.next, {*s.states, *s.outcomes}, "state or outcome")
    if st.min_amount is not None and not st.did:
        names.problems.add(*names.marked.mark(path + ("min_amount",)), "min_amount needs did: ACTION",
                           "say which action's amount is meant")
    _check_step_memory(s, path, st, names)


def _check_step_memory(s: Scenario, path: Path_, st: Step, names: _Names) -> None:
    """The states `only_in` names, and only on house rules (`not_knows` and `said_before` are `_check_tools`')."""
    if path[0] == "anywhere":
        names.refs(path + ("only_in",), st.only_in, s.states, "state")
    elif st.only_in:
        names.problems.add(*names.marked.key_mark(path + ("only_in",)),
                           "'only_in' is for house rules: a state's own step applies only in that state anyway",
                           "move the step to 'anywhere:', or remove 'only_in'")


_TOOLS = {"said": ("intents", "an intent"), "did": ("actions", "an action"),
          "looked_up": ("lookups", "a look-up"), "knows": ("facts", "a fact"),
          "said_before": ("intents", "an intent"), "not_knows": ("facts", "a fact")}
"""A step's conditions that name something, with the table the name must be in (the first key for a kind is the
one a misplaced name is sent to)."""


def _check_tools(s: Scenario, path: Path_, st: Step, names: _Names) -> None:
    """Each condition names its own kind of thing; one that names another kind says which key does."""
    for key, (table, what) in _TOOLS.items():
        value = getattr(st, key)
        listed = value if isinstance(value, tuple) else (value,)
        for i, name in enumerate(listed):
            if name is None or name in getattr(s, table):
                continue
            where = path + ((key, i) if isinstance(value, tuple) else (key,))
            other = next((k for k, (t, _) in _TOOLS.items() if k != key and name in getattr(s, t)), None)
            if other is None:
                names.ref(where, name, getattr(s, table), what.split(" ", 1)[1])
            else:
                names.problems.add(*names.marked.mark(where), f"'{name}' is {_TOOLS[other][1]}, not {what}",
                                   f"use `{other}: {name}`")


def _check_rubric(s: Scenario, names: _Names) -> None:
    r = s.rubric
    names.refs(("rubric", "key_facts"), r.key_facts, s.facts, "fact")
    names.refs(("rubric", "explains"), r.explains, s.intents, "intent")
    names.refs(("rubric", "escalate"), r.escalate, s.actions, "action")
    for i, q in enumerate(r.questions):
        names.refs(("rubric", "questions", i, "asked_in"), q.asked_in, s.states, "state")
        names.refs(("rubric", "questions", i, "answered_by"), q.answered_by, [*s.intents, *s.actions, *s.lookups],
                   "intent, action or look-up")
    _check_resolutions(s, names)
    names.refs(("rubric", "improve"), r.improve, [*s.actions, *s.intents], "action or intent")


def _check_resolutions(s: Scenario, names: _Names) -> None:
    """Fitting and poor resolutions name actions and intents, their `all:` parts too; only fitting has parts."""
    for group in ("fitting", "poor"):
        for i, res in enumerate(getattr(s.rubric, group)):
            where: Path_ = ("rubric", group, i)
            paths = [where + ("all", j) for j in range(len(res.parts))] if res.several else [where]
            if res.several and group == "poor":
                names.problems.add(*names.marked.key_mark(where + ("all",)),
                                   "'all:' is for fitting resolutions; a poor one is a single action or offer",
                                   "write each action or offer as an item of its own under poor:, each with its why:")
            for path, part in zip(paths, res.parts, strict=True):
                names.ref(path + ("action",), part.action, s.actions, "action")
                names.ref(path + ("offer",), part.offer, s.intents, "intent")


def _check_persona(s: Scenario, names: _Names) -> None:
    """`own_details` names keys of `details`; `acknowledge_writes_for` needs someone written for."""
    marked, problems = names.marked, names.problems
    for i, key in enumerate(s.customer.own_details or ()):
        if key not in s.details:
            problems.add(*marked.mark(("customer", "own_details", i)), f"unknown detail '{key}' in own_details",
                         did_you_mean(key, s.details) + " (own_details lists keys of details:)")
    if s.rubric.acknowledge_writes_for and s.customer.writes_for is None:
        problems.add(*marked.mark(("rubric", "acknowledge_writes_for")),
                     "acknowledge_writes_for: true, but the customer writes for no one else",
                     "add writes_for: (name, relation) under customer:, or remove acknowledge_writes_for")


def _check_playthroughs(s: Scenario, names: _Names) -> None:
    """Each ends in a known outcome, with score ranges low to high within 0–100, under a name of its own."""
    marked, problems = names.marked, names.problems
    for i, play in enumerate(s.playthroughs):
        names.ref(("playthroughs", i, "expect", "outcome"), play.expect.outcome, [*s.outcomes, LEFT], "outcome")
        for trade, (low, high) in play.expect.scores.items():
            if not 0 <= low <= high <= 100:
                problems.add(*marked.mark(("playthroughs", i, "expect", "scores", trade)),
                             f"score range [{low}, {high}] for {trade} is not within 0–100, low to high",
                             "write [lowest, highest], e.g. [60, 100]")
    played = [p.name for p in s.playthroughs]
    for i, name in enumerate(played):
        if name in played[:i]:
            problems.add(*marked.mark(("playthroughs", i, "name")),
                         f"two playthroughs are called '{name}'", "give each a name of its own")
    for i, play in enumerate(s.playthroughs):
        names.refs(("playthroughs", i, "expect", "better_than"), play.expect.better_than, played, "playthrough")
    _check_ranking(s, names)


def _check_ranking(s: Scenario, names: _Names) -> None:
    """`better_than` goes one way: no play beats, through others, a play that beats it."""
    beats = {p.name: set(p.expect.better_than) for p in s.playthroughs}
    for i, play in enumerate(s.playthroughs):
        seen, todo = set(), list(beats[play.name])
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(beats.get(name, ()))
        if play.name in seen:
            names.problems.add(*names.marked.key_mark(("playthroughs", i, "expect", "better_than")),
                               f"the ranking goes round in a circle: '{play.name}' would have to beat itself",
                               "rank the plays one way: remove one of the better_than entries in the circle")


def _check_placeholders(s: Scenario, marked: Marked, problems: Problems) -> None:
    known = set(s.placeholders())
    texts: list[tuple[Path_, str, set[str]]] = []

    def lines(path: Path_, by_band: LinesByBand) -> None:
        for band, variants in by_band.items():
            where = path + (band,) if path + (band,) in marked.values else path
            for i, line in enumerate(variants):
                when = getattr(line, "when", None)
                texts.append((where + (i, "say") if when else where + (i,), line, set()))
                if when is not None:
                    _check_conditions(s, where + (i,), when, marked, problems)

    for name, state in s.states.items():
        lines(("states", name, "lines"), state.lines)
        lines(("states", name, "otherwise", "lines"), state.otherwise.lines)
        for i, st in enumerate(state.on):
            lines(("states", name, "on", i, "lines"), st.lines)
    for i, st in enumerate(s.anywhere):
        lines(("anywhere", i, "lines"), st.lines)
    for name, outcome in s.outcomes.items():
        lines(("outcomes", name, "lines"), outcome.lines)
        texts.append((("outcomes", name, "summary"), outcome.summary, set()))
    for name, lookup in s.lookups.items():
        texts.append((("lookups", name, "shows"), lookup.shows, set()))
        if lookup.refusal:
            texts.append((("lookups", name, "refusal"), lookup.refusal, set()))
    for name, action in s.actions.items():
        texts.append((("actions", name, "result"), action.result, {"amount"}))
        if action.refusal:
            texts.append((("actions", name, "refusal"), action.refusal, set()))
    texts.append((("briefing",), s.briefing, set()))
    for i, item in enumerate(s.mandate):
        texts.append((("mandate", i), item, set()))
    for path, text, extra in texts:
        if not isinstance(text, str):
            continue  # an invalid value, already reported
        for name in placeholders_in(text):
            if name not in known | extra:
                problems.add(*marked.find(path, f"{{{name}}}"), f"unknown placeholder '{{{name}}}'",
                             did_you_mean(name, known | extra) + " (placeholders come from details:)")


def _check_conditions(s: Scenario, path: Path_, when: LineWhen, marked: Marked, problems: Problems) -> None:
    """The names a line's conditions use are the scenario's intents and actions."""
    for key, table, what in (("if_said", s.intents, "intent"), ("unless_said", s.intents, "intent"),
                             ("if_done", s.actions, "action"), ("unless_done", s.actions, "action")):
        other = _SWAPPED[key]
        other_table, other_what = (s.actions, "an action") if what == "intent" else (s.intents, "an intent")
        for i, name in enumerate(getattr(when, key)):
            if name in table:
                continue
            if name in other_table:
                problems.add(*marked.mark(path + (key, i)), f"'{name}' is {other_what}, not an {what}",
                             f"use `{other}: {name}`")
            else:
                problems.add(*marked.mark(path + (key, i)), f"unknown {what} '{name}'", did_you_mean(name, table))


_SWAPPED = {"if_said": "if_done", "unless_said": "unless_done", "if_done": "if_said", "unless_done": "unless_said"}
"""A line's condition on words, and the one on deeds, each for the other's names."""
