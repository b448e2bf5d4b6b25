"""Any file given to `webcare score`: read as a session (JSON), a CSV or a plain-text transcript.

A file is read twice, never held whole: first checked to the end (every problem at once, and a
file with problems is not scored), then read again one conversation at a time as each is scored,
so memory holds one conversation, not the file. `Limits` caps how big one conversation may be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from scoring.batch.conversation import Conversation
from scoring.batch.csvfile import check_csv, read_csv
from scoring.batch.limits import Limits
from scoring.batch.opening import FORMATS, open_text
from scoring.batch.plaintext import read_text
from scoring.batch.sessionfile import read_sessions

__all__ = ["FORMATS", "FileConversations", "Limits", "read_file"]

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
_LOOKS_JSON = re.compile(r"\s*(\{|\[\s*[{\]])")
"""An object, or a list of objects: `[12:03] Customer:` is a timed transcript line, not JSON."""
DEFAULT = Limits()


class FileConversations:
    """A checked file's conversations: `len` says how many, each iteration reads them again one at a time
    (`ReadError` only if the file changed since it was checked)."""

    def __init__(self, path: Path, read: Callable[[], Iterator[Conversation]], count: int) -> None:
        self.path = path
        self._read = read
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Conversation]:
        return self._read()


def read_file(path: Path, limits: Limits = DEFAULT) -> FileConversations:
    """The conversations in a file, checked; `ReadError` says what is wrong with it and what to do."""
    name = str(path)
    stream, head = open_text(path)
    stream.close()
    suffix = path.suffix.casefold()
    if suffix in CSV_SUFFIXES:
        with open_text(path, newline="")[0] as stream:
            plan = check_csv(name, stream, limits)

        def read() -> Iterator[Conversation]:
            with open_text(path, newline="")[0] as stream:
                yield from read_csv(name, stream, limits, plan)

        return FileConversations(path, read, len(plan.last))
    if suffix in JSON_SUFFIXES or _LOOKS_JSON.match(head):
        def read() -> Iterator[Conversation]:
            with open_text(path)[0] as stream:
                yield from read_sessions(name, stream, limits)
    else:
        def read() -> Iterator[Conversation]:
            with open_text(path)[0] as stream:
                yield from read_text(name, stream, limits)
    return FileConversations(path, read, sum(1 for _ in read()))
