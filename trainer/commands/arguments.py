"""Argument types shared by the commands: each says in plain words what it wanted."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def positive(what: str) -> Callable[[str], int]:
    """A whole number of 1 or more; otherwise argparse says `'x' is not <what>`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        return value

    return parse


def folder(text: str) -> Path:
    """A folder that exists; otherwise argparse says so, in plain words."""
    path = Path(text).expanduser()
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"there is no folder {text!r}")
    return path


def add_scenarios(parser: argparse.ArgumentParser) -> None:
    """`--scenarios DIR`: a folder of one's own scenarios and curricula, beside the built-in ones (repeatable)."""
    parser.add_argument("--scenarios", action="append", type=folder, default=[], metavar="DIR",
                        help="also read your own scenarios and curricula from this folder (repeatable; "
                             "WEBCARE_SCENARIOS and the user's data folder are read too: `webcare docs authoring`)")
