"""Where scenarios live: the built-in library, and finding one by id or path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.errors import ScenarioError, ScenarioNotFound
from trainer.scenario.lint import Recognise, twin_problems
from trainer.scenario.loader import check_file
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems

SUFFIXES = (".yaml", ".yml")


def builtin_dir() -> Path:
    """The scenarios shipped with the game (inside the wheel, or beside the sources)."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_scenarios"
    return shipped if shipped.is_dir() else package.parent / "scenarios"


def scenario_files(paths: list[Path]) -> list[Path]:
    """The scenario files among `paths`, folders expanded, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()))
        else:
            out.append(path)
    return out


@dataclass
class Library:
    scenarios: list[Scenario] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def load_library(paths: list[Path] | None = None, recognise: Recognise | None = None) -> Library:
    """Every scenario under `paths` (default: the built-in library), with all problems found."""
    library = Library()
    first_file: dict[str, Path] = {}
    for path in scenario_files(paths or [builtin_dir()]):
        scenario, problems = check_file(path, recognise=recognise)
        library.problems.extend(problems.sorted())
        if scenario is None:
            continue
        if scenario.id in first_file:
            dupe = Problems(path, path.read_text("utf-8", "replace"))
            line = next((i for i, ln in enumerate(dupe.lines) if ln.startswith("id:")), 0)
            dupe.add(line, 4, f"the id '{scenario.id}' is already used by {first_file[scenario.id].name}",
                     "give every scenario an id of its own")
            library.problems.extend(dupe.items)
            continue
        first_file[scenario.id] = path
        library.scenarios.append(scenario)
    library.problems.extend(twin_problems(library.scenarios))
    return library


def find_scenario(ref: str) -> Scenario:
    """A scenario by path, or by id in the built-in library."""
    path = Path(ref)
    if path.suffix in SUFFIXES or path.exists():
        if not path.is_file():
            raise ScenarioNotFound(f"No scenario file at {ref}.")
        scenario, problems = check_file(path)
        if scenario is None:
            raise ScenarioError(problems.errors)
        return scenario
    candidates = [p for p in scenario_files([builtin_dir()]) if p.stem == ref]
    for candidate in candidates:
        scenario, problems = check_file(candidate)
        if scenario is not None and scenario.id == ref:
            return scenario
    library = load_library()
    found = library.get(ref)
    if found:
        return found
    ids = [s.id for s in library.scenarios]
    import difflib

    close = difflib.get_close_matches(ref, ids, n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    raise ScenarioNotFound(f"No scenario called {ref!r}.{hint} Try: webcare list")
