"""The trainee's moves, and the `/command` syntax shared by plain play and playthroughs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.errors import MoveError


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

USAGE = """\
  just type        a message to the customer
  /lookup TOOL     look something up in the back office (e.g. /lookup booking)
  /do ACTION [N]   act for the customer, with an amount if it needs one (e.g. /do refund 160)
  /hint            what a good agent would consider now (practice mode; counted)
  /end             end the conversation and see your scorecard
  /help            show this help"""

_AMOUNT = re.compile(r"^[€$£]?\s*(\d+(?:[.,]\d{1,2})?)\s*(?:eur|euro|usd)?$", re.IGNORECASE)


def parse_move(line: str) -> Move:
    """Read one line as typed by the trainee; raise `MoveError` with a hint when it is not a move."""
    text = line.strip()
    if not text.startswith("/") or text.startswith("//"):
        return Say(text[1:] if text.startswith("//") else text)
    command, _, rest = text[1:].partition(" ")
    command, rest = command.lower(), rest.strip()
    if command in ("lookup", "look", "l"):
        tool, _, arg = rest.partition(" ")
        if not tool:
            raise MoveError("Which look-up? For example: /lookup booking")
        return Lookup(tool.lower(), arg.strip())
    if command in ("do", "d"):
        action, _, amount = rest.partition(" ")
        if not action:
            raise MoveError("Which action? For example: /do refund 160")
        return Act(action.lower(), parse_amount(amount) if amount.strip() else None)
    if command in ("end", "quit", "bye"):
        return End()
    if command in ("help", "h", "?"):
        return Help()
    if command == "hint":
        return Hint()
    raise MoveError(f"Unknown command /{command}. Moves are:\n{USAGE}\n(Start with // to send a message that begins with /.)")


def parse_amount(text: str) -> float:
    match = _AMOUNT.match(text.strip())
    if not match:
        raise MoveError(f"{text.strip()!r} is not an amount. Write a number, e.g. 160 or €80.50")
    return float(match.group(1).replace(",", "."))
