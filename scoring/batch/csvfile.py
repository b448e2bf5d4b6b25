"""CSV transcripts: a header naming `role` and `text` columns, one message per row.

Optional columns: `conversation` (or `session`) splits one file into several conversations;
`timestamp` (or `time`) gives each message's time. Column names are case-insensitive; the
separator may be a comma, a semicolon or a tab.
"""

from __future__ import annotations

import csv
import itertools
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from scoring.batch.conversation import ROLE_HINT, Conversation, Line, ReadError, at, role_of
from scoring.batch.limits import Limits
from scoring.batch.opening import physical_lines
from scoring.batch.times import TIME_HINT, parse_time, relative

if TYPE_CHECKING:
    from _csv import Reader

COLUMNS: dict[str, tuple[str, ...]] = {
    "role": ("role", "speaker", "rol"),
    "text": ("text", "message", "tekst", "bericht"),
    "conversation": ("conversation", "session", "conversation_id", "session_id", "gesprek"),
    "timestamp": ("timestamp", "time", "tijd", "at"),
}


@dataclass
class _Row:
    number: int
    key: str
    line: Line | None
    """None: a row with no text."""
    clock: bool = True


@dataclass
class Plan:
    """What a first reading of the file found: where each conversation ends, and how to read its times."""

    last: dict[str, int] = field(default_factory=dict)
    """Each conversation's last row with text, in the order they start."""
    clock_only: bool = True
    several: bool = False


def check_csv(path: str, stream: TextIO, limits: Limits) -> Plan:
    """Every problem of the file at once (`ReadError`), else its plan; holds no message's text."""
    problems: list[str] = []
    plan = Plan()
    counts: dict[str, list[int]] = {}  # per conversation: messages, characters, agent messages, first row
    too_long: set[str] = set()
    rows, several = _rows(path, stream, limits, problems)
    plan.several = several
    for row in rows:
        if row.line is None:
            continue
        plan.clock_only = plan.clock_only and row.clock
        seen = counts.get(row.key)
        if seen is None:
            seen = counts[row.key] = [0, 0, 0, row.number]
        seen[0] += 1
        seen[1] += len(row.line.text)
        seen[2] += row.line.role == "agent"
        plan.last[row.key] = row.number
        if (seen[0] > limits.messages or seen[1] > limits.chars) and row.key not in too_long:
            too_long.add(row.key)
            what = f"conversation {row.key!r}" if row.key else "one conversation"
            tell = limits.too_many if seen[0] > limits.messages else limits.too_big
            problems.append(tell(at(path, row.number), what))
    if problems:
        raise ReadError(problems)
    if not counts:
        raise ReadError([f"{path}: no messages below the header; add one row per message"])
    plan.several = plan.several or len(counts) > 1
    for key, (_, _, agents, first) in counts.items():
        if not agents:
            what = f"conversation {key!r}" if key else "the file"
            problems.append(f"{at(path, first)}: {what} has no agent messages, so nothing to score")
    if problems:
        raise ReadError(problems)
    return plan


def read_csv(path: str, stream: TextIO, limits: Limits, plan: Plan) -> Iterator[Conversation]:
    """The conversations of a checked file, in the order they start, each as soon as its last row is read:
    one at a time when the rows of each conversation are together."""
    problems: list[str] = []
    rows, _ = _rows(path, stream, limits, problems)
    open_: dict[str, list[Line]] = {}
    waiting: deque[str] = deque()
    done: set[str] = set()
    for row in rows:
        if row.line is None:
            continue
        if row.key not in open_:
            open_[row.key] = []
            waiting.append(row.key)
        open_[row.key].append(row.line)
        if plan.last.get(row.key) == row.number:
            done.add(row.key)
        while waiting and waiting[0] in done:
            key = waiting.popleft()
            source = f"{path}#{key}" if plan.several and key else path
            yield Conversation(source, path, relative(open_.pop(key), plan.clock_only))
    if problems or open_:
        raise ReadError(problems or [f"{path}: the file changed while it was being scored; score it again"])


def _rows(path: str, stream: TextIO, limits: Limits, problems: list[str]) -> tuple[Iterator[_Row], bool]:
    """The rows below the header, read one at a time; a row that can't be read adds to `problems`.
    Also whether the file names its conversations (a `conversation` column)."""
    lines = physical_lines(path, stream, limits.chars, _too_long(limits))
    header_line = next(lines, "")
    reader = csv.reader(itertools.chain([header_line], lines), _dialect(header_line))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ReadError([(f"{at(path, 1)}: no header row ({exc}); the first row names the columns, "
                         "e.g. role,text")]) from None
    columns = _columns(path, header)
    return _body(path, reader, header, columns, problems), "conversation" in columns


def _body(path: str, reader: Reader, header: list[str], columns: dict[str, int], problems: list[str]) -> Iterator[_Row]:
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"{at(path, start)}: the row can't be read ({exc}); check its quotes")
            break
        number, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            row += [""] * (len(header) - len(row))
        name = row[columns["role"]].strip()
        role = role_of(name)
        if role is None:
            what = f"unknown role {name!r}" if name else "no role"
            problems.append(f"{at(path, number)}: {what}; the role column says {ROLE_HINT}")
            continue
        seconds, clock = None, True
        if "timestamp" in columns and row[columns["timestamp"]].strip():
            parsed = parse_time(row[columns["timestamp"]])
            if parsed is None:
                problems.append(f"{at(path, number)}: can't read the time {row[columns['timestamp']].strip()!r}; "
                                f"{TIME_HINT}")
                continue
            seconds, clock = parsed
        key = row[columns["conversation"]].strip() if "conversation" in columns else ""
        content = row[columns["text"]].strip()
        yield _Row(number, key, Line(role, content, number, seconds) if content else None, clock)


def _too_long(limits: Limits) -> Callable[[str], str]:
    return lambda where: limits.too_big(where, "one line")


def _dialect(header: str) -> type[csv.Dialect]:
    """Excel's CSV, with the separator the header uses most: comma, semicolon or tab."""
    separator = max(",;\t", key=header.count)

    class Found(csv.excel):
        delimiter = separator

    return Found


def _columns(path: str, header: list[str]) -> dict[str, int]:
    names = [h.strip().lstrip("\ufeff").casefold() for h in header]
    found: dict[str, int] = {}
    for column, aliases in COLUMNS.items():
        index = next((i for i, n in enumerate(names) if n in aliases), None)
        if index is not None:
            found[column] = index
    missing = [c for c in ("role", "text") if c not in found]
    if missing:
        has = ", ".join(repr(h.strip()) for h in header if h.strip()) or "nothing"
        raise ReadError([(f"{at(path, 1)}: no {' or '.join(repr(m) for m in missing)} column (the header has "
                         f"{has}); name the columns role and text (and optionally conversation, timestamp)")])
    return found
