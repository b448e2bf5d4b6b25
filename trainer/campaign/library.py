"""Where curricula and badges live: the built-in ones beside the scenarios, and finding one by id or path."""

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

    def get(self, curriculum_id: str) -> Curriculum | None:
        return next((c for c in self.curricula if c.id == curriculum_id), None)


@lru_cache(maxsize=1)
def builtin_scenarios() -> dict[str, Scenario]:
    """The built-in scenario library by id, read once per process."""
    from trainer.scenario.library import load_library

    return {s.id: s for s in load_library().scenarios}


def load_curricula(paths: list[Path] | None = None, scenarios: Mapping[str, Scenario] | None = None,
                   files: list[Path] | None = None) -> CurriculumLibrary:
    """Every curriculum and badge under `paths` (default: the built-in ones), checked against `scenarios`
    (default: the built-in library), with all problems found."""
    from scoring import criterion_ids

    scenarios = builtin_scenarios() if scenarios is None else scenarios
    library = CurriculumLibrary()
    chosen = files if files is not None else yaml_files(paths or [curricula_dir()])
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
            dupe.add(*marked.mark(("id",)), f"the id '{model.id}' is already used by "
                     f"{first[model.id].name}", "give every curriculum an id of its own")
            library.problems.extend(dupe.items)
            continue
        first[model.id] = path
        library.curricula.append(model)
    return library


@lru_cache(maxsize=1)
def _builtin() -> CurriculumLibrary:
    return load_curricula()


def builtin_badges() -> tuple[BadgeRule, ...]:
    """The badges shipped with the game (curricula/badges.yaml)."""
    return tuple(_builtin().badges)


def find_curriculum(ref: str) -> Curriculum:
    """A curriculum by path, or by id among the built-in ones; a clear message with a did-you-mean otherwise."""
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
    library = _builtin()
    found = library.get(ref)
    if found is not None:
        return found
    ids = [c.id for c in library.curricula]
    close = difflib.get_close_matches(ref, ids, n=1)
    hint = f" Did you mean {close[0]}?" if close else ""
    raise TrainerError(f"No curriculum called {ref!r}.{hint} Try: webcare curriculum")


def builtin_curricula() -> list[Curriculum]:
    return list(_builtin().curricula)


def scenario_titles() -> dict[str, str]:
    """Scenario id → title, for texts about what to play next."""
    return {sid: s.title for sid, s in builtin_scenarios().items()}
