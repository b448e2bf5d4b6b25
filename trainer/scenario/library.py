"""Where scenarios live: the built-in library and one's own folders, and finding one by id or path."""

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
    own: set[str] = field(default_factory=set)
    """The ids of one's own scenarios (from `shelves.own_folders`), shown beside the built-in ones, marked."""
    own_problems: list[Problem] = field(default_factory=list)
    """The errors in one's own folders: those files are left out, and the picker and `webcare list` say why."""

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)


def own_files() -> list[Path]:
    """The scenario files in one's own folders (their curricula and badge files are not scenarios)."""
    from trainer.scenario.shelves import is_campaign, own_folders

    return [p for p in scenario_files(own_folders()) if not is_campaign(p)]


def load_library(paths: list[Path] | None = None, recognise: Recognise | None = None) -> Library:
    """Every scenario under `paths` (default: the built-in library and one's own folders), with all problems found."""
    library = Library()
    first_file: dict[str, Path] = {}
    if paths:
        _add(library, scenario_files(paths), first_file, recognise)
    else:
        _add(library, scenario_files([builtin_dir()]), first_file, recognise)
        builtin = set(first_file)
        before = len(library.problems)
        _add(library, own_files(), first_file, recognise, builtin=builtin)
        library.own = set(first_file) - builtin
        library.own_problems = [*_missing_folders(), *(p for p in library.problems[before:] if p.severity == "error")]
    library.problems.extend(twin_problems(library.scenarios))
    return library


def _add(library: Library, files: list[Path], first_file: dict[str, Path], recognise: Recognise | None,
         builtin: set[str] | None = None) -> None:
    """Read `files` into `library`; an id already taken is refused where it is written (a built-in one's too)."""
    for path in files:
        scenario, problems = check_file(path, recognise=recognise)
        library.problems.extend(problems.sorted())
        if scenario is None:
            continue
        if scenario.id in first_file:
            dupe = Problems(path, path.read_text("utf-8", "replace"))
            line = next((i for i, ln in enumerate(dupe.lines) if ln.startswith("id:")), 0)
            if builtin and scenario.id in builtin:
                dupe.add(line, 4, f"the id '{scenario.id}' is a built-in scenario's ({first_file[scenario.id].name})",
                         "give your scenario an id of its own: the built-in one keeps its id, so the sessions "
                         "and curricula that name it stay right")
            else:
                dupe.add(line, 4, f"the id '{scenario.id}' is already used by {first_file[scenario.id].name}",
                         "give every scenario an id of its own")
            library.problems.extend(dupe.items)
            continue
        first_file[scenario.id] = path
        library.scenarios.append(scenario)


def _missing_folders() -> list[Problem]:
    from trainer.scenario.shelves import ENV, missing_folders

    return [Problem(str(folder), 1, 1, f"there is no folder here, though {ENV} (or --scenarios) names it",
                    f"create the folder, or correct the path in {ENV}") for folder in missing_folders()]


def find_scenario(ref: str) -> Scenario:
    """A scenario by path, or by id in the built-in library or one's own folders."""
    path = Path(ref)
    if path.suffix in SUFFIXES or path.exists():
        if not path.is_file():
            raise ScenarioNotFound(f"No scenario file at {ref}.")
        scenario, problems = check_file(path)
        if scenario is None:
            raise ScenarioError(problems.errors)
        return scenario
    builtin = scenario_files([builtin_dir()])
    own = [p for p in own_files() if all(b.stem != ref for b in builtin)]  # a built-in id is never one's own
    for candidate in (p for p in [*builtin, *own] if p.stem == ref):
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
