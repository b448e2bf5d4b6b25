"""Message times in transcripts: `12:03`, `12:03:45` or an ISO date-time, as seconds from the first."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from scoring.batch.conversation import Line

DAY = 86_400.0
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$")
TIME_HINT = "write HH:MM, HH:MM:SS or a date-time like 2024-11-14T12:03:00"


def parse_time(text: str) -> tuple[float, bool] | None:
    """Seconds, and whether they are a time of day only (which may pass midnight); None if unreadable."""
    text = text.strip()
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if hours > 23 or minutes > 59 or seconds > 59:
            return None
        return hours * 3600.0 + minutes * 60.0 + seconds, True
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp(), False


def relative(lines: list[Line], clock_only: bool) -> list[Line]:
    """Times as seconds since the conversation's first known time; a time of day that goes back has
    passed midnight."""
    out: list[Line] = []
    start: float | None = None
    days = 0.0
    last: float | None = None
    for line in lines:
        if line.at is None:
            out.append(line)
            continue
        value = line.at
        if clock_only and last is not None and value + days < last - 60:
            days += DAY
        value += days
        last = value
        if start is None:
            start = value
        out.append(Line(line.role, line.text, line.line, round(value - start, 3)))
    return out
