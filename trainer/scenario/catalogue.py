"""The scenario library as one Markdown page: what each case teaches, and the graph of its story."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.scenario.graph import mermaid
from trainer.scenario.models import Scenario

HEADER = """# The scenario library

Generated from `scenarios/` by `webcare graph --library > docs/library.md`; a test keeps it
in sync. Each case is played in English and in Dutch: the twins share their states, steps and
outcomes, so one graph shows both. Dashed arrows are the house rules that apply at any point;
green ends are good outcomes, orange ones are not; red dashed boxes can never be reached.
"""


def _slug(s: Scenario) -> str:
    return s.id.removesuffix(f"-{s.language}")


def catalogue(scenarios: Iterable[Scenario]) -> str:
    """The Markdown page: an overview table, then per case its teaser and its Mermaid graph."""
    cases: dict[str, list[Scenario]] = {}
    for s in sorted(scenarios, key=lambda s: (s.id)):
        cases.setdefault(_slug(s), []).append(s)
    out = [HEADER, "| case | languages | channel | audience | difficulty | escalate? | outcomes |",
           "|---|---|---|---|---|---|---|"]
    for slug, twins in cases.items():
        s = _lead(twins)
        escalate = "yes" if s.rubric.escalation_needed else "no"
        outcomes = ", ".join(f"{name} ({o.kind})" for name, o in s.outcomes.items())
        languages = ", ".join(t.id for t in twins)
        out.append(f"| [{s.title}](#{slug}) | {languages} | {s.channel} | {s.audience} | {s.difficulty} "
                   f"| {escalate} | {outcomes} |")
    for slug, twins in cases.items():
        s = _lead(twins)
        files = ", ".join(f"`{t.id}`" for t in twins)
        out += ["", f'<a id="{slug}"></a>', f"## {s.title}", "", s.teaser, "",
                (f"Scenarios: {files} · {len(s.states)} states · {len(s.outcomes)} outcomes · "
                f"{len(s.playthroughs)} playthroughs"),
                "", "```mermaid", mermaid(s).rstrip(), "```"]
    return "\n".join(out) + "\n"


def _lead(twins: list[Scenario]) -> Scenario:
    """The English twin when there is one (its names are the shared ones)."""
    return next((t for t in twins if t.language == "en"), twins[0])
