"""A picture of a scenario's story: its states, the steps between them and its outcomes.

Mermaid (renders on GitHub and in most Markdown viewers) or Graphviz DOT. Outcomes are
drawn as rounded end nodes; parts no one can reach (facts counted, see `reach`) are marked, and a
step that can never fire is drawn crossed out and labelled "never".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.scenario.models import Scenario, Step
from trainer.scenario.reach import Reach, reach, scope

LABEL_MAX = 28
GOOD_ENDS = {"resolved", "escalated"}


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    dest: str
    label: str
    never: bool = False
    """Its steps can never fire though their state is reached: what blocks the way (see `reach`)."""


ANYWHERE = "anywhere"
"""The pseudo-node for the scenario's house rules, which apply in every state."""


def edges(s: Scenario, r: Reach | None = None) -> list[Edge]:
    """Every way to another state or an outcome, labelled with what triggers it.

    House rules (`anywhere`) come from one pseudo-node rather than from every state, and
    patience running out is told on its outcome, so the picture stays readable.
    """
    r = r or reach(s)
    found: dict[tuple[str, str, bool], list[str]] = {}
    for i, step in enumerate(s.anywhere):
        if step.next:
            never = ("anywhere", i) not in r.fires and bool(set(scope(s, None, step)) & r.places)
            found.setdefault((ANYWHERE, step.next, never), []).append(trigger(step))
    for name, state in s.states.items():
        for i, step in enumerate(state.on):
            if step.next and step.next != name:
                never = ("states", name, "on", i) not in r.fires and name in r.places
                found.setdefault((name, step.next, never), []).append(trigger(step))
    return [Edge(a, b, ("never: " if never else "") + _join(labels), never)
            for (a, b, never), labels in found.items()]


def trigger(step: Step) -> str:
    """What makes a step fire, in a few words: `said ask_why`, `did refund ≥ 160`, `3 turns`."""
    parts = []
    if step.said:
        parts.append(f"said {step.said}")
    if step.did:
        parts.append(f"did {step.did}" + (f" ≥ {step.min_amount:g}" if step.min_amount is not None else ""))
    if step.looked_up:
        parts.append(f"looked up {step.looked_up}")
    if step.knows:
        parts.append("knows " + ", ".join(step.knows))
    if step.not_knows:
        parts.append("not knows " + ", ".join(step.not_knows))
    if step.said_before:
        parts.append(f"said before {step.said_before}")
    if step.mood_below is not None:
        parts.append(f"mood < {step.mood_below}")
    if step.mood_above is not None:
        parts.append(f"mood > {step.mood_above}")
    if step.turns_here is not None:
        parts.append(f"{step.turns_here} turns")
    scope = f" (in {', '.join(step.only_in)})" if step.only_in else ""
    return (" + ".join(parts) or "always") + scope


def _join(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    text = " / ".join(unique[:2]) + (f" / +{len(unique) - 2}" if len(unique) > 2 else "")
    return text if len(text) <= LABEL_MAX * 2 else text[: LABEL_MAX * 2 - 1] + "…"


def _id(name: str) -> str:
    return "n_" + re.sub(r"\W", "_", name)


def mermaid(s: Scenario) -> str:
    r = reach(s)
    seen = r.places
    lines = ["flowchart TD", f"  start(( )) --> {_id(s.start)}"]
    for name in s.states:
        lines.append(f'  {_id(name)}["{_state_label(s, name, " · ")}"]')
    for name, outcome in s.outcomes.items():
        lines.append(f'  {_id(name)}(["{_end_label(s, name, outcome.kind, " · ")}"])')
    if s.anywhere:
        lines.append(f'  {_id(ANYWHERE)}{{{{"at any point"}}}}')
    for e in edges(s, r):
        arrow = "--x" if e.never else "-.->" if e.source == ANYWHERE else "-->"
        lines.append(f'  {_id(e.source)} {arrow}|"{_escape(e.label)}"| {_id(e.dest)}')
    lines.append("  classDef good fill:#e6f4e6,stroke:#4a7;")
    lines.append("  classDef bad fill:#fff1dc,stroke:#c80;")
    lines.append("  classDef unreachable fill:#fdecec,stroke:#c33,stroke-dasharray:4 3;")
    good = [_id(o) for o, x in s.outcomes.items() if o in seen and x.kind in GOOD_ENDS]
    bad = [_id(o) for o, x in s.outcomes.items() if o in seen and x.kind not in GOOD_ENDS]
    lost = [_id(n) for n in (*s.states, *s.outcomes) if n not in seen]
    if good:
        lines.append("  class " + ",".join(good) + " good;")
    if bad:
        lines.append("  class " + ",".join(bad) + " bad;")
    if lost:
        lines.append("  class " + ",".join(lost) + " unreachable;")
    return "\n".join(lines) + "\n"


def dot(s: Scenario) -> str:
    r = reach(s)
    seen = r.places
    lines = [f'digraph "{s.id}" {{', "  rankdir=TB;", '  node [fontname="Helvetica"];',
             '  start [shape=point];', f"  start -> {_id(s.start)};"]
    for name in s.states:
        style = ', style=dashed, color="#cc3333"' if name not in seen else ""
        label = _state_label(s, name, "\\n")
        lines.append(f'  {_id(name)} [label="{label}", shape=box{style}];')
    for name, outcome in s.outcomes.items():
        fill = "#e6f4e6" if outcome.kind in GOOD_ENDS else "#fff1dc"
        style = ', style=dashed, color="#cc3333"' if name not in seen else f', style=filled, fillcolor="{fill}"'
        label = _end_label(s, name, outcome.kind, "\\n")
        lines.append(f'  {_id(name)} [label="{label}", shape=doubleoctagon{style}];')
    if s.anywhere:
        lines.append(f'  {_id(ANYWHERE)} [label="at any point", shape=hexagon, style=dashed];')
    for e in edges(s, r):
        style = ", style=dashed" if e.source == ANYWHERE else ""
        style += ', color="#cc3333", fontcolor="#cc3333", arrowhead=tee' if e.never else ""
        lines.append(f'  {_id(e.source)} -> {_id(e.dest)} [label="{_escape(e.label)}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _state_label(s: Scenario, name: str, sep: str) -> str:
    """The state's name, and where the conversation moves on arriving there (`→ dm, private`)."""
    state = s.states[name]
    moved = ", ".join(x for x in (state.channel, state.audience) if x)
    return f"{name}{sep}→ {moved}" if moved else name


def _end_label(s: Scenario, name: str, kind: str, sep: str) -> str:
    out = name if name == kind else f"{name}{sep}{kind}"
    return out + f"{sep}or when patience runs out" if name == s.when_patience_runs_out else out


def _escape(text: str) -> str:
    return text.replace('"', "'")
