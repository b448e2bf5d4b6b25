"""Plain-text transcripts: `Customer:` / `Agent:` lines (or `Klant:` / `Medewerker:`), optionally timed.

    [12:03] Customer: Paid €80 each for extra legroom. Confirmed twice.
    [12:05] Agent: I'm so sorry, Daniela. What happened at the gate?
    Lines that start with no speaker continue the message above them.
    # Lines starting with # are comments.

An agent line may be a game move (`/lookup booking`, `/do refund_seats 160`); with a scenario it
is played as one.
"""

from __future__ import annotations

import re

from scoring.batch.conversation import ROLE_HINT, Conversation, Line, ReadError, at, role_of
from scoring.batch.times import TIME_HINT, parse_time, relative

_TIME = r"[\[(]\s*(\d[^\])]*?)\s*[\])]"
_SPEAKER = re.compile(rf"^\s*(?:{_TIME}\s*)?([^\W\d_][\w .'-]{{0,30}}?)\s*(?:{_TIME}\s*)?:\s?(.*)$")
"""`[time] Name [time]: text`; the name is a word or a few (checked against the known roles)."""


def read_text(path: str, text: str) -> list[Conversation]:
    lines: list[Line] = []
    problems: list[str] = []
    clock_only = True
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        found = _SPEAKER.match(raw)
        role = role_of(found[2]) if found else None
        if role is None:
            if lines:
                last = lines[-1]
                lines[-1] = Line(last.role, f"{last.text}\n{raw.strip()}".strip(), last.line, last.at)
            elif found and len(found[2].split()) <= 2:
                problems.append(f"{at(path, number)}: unknown speaker {found[2].strip()!r}; start each message "
                                f"with {ROLE_HINT}, e.g. `Customer: …`")
                break
            else:
                problems.append(f"{at(path, number)}: text before the first speaker; start each message with "
                                f"{ROLE_HINT}, e.g. `Customer: …` (or put # before a heading)")
                break
            continue
        stamp = found[1] or found[3]
        seconds = None
        if stamp:
            parsed = parse_time(stamp)
            if parsed is None:
                problems.append(f"{at(path, number)}: can't read the time {stamp!r}; {TIME_HINT}")
                continue
            seconds, clock = parsed
            clock_only = clock_only and clock
        lines.append(Line(role, found[4].strip(), number, seconds))
    if problems:
        raise ReadError(problems)
    lines = [line for line in lines if line.text]
    if not lines:
        raise ReadError([f"{path}: no messages found; write one per line, starting with {ROLE_HINT}, "
                         "e.g. `Customer: …`"])
    if not any(line.role == "agent" for line in lines):
        raise ReadError([f"{path}: no agent messages, so nothing to score; the agent's lines start with "
                         "`Agent:` (or `Medewerker:`)"])
    return [Conversation(path, path, relative(lines, clock_only))]
