"""The trainee's moves, and the `/command` syntax shared by plain play and playthroughs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.errors import MoveError
from trainer.texts import tr


@dataclass(frozen=True, slots=True)
class Say:
    text: str


@dataclass(frozen=True, slots=True)
class Lookup:
    tool: str
    arg: str = ""


@dataclass(frozen=True, slots=True)
class Act:
    action: str
    amount: float | None = None


@dataclass(frozen=True, slots=True)
class End:
    pass


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class Hint:
    pass


Move = Say | Lookup | Act | End | Help | Hint

_AMOUNT = re.compile(r"^[€$£]?\s*(\d+(?:[.,]\d{1,2})?)\s*(?:eur|euro|usd)?$", re.IGNORECASE)


def parse_move(line: str, language: str = "en") -> Move:
    """Read one line as typed by the trainee; raise `MoveError` with a hint, in `language`, when it is not a move."""
    text = line.strip()
    if not text.startswith("/") or text.startswith("//"):
        return Say(text[1:] if text.startswith("//") else text)
    command, _, rest = text[1:].partition(" ")
    command, rest = command.lower(), rest.strip()
    if command in ("lookup", "look", "l"):
        tool, _, arg = rest.partition(" ")
        if not tool:
            raise MoveError(tr(language, "engine.move.which_lookup"))
        return Lookup(tool.lower(), arg.strip())
    if command in ("do", "d"):
        action, _, amount = rest.partition(" ")
        if not action:
            raise MoveError(tr(language, "engine.move.which_action"))
        return Act(action.lower(), parse_amount(amount, language) if amount.strip() else None)
    if command in ("end", "quit", "bye"):
        return End()
    if command in ("help", "h", "?"):
        return Help()
    if command == "hint":
        return Hint()
    raise MoveError(tr(language, "engine.move.unknown", command=command, usage=tr(language, "engine.move.usage")))


def parse_amount(text: str, language: str = "en") -> float:
    match = _AMOUNT.match(text.strip())
    if not match:
        raise MoveError(tr(language, "engine.move.not_amount", text=repr(text.strip())))
    return float(match.group(1).replace(",", "."))
