"""`webcare check`: validate and lint scenario files, curricula and badge files; `--watch` checks again on save."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands.jsonout import add_format, problem_item, wants_json, write_json
from trainer.errors import TrainerError
from trainer.terminal import shown
from trainer.texts import tr


def add_parser(sub) -> None:
    check = sub.add_parser("check", help="validate and lint scenario files (default: the built-in ones and yours)")
    check.add_argument("paths", nargs="*", type=Path)
    check.add_argument("--watch", action="store_true", help="check again each time a file is saved, until Ctrl+C")
    add_format(check, "the files checked, the counts, and each problem with file, line, column, severity, message "
                      "and hint")
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "watch", False) and wants_json(args):
        raise TrainerError("--watch checks again on every save, for people; --format json checks once, for scripts")
    if getattr(args, "watch", False):
        from trainer.commands.watch import watch_check

        return watch_check(args.paths, lambda: run(argparse.Namespace(**{**vars(args), "watch": False})))
    from trainer.scenario.library import (
        Library,
        builtin_dir,
        load_library,
        own_files,
        scenario_files,
    )

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        raise TrainerError(f"No such file or folder: {missing[0]}")
    from trainer.campaign.check import check_campaign, split_paths

    paths, campaign = split_paths(args.paths)  # curricula and badge files (modules:, badges:) are not scenarios
    from trainer.authoring.intents import Readings, collisions

    readings = Readings()
    library = load_library(paths, recognise=readings) if paths != [] else Library()
    problems = list(library.problems)
    from trainer.authoring.playthrough_moves import move_problems
    from trainer.authoring.quotes import unearned_quotes

    for s in library.scenarios:
        problems.extend(_weight_problems(s))
        problems.extend(collisions(s, readings))
        problems.extend(unearned_quotes(s))
        problems.extend(move_problems(s))
    campaign_problems, campaign_files = check_campaign(campaign, library.scenarios)
    problems.extend(campaign_problems)
    errors = [p for p in problems if p.severity == "error"]
    read = scenario_files(paths) if paths else [*scenario_files([builtin_dir()]), *own_files()]  # none: yours too
    files = (len(read) if paths != [] else 0) + campaign_files
    if wants_json(args):
        write_json("check", files=files, errors=len(errors), warnings=len(problems) - len(errors),
                   problems=[problem_item(p) for p in problems])
        return 1 if errors else 0
    for problem in problems:
        print(shown(str(problem)), file=sys.stderr)  # a file's words: shown, never obeyed
    print(f"{tr('en', 'count.file', n=files)} checked: {tr('en', 'count.error', n=len(errors))}, "
          f"{tr('en', 'count.warning', n=len(problems) - len(errors))}.")
    return 1 if errors else 0


def _weight_problems(scenario) -> list:
    """Rubric weights must name the scorer's criteria (only the scorer knows them)."""
    from scoring import criterion_ids
    from trainer.scenario.problems import Problems, did_you_mean

    known = criterion_ids()
    text = scenario.path.read_text("utf-8") if scenario.path else ""
    problems = Problems(scenario.path or "scenario", text)
    lines = text.splitlines()
    for trade, weights in scenario.rubric.weights.items():
        for name in weights:
            if name not in known[trade]:
                line = next((i for i, ln in enumerate(lines) if ln.strip().startswith(f"{name}:")), 0)
                column = len(lines[line]) - len(lines[line].lstrip()) if lines else 0
                problems.add(line, column, f"the scorer has no {trade} criterion '{name}'",
                             did_you_mean(name, known[trade]))
    return problems.items
