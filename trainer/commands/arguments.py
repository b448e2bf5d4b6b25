"""Argument types shared by the commands: each says in plain words what it wanted."""

from __future__ import annotations

import argparse
from collections.abc import Callable


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
