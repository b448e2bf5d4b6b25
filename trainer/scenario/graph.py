"""A picture of a scenario's story: its states, the steps between them and its outcomes.

Mermaid (renders on GitHub and in most Markdown viewers) or Graphviz DOT. Outcomes are
drawn as rounded end nodes; parts no one can reach are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.scenario.lint import reachable
from trainer.scenario.models import Scenario, Step

LABEL_MAX = 28
GOOD_ENDS = {"resolved", "escalated"}


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    dest: str
    label: str


ANYWHERE = "anywhere"
"""The pseudo-node for the scenario's house rules, which apply in every state."""


def edges(s: Scenario) -> list[Edge]:
    """Every way to another state or an outcome, labelled with what triggers it.

    House rules (`anywhere`) come from one pseudo-node rather than from every state, and
    patience running out is told on its outcome, so the picture stays readable.
    """
    found: dict[tuple[str, str], list[str]] = {}
    for step in s.anywhere:
        if step.next:
            found.setdefault((ANYWHERE, step.next), []).append(trigger(step))
    for name, state in s.states.items():
        for step in state.on:
            if step.next and step.next != name:
                found.setdefault((name, step.next), []).append(trigger(step))
    return [Edge(a, b, _join(labels)) for (a, b), labels in found.items()]


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
    if step.mood_below is not None:
        parts.append(f"mood < {step.mood_below}")
    if step.mood_above is not None:
        parts.append(f"mood > {step.mood_above}")
    if step.turns_here is not None:
        parts.append(f"{step.turns_here} turns")
    return " + ".join(parts) or "always"


def _join(labels: list[str]) -> str:
    unique = list(dict.fromkeys(labels))
    text = " / ".join(unique[:2]) + (f" / +{len(unique) - 2}" if len(unique) > 2 else "")
    return text if len(text) <= LABEL_MAX * 2 else text[: LABEL_MAX * 2 - 1] + "…"


def _id(name: str) -> str:
    return "n_" + re.sub(r"\W", "_", name)


def mermaid(s: Scenario) -> str:
    seen = reachable(s)
    lines = ["flowchart TD", f"  start(( )) --> {_id(s.start)}"]
    for name in s.states:
        lines.append(f'  {_id(name)}["{name}"]')
    for name, outcome in s.outcomes.items():
        lines.append(f'  {_id(name)}(["{_end_label(s, name, outcome.kind, " · ")}"])')
    if s.anywhere:
        lines.append(f'  {_id(ANYWHERE)}{{{{"at any point"}}}}')
    for e in edges(s):
        arrow = "-.->" if e.source == ANYWHERE else "-->"
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
    seen = reachable(s)
    lines = [f'digraph "{s.id}" {{', "  rankdir=TB;", '  node [fontname="Helvetica"];',
             '  start [shape=point];', f"  start -> {_id(s.start)};"]
    for name in s.states:
        style = ', style=dashed, color="#cc3333"' if name not in seen else ""
        lines.append(f'  {_id(name)} [label="{name}", shape=box{style}];')
    for name, outcome in s.outcomes.items():
        fill = "#e6f4e6" if outcome.kind in GOOD_ENDS else "#fff1dc"
        style = ', style=dashed, color="#cc3333"' if name not in seen else f', style=filled, fillcolor="{fill}"'
        label = _end_label(s, name, outcome.kind, "\\n")
        lines.append(f'  {_id(name)} [label="{label}", shape=doubleoctagon{style}];')
    if s.anywhere:
        lines.append(f'  {_id(ANYWHERE)} [label="at any point", shape=hexagon, style=dashed];')
    for e in edges(s):
        style = ", style=dashed" if e.source == ANYWHERE else ""
        lines.append(f'  {_id(e.source)} -> {_id(e.dest)} [label="{_escape(e.label)}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _end_label(s: Scenario, name: str, kind: str, sep: str) -> str:
    out = name if name == kind else f"{name}{sep}{kind}"
    return out + f"{sep}or when her patience runs out" if name == s.when_patience_runs_out else out


def _escape(text: str) -> str:
    return text.replace('"', "'")
