"""`webcare list`: the built-in scenarios and one's own, one line each; what is wrong in one's own, on stderr."""

from __future__ import annotations

import argparse
import sys

from trainer.commands.arguments import add_scenarios
from trainer.terminal import shown


def add_parser(sub) -> None:
    lst = sub.add_parser("list", help="list the scenarios: the built-in ones and your own (marked)")
    add_scenarios(lst)
    lst.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.scenario.library import load_library
    from trainer.texts import tr

    library = load_library()
    mark = tr("en", "picker.own")
    for s in library.scenarios:
        own = f"  [{mark}]" if s.id in library.own else ""
        print(shown(f"{s.id:<20} {s.language}  {s.channel:<8} {s.audience:<8} {s.difficulty:<7} {s.title}{own}"))
    for problem in library.own_problems:
        print(shown(str(problem)), file=sys.stderr)
    if library.own_problems:
        print(tr("en", "list.own_problems", n=len(library.own_problems)), file=sys.stderr)
    return 0
