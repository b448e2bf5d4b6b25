"""What a file holds once read: conversations to score, or the problems that stop it being read."""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.engine.events import Event
from trainer.texts import tr

CUSTOMER, AGENT = "customer", "agent"

ROLES: dict[str, str] = {
    "customer": CUSTOMER, "klant": CUSTOMER, "client": CUSTOMER,
    "agent": AGENT, "medewerker": AGENT,
}
"""Speaker names a transcript may use (any case), in English and Dutch."""

ROLE_HINT = "Customer or Agent (Klant or Medewerker)"


def role_of(name: str) -> str | None:
    return ROLES.get(name.strip().casefold())


@dataclass(frozen=True, slots=True)
class Line:
    """One message of a transcript: who wrote it, what, on which line of the file, and when (seconds)."""

    role: str
    text: str
    line: int
    at: float | None = None


@dataclass
class Conversation:
    """One conversation to score: a transcript's lines, or a saved session's events."""

    source: str
    """How the results name it: the file, with `#n` or `#id` when the file holds several."""
    path: str
    """The file it came from, for `FILE:line` messages."""
    lines: list[Line] = field(default_factory=list)
    events: list[Event] | None = None
    scenario: str | None = None
    """A saved session's scenario id."""
    language: str | None = None
    trainee: str | None = None


class ReadError(Exception):
    """A file that can't be scored: every problem found, each `FILE:line: what — what to do`."""

    MAX_SHOWN = 10

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[: self.MAX_SHOWN]
        if len(problems) > self.MAX_SHOWN:
            shown.append(f"… and {tr('en', 'count.more_problem', n=len(problems) - self.MAX_SHOWN)} like these")
        super().__init__("\n".join(shown))


def at(path: str, line: int | None = None) -> str:
    """`FILE:line`, or just `FILE`, for the start of a message."""
    return f"{path}:{line}" if line else path
