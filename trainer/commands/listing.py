"""`webcare list`: the built-in scenarios and one's own, one line each; what is wrong in one's own, on stderr."""

from __future__ import annotations

import argparse
import sys

from trainer.commands.arguments import add_scenarios
from trainer.commands.jsonout import add_format, problem_item, wants_json, write_json
from trainer.terminal import shown

ID_WIDTH = 32
"""The widest the id column grows; a longer id has a line of its own, its details indented on the next."""


def add_parser(sub) -> None:
    lst = sub.add_parser("list", help="list the scenarios: the built-in ones and your own (marked)")
    add_scenarios(lst)
    add_format(lst, "each scenario's id, title, language, channel, audience, difficulty and whether it is yours, "
                    "and the problems in your own files")
    lst.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.scenario.library import load_library
    from trainer.texts import tr

    library = load_library()
    if wants_json(args):
        write_json("list", scenarios=[_item(s, s.id in library.own) for s in library.scenarios],
                   problems=[problem_item(p) for p in library.own_problems])
        return 0
    mark = tr("en", "picker.own")
    for line in table(library.scenarios, library.own, mark):
        print(shown(line))
    for problem in library.own_problems:
        print(shown(str(problem)), file=sys.stderr)
    if library.own_problems:
        print(tr("en", "list.own_problems", n=len(library.own_problems)), file=sys.stderr)
    return 0


def table(scenarios, own: set[str], mark: str) -> list[str]:
    """One line per scenario, columns as wide as their widest cell (the id column at most ID_WIDTH)."""
    width = min(max((len(s.id) for s in scenarios), default=0), ID_WIDTH)
    channel = max((len(s.channel) for s in scenarios), default=0)
    audience = max((len(s.audience) for s in scenarios), default=0)
    difficulty = max((len(s.difficulty) for s in scenarios), default=0)
    lines = []
    for s in scenarios:
        own_mark = f"  [{mark}]" if s.id in own else ""
        rest = f"{s.language}  {s.channel:<{channel}}  {s.audience:<{audience}}  {s.difficulty:<{difficulty}}  {s.title}"
        if len(s.id) > width:  # too long for the column: on a line of its own, the rest under the column
            lines += [s.id, f"{'':<{width}}  {rest}{own_mark}"]
        else:
            lines.append(f"{s.id:<{width}}  {rest}{own_mark}")
    return lines


def _item(s, own: bool) -> dict:
    return {"id": s.id, "title": s.title, "language": s.language, "channel": s.channel, "audience": s.audience,
            "difficulty": s.difficulty, "own": own, "file": str(s.path) if s.path else None}
