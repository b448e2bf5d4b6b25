"""`webcare check` for curricula and badge files: found among the paths by their top-level key."""

from __future__ import annotations

from pathlib import Path

from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem


def split_paths(paths: list[Path]) -> tuple[list[Path] | None, list[Path] | None]:
    """(scenario files, curriculum and badge files) among `paths`; (None, None) without paths: the built-in ones."""
    if not paths:
        return None, None
    from trainer.campaign.library import campaign_files
    from trainer.scenario.library import scenario_files

    campaign = campaign_files(paths)
    return [p for p in scenario_files(paths) if p not in campaign], campaign


def check_campaign(files: list[Path] | None, scenarios: list[Scenario]) -> tuple[list[Problem], int]:
    """Every problem in these files (None: the built-in curricula and badges), checked against the built-in
    scenarios and `scenarios`; and how many files were checked."""
    from trainer.campaign.library import builtin_scenarios, curricula_dir, load_curricula, yaml_files

    if files == []:
        return [], 0
    given = {s.id: s for s in scenarios}
    known = given if files is None else {**builtin_scenarios(), **given}  # None: `scenarios` are the built-in ones
    chosen = yaml_files([curricula_dir()]) if files is None else files
    library = load_curricula(scenarios=known, files=chosen)
    return library.problems, library.files
