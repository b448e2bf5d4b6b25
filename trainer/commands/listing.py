"""`webcare list`: the built-in scenarios, one line each."""

from __future__ import annotations

import argparse

from trainer.terminal import shown


def add_parser(sub) -> None:
    lst = sub.add_parser("list", help="list the built-in scenarios")
    lst.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.scenario.library import load_library

    library = load_library()
    for s in library.scenarios:
        print(shown(f"{s.id:<20} {s.language}  {s.channel:<8} {s.audience:<8} {s.difficulty:<7} {s.title}"))
    return 0
