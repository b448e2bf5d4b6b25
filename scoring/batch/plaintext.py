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
from collections.abc import Iterator
from typing import TextIO

from scoring.batch.conversation import ROLE_HINT, Conversation, Line, ReadError, at, role_of
from scoring.batch.limits import Limits
from scoring.batch.opening import lines_of
from scoring.batch.times import TIME_HINT, parse_time, relative

_TIME = r"[\[(]\s*(\d[^\])]*?)\s*[\])]"
_SPEAKER = re.compile(rf"^\s*(?:{_TIME}\s*)?([^\W\d_][\w .'-]{{0,30}}?)\s*(?:{_TIME}\s*)?:\s?(.*)$")
"""`[time] Name [time]: text`; the name is a word or a few (checked against the known roles)."""


def read_text(path: str, stream: TextIO, limits: Limits) -> Iterator[Conversation]:
    """The file's one conversation, read a line at a time and refused once it passes the limits."""
    lines: list[Line] = []
    texts: list[list[str]] = []
    """Each message's text, a line at a time (joined once at the end: a long message stays linear)."""
    problems: list[str] = []
    clock_only = True
    chars = 0
    for number, raw in lines_of(path, stream, limits.chars, limits.too_big):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        chars += len(raw)
        if chars > limits.chars:
            problems.append(limits.too_big(at(path, number)))
            break
        found = _SPEAKER.match(raw)
        role = role_of(found[2]) if found else None
        if role is None or found is None:
            if lines:
                texts[-1].append(raw.strip())
            elif found and len(found[2].split()) <= 2:
                problems.append(f"{at(path, number)}: unknown speaker {found[2].strip()!r}; start each message "
                                f"with {ROLE_HINT}, e.g. `Customer: …`")
                break
            else:
                problems.append(f"{at(path, number)}: text before the first speaker; start each message with "
                                f"{ROLE_HINT}, e.g. `Customer: …` (or put # before a heading)")
                break
            continue
        if len(lines) == limits.messages:
            problems.append(limits.too_many(at(path, number)))
            break
        stamp = found[1] or found[3]
        seconds = None
        if stamp:
            parsed = parse_time(stamp)
            if parsed is None:
                problems.append(f"{at(path, number)}: can't read the time {stamp!r}; {TIME_HINT}")
                continue
            seconds, clock = parsed
            clock_only = clock_only and clock
        lines.append(Line(role, "", number, seconds))
        texts.append([found[4].strip()])
    if problems:
        raise ReadError(problems)
    lines = [Line(line.role, "\n".join(text).strip(), line.line, line.at) for line, text in zip(lines, texts, strict=True)]
    lines = [line for line in lines if line.text]
    if not lines:
        raise ReadError([(f"{path}: no messages found; write one per line, starting with {ROLE_HINT}, "
                         "e.g. `Customer: …`")])
    if not any(line.role == "agent" for line in lines):
        raise ReadError([(f"{path}: no agent messages, so nothing to score; the agent's lines start with "
                         "`Agent:` (or `Medewerker:`)")])
    yield Conversation(path, path, relative(lines, clock_only))
