"""`webcare new`: a short interview, then a commented scenario file that checks clean and plays."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ORDER = ("language", "title", "channel", "audience", "difficulty", "company", "name", "handle", "persona",
         "mood", "harm", "wants", "cause", "fix")
"""The interview's questions, in the order asked (language first: the other defaults follow it)."""

Ask = Callable[[str], str]


def add_parser(sub) -> None:
    new = sub.add_parser(
        "new", help="start a new scenario: a short interview writes a file that checks clean and plays",
        description="Write a new scenario from a short interview: the customer, what went wrong for her, what she "
                    "wants to know and what fits as a fix. The file has comments that explain the format, a small "
                    "conversation, and three scripted trainees that `webcare test` plays. Every question is also "
                    "a flag; questions given as flags are not asked, and with --defaults (or when input is not a "
                    "terminal) nothing is asked.",
    )
    new.add_argument("file", type=Path, help="the .yaml file to write; its name gives the scenario id")
    new.add_argument("--id", help="the scenario id (default: from the file name)")
    new.add_argument("--lang", dest="language", choices=["en", "nl"], help="the scenario's language (default: en)")
    new.add_argument("--title", help="its title in the list")
    new.add_argument("--channel", choices=["twitter", "dm", "email", "chat", "whatsapp", "sms"], help="default: twitter")
    new.add_argument("--audience", choices=["public", "private"],
                     help="who reads along (default: public on twitter, else private)")
    new.add_argument("--difficulty", choices=["easy", "medium", "hard"], help="default: medium")
    new.add_argument("--company", help="the company's name or handle, for {company} in her lines")
    new.add_argument("--name", help="the customer's full name")
    new.add_argument("--handle", help="her handle (default: from her name)")
    new.add_argument("--persona", help="who she is and how she writes")
    new.add_argument("--mood", help="her mood at the start, 20 (livid) to 100 (delighted); default 30")
    new.add_argument("--harm", help="what went wrong for her, in one sentence, in her words")
    new.add_argument("--wants", help="what she wants to know, as she would ask it")
    new.add_argument("--cause", help="what really happened (the back office shows it)")
    new.add_argument("--fix", help="what fits as a fix, as something the trainee does")
    new.add_argument("--defaults", action="store_true", help="ask nothing: a default for every answer not given")
    new.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    new.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.errors import TrainerError

    path: Path = args.file
    if path.suffix not in (".yaml", ".yml"):
        raise TrainerError(f"a scenario file ends in .yaml: try {path.with_suffix('.yaml')}")
    if path.exists() and not args.force:
        raise TrainerError(f"{path} already exists; pick another name, or add --force to overwrite it")
    if path.is_dir():
        raise TrainerError(f"{path} is a folder; name the file to write, e.g. {path / 'my-case.yaml'}")
    given = {key: getattr(args, key) for key in (*ORDER, "id") if getattr(args, key) is not None}
    ask = None if args.defaults or not sys.stdin.isatty() else _ask_terminal
    answers = interview(path, given, ask)
    write(path, answers)
    print(_next_steps(answers.language, path, answers.id))
    return 0


def interview(path: Path, given: dict[str, str], ask: Ask | None):
    """The answers: flags first, then a question per missing answer (re-asked until valid), else defaults."""
    from trainer.errors import TrainerError
    from trainer.scenario.scaffold import QUESTIONS, Answers, id_for, problems

    answers = Answers(id=given.get("id") or id_for(path.stem))
    bad = problems(answers.with_defaults()).get("id")
    if bad:
        raise TrainerError(f"{bad}; rename the file or give --id")
    for key in ORDER:
        if key in given:
            answers = _set(answers, key, given[key])
            continue
        if ask is None:
            continue
        questions = QUESTIONS[answers.language]
        while True:
            default = getattr(answers.with_defaults(), key)
            reply = ask(f"{questions[key]} [{default}]: ").strip()
            if not reply:
                break
            trial = _set(answers, key, reply)
            problem = problems(trial.with_defaults()).get(key)
            if not problem:
                answers = trial
                break
            print(f"  {problem}", file=sys.stderr)
    answers = answers.with_defaults()
    found = problems(answers)
    if found:
        flags = {"language": "lang"}
        lines = [f"--{flags.get(k, k)}: {message}" for k, message in found.items()]
        raise TrainerError("some answers can't go into a scenario:\n  " + "\n  ".join(lines))
    return answers


def write(path: Path, answers) -> str:
    """Write the scenario (after checking it as `webcare check` would) and return its text."""
    from trainer.errors import ScenarioError
    from trainer.scenario.loader import check_bytes
    from trainer.scenario.scaffold import scaffold

    text = scaffold(answers, schema=SCHEMA)
    scenario, problems = check_bytes(text.encode("utf-8"), path)
    if scenario is None:  # a bug in the scaffold, not the author's doing: say so, write nothing
        raise ScenarioError(problems.errors)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    copy_schema(path.parent)
    return text


def _set(answers, key: str, value: str):
    from dataclasses import replace

    if key == "mood":
        try:
            return replace(answers, mood=int(value))
        except ValueError:
            return replace(answers, mood=-1)  # reported as out of range, with the range
    return replace(answers, **{key: value})


SCHEMA = "schema.json"
"""The modeline's schema: a copy beside the scenario file, so it outlives the package's own (a Python or venv
upgrade moves that) and works offline; `webcare new` refreshes it when the game's is newer."""


def copy_schema(folder: Path) -> Path:
    """The format's schema, put beside the scenarios in `folder` (or refreshed there, when the game's is newer)."""
    import shutil

    from trainer.scenario.library import builtin_dir

    source, target = builtin_dir() / SCHEMA, folder / SCHEMA
    if not target.exists() or (target.read_bytes() != source.read_bytes()
                               and target.stat().st_mtime < source.stat().st_mtime):
        shutil.copyfile(source, target)
    return target


def _ask_terminal(prompt: str) -> str:
    from trainer.errors import TrainerError

    try:
        return input(prompt)
    except EOFError:
        raise TrainerError("the interview stopped before the end; nothing was written") from None


def _next_steps(language: str, path: Path, scenario_id: str) -> str:
    if language == "nl":
        return (f"Geschreven: {path} (scenario {scenario_id}).\n"
                f"Verder: webcare check --watch {path}  ·  webcare test {path}  ·  webcare play {path}")
    return (f"Written: {path} (scenario {scenario_id}).\n"
            f"Next: webcare check --watch {path}  ·  webcare test {path}  ·  webcare play {path}")
