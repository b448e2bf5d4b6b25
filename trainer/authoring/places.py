"""Where things are in a scenario file: its steps and customer lines by YAML path, and their marks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from trainer.scenario.kinds import MoodBand
from trainer.scenario.models import Scenario, Step
from trainer.scenario.problems import Problems
from trainer.scenario.yamlfile import MAX_BYTES, Marked, read_yaml

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class LinesAt:
    """One `lines:` in the file: its path, what it belongs to in words, and its variants per band."""

    path: YamlPath
    where: str
    lines: dict[MoodBand, tuple[str, ...]]


def steps(s: Scenario) -> Iterator[tuple[YamlPath, str | None, Step]]:
    """Every step with its path and state (None for `anywhere`), in the order the engine tries them."""
    for i, step in enumerate(s.anywhere):
        yield ("anywhere", i), None, step
    for name, state in s.states.items():
        for i, step in enumerate(state.on):
            yield ("states", name, "on", i), name, step


def all_lines(s: Scenario) -> Iterator[LinesAt]:
    """Every `lines:` of states, their `otherwise`, steps and outcomes."""
    for name, state in s.states.items():
        yield LinesAt(("states", name, "lines"), f"state {name}", state.lines)
        if state.otherwise.lines:
            yield LinesAt(("states", name, "otherwise", "lines"), f"state {name}, otherwise", state.otherwise.lines)
    for path, in_state, step in steps(s):
        if step.lines:
            yield LinesAt(path + ("lines",), f"{_step_where(path, in_state)}", step.lines)
    for name, outcome in s.outcomes.items():
        if outcome.lines:
            yield LinesAt(("outcomes", name, "lines"), f"outcome {name}", outcome.lines)


def _step_where(path: YamlPath, state: str | None) -> str:
    return f"anywhere step {int(path[1]) + 1}" if state is None else f"state {state}, step {int(path[3]) + 1}"


def step_label(path: YamlPath, state: str | None, step: Step) -> str:
    """`state waiting, step 2: said apologise → listening`."""
    from trainer.scenario.graph import trigger

    return f"{_step_where(path, state)}: {trigger(step)} → {step.next or '(stays)'}"


def variant_path(marked: Marked | None, base: YamlPath, band: str, index: int) -> YamlPath:
    """The path of one line variant as written: `lines: text`, `lines: [..]` or `lines: {band: ..}`."""
    if marked is not None and base + (band,) not in marked.values and band == "any":
        return base + (index,)
    return base + (band, index)


def read_marks(s: Scenario) -> Marked | None:
    """The scenario file's marks (line and column of every value), or None without a readable file."""
    if s.path is None:
        return None
    try:
        raw = Path(s.path).read_bytes()[: MAX_BYTES + 1]
    except OSError:
        return None
    return read_yaml(raw, Problems(s.path))


def where(s: Scenario, marked: Marked | None, path: YamlPath, key: bool = False) -> str:
    """`file:line:col` of a path (its key with `key`), or the file (or id) alone without marks."""
    name = str(s.path) if s.path else s.id
    if marked is None:
        return name
    line, column = marked.key_mark(path) if key else marked.mark(path)
    return f"{name}:{line + 1}:{column + 1}"
