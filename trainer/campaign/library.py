"""Where curricula and badges live: the built-in ones beside the scenarios, one's own in one's scenario folders;
and finding one by id or path."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from trainer.campaign.lint import check_badges, check_curriculum
from trainer.campaign.loader import check_bytes, is_campaign_file, read_file, sniff
from trainer.campaign.models import BadgeFile, BadgeRule, Curriculum
from trainer.errors import ScenarioError, TrainerError
from trainer.scenario.library import scenario_files
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems

SUFFIXES = (".yaml", ".yml")


def curricula_dir() -> Path:
    """The curricula and badges shipped with the game (inside the wheel, or beside the sources)."""
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_curricula"
    return shipped if shipped.is_dir() else package.parent / "curricula"


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files among `paths`, folders expanded, in a stable order (as for scenarios)."""
    return scenario_files(list(paths))


def campaign_files(paths: Iterable[Path]) -> list[Path]:
    """The curricula and badge files among `paths` (folders expanded): those with `modules:` or `badges:`."""
    out = []
    for path in yaml_files(paths):
        raw, _ = read_file(path)
        if raw is not None and is_campaign_file(raw):
            out.append(path)
    return out


@dataclass
class CurriculumLibrary:
    curricula: list[Curriculum] = field(default_factory=list)
    badges: list[BadgeRule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    own: set[str] = field(default_factory=set)
    """The ids of one's own curricula (from one's own scenario folders), listed beside the built-in ones, marked."""

    def get(self, curriculum_id: str) -> Curriculum | None:
        return next((c for c in self.curricula if c.id == curriculum_id), None)


def builtin_scenarios() -> dict[str, Scenario]:
    """The scenario library by id (the built-in scenarios and one's own), read once per process and set of folders."""
    from trainer.scenario.shelves import own_folders

    return _scenarios(tuple(own_folders()))


@lru_cache(maxsize=1)
def _scenarios(folders: tuple[Path, ...]) -> dict[str, Scenario]:
    from trainer.scenario.library import load_library

    return {s.id: s for s in load_library().scenarios}


def own_campaign_files() -> list[Path]:
    """The curricula and badge files in one's own scenario folders (`modules:` or `badges:` at the top)."""
    from trainer.scenario.shelves import own_folders

    return campaign_files(own_folders())


def load_curricula(paths: list[Path] | None = None, scenarios: Mapping[str, Scenario] | None = None,
                   files: list[Path] | None = None) -> CurriculumLibrary:
    """Every curriculum and badge under `paths` (default: the built-in ones and one's own), checked against
    `scenarios` (default: the library, one's own scenarios too), with all problems found."""
    scenarios = builtin_scenarios() if scenarios is None else scenarios
    if files is None and not paths:
        own = own_campaign_files()
        return _read([*yaml_files([curricula_dir()]), *own], scenarios, set(own))
    return _read(files if files is not None else yaml_files(paths or []), scenarios, set())


def _read(chosen: list[Path], scenarios: Mapping[str, Scenario], own: set[Path]) -> CurriculumLibrary:
    from scoring import criterion_ids

    library = CurriculumLibrary()
    first: dict[str, Path] = {}
    for path in chosen:
        library.files += 1
        raw, problems = read_file(path)
        if raw is None:
            library.problems.extend(problems.items)
            continue
        kind = sniff(raw)
        model, problems, marked = check_bytes(raw, path, kind)
        if model is not None and marked is not None:
            if isinstance(model, Curriculum):
                check_curriculum(model, marked, problems, scenarios)
            else:
                check_badges(model, marked, problems, scenarios, criterion_ids())
        library.problems.extend(problems.sorted())
        if model is None or marked is None or problems.errors:
            continue
        if isinstance(model, BadgeFile):
            library.badges.extend(model.badges)
            continue
        if model.id in first:
            dupe = Problems(path, raw.decode("utf-8", "replace"))
            if path in own and first[model.id] not in own:
                dupe.add(*marked.mark(("id",)), f"the id '{model.id}' is a built-in curriculum's "
                         f"({first[model.id].name})", "give your curriculum an id of its own: the built-in one "
                         "keeps its id, so the progress that names it stays right")
            else:
                dupe.add(*marked.mark(("id",)), f"the id '{model.id}' is already used by {first[model.id].name}",
                         "give every curriculum an id of its own")
            library.problems.extend(dupe.items)
            continue
        first[model.id] = path
        library.curricula.append(model)
        if path in own:
            library.own.add(model.id)
    return library


def curriculum_library() -> CurriculumLibrary:
    """The built-in curricula and badges and one's own, read once per process and set of folders."""
    from trainer.scenario.shelves import own_folders

    return _builtin(tuple(own_folders()))


@lru_cache(maxsize=1)
def _builtin(folders: tuple[Path, ...]) -> CurriculumLibrary:
    return load_curricula()


def builtin_badges() -> tuple[BadgeRule, ...]:
    """The badges shipped with the game (curricula/badges.yaml)."""
    return tuple(curriculum_library().badges)


def find_curriculum(ref: str) -> Curriculum:
    """A curriculum by path, or by id among the built-in ones and one's own; a clear message with a did-you-mean
    otherwise."""
    path = Path(ref)
    if path.suffix in SUFFIXES or path.exists():
        if not path.is_file():
            raise TrainerError(f"No curriculum file at {ref}.")
        library = load_curricula(files=[path])
        errors = [p for p in library.problems if p.severity == "error"]
        if errors:
            raise ScenarioError(errors)
        if not library.curricula:
            raise TrainerError(f"{ref} holds no curriculum (a curriculum has 'modules:').")
        return library.curricula[0]
    library = curriculum_library()
    found = library.get(ref)
    if found is not None:
        return found
    ids = [c.id for c in library.curricula]
    close = difflib.get_close_matches(ref, ids, n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    raise TrainerError(f"No curriculum called {ref!r}.{hint} Try: webcare curriculum")


def builtin_curricula() -> list[Curriculum]:
    return list(curriculum_library().curricula)


def scenario_titles() -> dict[str, str]:
    """Scenario id → title, for texts about what to play next."""
    return {sid: s.title for sid, s in builtin_scenarios().items()}
