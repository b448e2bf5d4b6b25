"""The names a trainee's move gives, read as the scenario's (`/lookup book` is `booking`), and amounts shown."""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from trainer.errors import MoveError
from trainer.texts import tr

_COMMANDS = {"lookup": "/lookup", "action": "/do"}


def resolve(name: str, table: Mapping[str, object], what: str, language: str) -> str:
    """The name in `table` that `name` means (itself, or the one name it starts); else a `MoveError` that says
    what there is and what was probably meant."""
    if name in table:
        return name
    starts = [n for n in table if n.startswith(name)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(name, list(table), n=1)
    hint = tr(language, "engine.move.did_you_mean", command=_COMMANDS[what], name=close[0]) if close else ""
    choices = ", ".join(table) or tr(language, "engine.move.none")
    raise MoveError(tr(language, f"engine.move.no_such.{what}", name=repr(name), hint=hint, choices=choices))


def money(amount: float) -> str:
    """160 → "160", 80.5 → "80.50"."""
    return f"{amount:.0f}" if amount == int(amount) else f"{amount:.2f}"
