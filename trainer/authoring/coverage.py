"""Playthrough coverage: which states, steps, intents, look-ups, actions and customer lines no playthrough reaches.

Pass or fail is judged on seed 0, as pinned. The seed only decides which variant of a line
the customer picks, so lines are also counted over more seeds: a variant is reached when
any seed in 0 … N-1 makes her say it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from trainer.authoring.places import YamlPath, all_lines, read_marks, step_label, steps, variant_path, where
from trainer.engine.events import ActionTaken, IntentsRecognised, LookedUp, SessionEnded
from trainer.engine.session import Cue
from trainer.playthrough import PlaythroughResult, play_script
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill

KINDS = ("states", "outcomes", "steps", "intents", "look-ups/actions", "lines")
ONE = {"states": "state", "outcomes": "outcome", "steps": "step", "intents": "intent",
       "look-ups/actions": "", "lines": "line"}


@dataclass(frozen=True, slots=True)
class Item:
    """One thing a playthrough can reach, with the path where it is written."""

    kind: str
    label: str
    path: YamlPath
    key: bool = False
    """Point at the key (a state's name) rather than the value."""


@dataclass
class Coverage:
    scenario: Scenario
    seeds: int
    items: list[Item] = field(default_factory=list)
    reached: set[Item] = field(default_factory=set)
    bands_said: set[tuple[YamlPath, str]] = field(default_factory=set)
    """(lines path, band) said at least once: its other variants were left to chance."""
    variant_band: dict[Item, tuple[YamlPath, str]] = field(default_factory=dict)
    """Each line variant's (lines path, band)."""

    def of(self, kind: str) -> list[Item]:
        return [i for i in self.items if i.kind == kind]

    def missed(self, kind: str | None = None) -> list[Item]:
        return [i for i in self.items if i not in self.reached and (kind is None or i.kind == kind)]

    def by_chance(self, item: Item) -> bool:
        """A line variant not drawn, though other variants of its mood band were said."""
        return self.variant_band.get(item) in self.bands_said

    def summary(self) -> str:
        if not self.scenario.playthroughs:
            return f"coverage {self.scenario.id}: no playthroughs, nothing is covered"
        parts = []
        for kind in KINDS:
            total = len(self.of(kind))
            if total:
                got = total - len(self.missed(kind))
                parts.append(f"{kind} {_percent(got, total)} ({got}/{total})")
        return f"coverage {self.scenario.id}: " + " · ".join(parts)

    def details(self) -> list[str]:
        """Everything no playthrough reached, one `file:line:col: what` line each."""
        missed = self.missed()
        if not missed:
            return ["  every state, step, intent, look-up, action and line is reached"]
        marked = read_marks(self.scenario)
        seeds = "seed 0" if self.seeds == 1 else f"seeds 0–{self.seeds - 1}"
        out = [f"  never reached by a playthrough ({seeds} for lines):"]
        for item in missed:
            path, note = item.path, ""
            if item.kind == "lines":
                path = variant_path(marked, path[:-2], str(path[-2]), int(path[-1]))
                if self.by_chance(item):
                    note = f" (her other {_band(str(item.path[-2]))}lines here were said: another seed may draw it)"
            kind = f"{ONE[item.kind]} " if ONE[item.kind] else ""
            out.append(f"  {where(self.scenario, marked, path, item.key)}: {kind}{item.label}{note}")
        return out


def _band(band: str) -> str:
    return "" if band == "any" else band + " "


def _percent(got: int, total: int) -> str:
    return f"{100 * got // total}%" if got < total else "100%"


def coverage(scenario: Scenario, results: Iterable[PlaythroughResult], seeds: int = 1) -> Coverage:
    """What the playthroughs (played with seed 0) reach; lines also with seeds 1 … seeds-1."""
    s = scenario
    cov = Coverage(s, max(seeds, 1))
    states = {n: Item("states", n, ("states", n), key=True) for n in s.states}
    outcomes = {n: Item("outcomes", n, ("outcomes", n), key=True) for n in s.outcomes}
    step_items = {id(step): Item("steps", step_label(path, state, step), path) for path, state, step in steps(s)}
    intents = {n: Item("intents", n, ("intents", n), key=True) for n in s.intents}
    tools = {("lookup", n): Item("look-ups/actions", f"/lookup {n}", ("lookups", n), key=True) for n in s.lookups}
    tools |= {("action", n): Item("look-ups/actions", f"/do {n}", ("actions", n), key=True) for n in s.actions}
    variants: dict[int, list[tuple[str, Item]]] = {}
    """id of a band's tuple of variants → (filled text, item) per variant."""
    values = s.placeholders()
    line_items: list[Item] = []
    for at in all_lines(s):
        for band, texts in at.lines.items():
            for i, text in enumerate(texts):
                label = f"{at.where}, {_band(band)}variant {i + 1}: {_short(text)}"
                item = Item("lines", label, variant_path(None, at.path, band, i))
                cov.variant_band[item] = (at.path, band)
                line_items.append(item)
                variants.setdefault(id(texts), []).append((fill(text.strip(), values), item))
    cov.items = [*states.values(), *outcomes.values(), *step_items.values(), *intents.values(),
                 *tools.values(), *line_items]

    def heard(cue: Cue, text: str) -> None:
        found = variants.get(id(cue.lines), ())
        if found:
            cov.bands_said.add(cov.variant_band[found[0][1]])
        for filled, item in found:
            if filled == text:
                cov.reached.add(item)

    results = list(results)
    cov.reached.add(states[s.start])
    for result in results:
        for _source, step, dest in result.fired:
            if step is not None and id(step) in step_items:
                cov.reached.add(step_items[id(step)])
            for table in (states, outcomes):
                if dest in table:
                    cov.reached.add(table[dest])
        for event in result.events:
            cov.reached.update(_reached_by(event, intents, tools, outcomes))
        for cue, text in result.heard:
            heard(cue, text)
        for seed in range(1, cov.seeds):
            for cue, text in play_script(s, result.playthrough.trainee, seed)[1]:
                heard(cue, text)
    return cov


def _reached_by(event, intents: dict[str, Item], tools: dict[tuple[str, str], Item],
                outcomes: dict[str, Item]) -> list[Item]:
    """The intents, look-ups, actions or outcome an event shows reached."""
    if isinstance(event, IntentsRecognised):
        return [intents[n] for n in event.intents if n in intents]
    if isinstance(event, LookedUp) and event.ok:
        return [tools[("lookup", event.tool)]]
    if isinstance(event, ActionTaken) and event.ok:
        return [tools[("action", event.action)]]
    if isinstance(event, SessionEnded) and event.outcome in outcomes:
        return [outcomes[event.outcome]]
    return []


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
