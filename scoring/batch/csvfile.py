"""CSV transcripts: a header naming `role` and `text` columns, one message per row.

Optional columns: `conversation` (or `session`) splits one file into several conversations;
`timestamp` (or `time`) gives each message's time. Column names are case-insensitive; the
separator may be a comma, a semicolon or a tab.
"""

from __future__ import annotations

import csv
import io

from scoring.batch.conversation import ROLE_HINT, Conversation, Line, ReadError, at, role_of
from scoring.batch.times import TIME_HINT, parse_time, relative

COLUMNS: dict[str, tuple[str, ...]] = {
    "role": ("role", "speaker", "rol"),
    "text": ("text", "message", "tekst", "bericht"),
    "conversation": ("conversation", "session", "conversation_id", "session_id", "gesprek"),
    "timestamp": ("timestamp", "time", "tijd", "at"),
}


def read_csv(path: str, text: str) -> list[Conversation]:
    header_line = text.split("\n", 1)[0]
    dialect = _dialect(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ReadError([f"{at(path, 1)}: no header row ({exc}); the first row names the columns, "
                         "e.g. role,text"]) from None
    columns = _columns(path, header)
    problems: list[str] = []
    conversations: dict[str, list[Line]] = {}
    clock_only = True
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
        seconds = None
        if "timestamp" in columns and row[columns["timestamp"]].strip():
            parsed = parse_time(row[columns["timestamp"]])
            if parsed is None:
                problems.append(f"{at(path, number)}: can't read the time {row[columns['timestamp']].strip()!r}; "
                                f"{TIME_HINT}")
                continue
            seconds, clock = parsed
            clock_only = clock_only and clock
        key = row[columns["conversation"]].strip() if "conversation" in columns else ""
        content = row[columns["text"]].strip()
        if content:
            conversations.setdefault(key, []).append(Line(role, content, number, seconds))
    if problems:
        raise ReadError(problems)
    if not conversations:
        raise ReadError([f"{path}: no messages below the header; add one row per message"])
    several = len(conversations) > 1 or "conversation" in columns
    out = []
    for key, lines in conversations.items():
        source = f"{path}#{key}" if several and key else path
        if not any(line.role == "agent" for line in lines):
            what = f"conversation {key!r}" if key else "the file"
            problems.append(f"{at(path, lines[0].line)}: {what} has no agent messages, so nothing to score")
            continue
        out.append(Conversation(source, path, relative(lines, clock_only)))
    if problems:
        raise ReadError(problems)
    return out


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
        raise ReadError([f"{at(path, 1)}: no {' or '.join(repr(m) for m in missing)} column (the header has "
                         f"{has}); name the columns role and text (and optionally conversation, timestamp)"])
    return found
