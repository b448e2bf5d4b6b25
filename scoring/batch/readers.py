"""Any file given to `webcare score`: read as a session (JSON), a CSV or a plain-text transcript.

A file is read twice, never held whole: first checked to the end (every problem at once, and a
file with problems is not scored), then read again one conversation at a time as each is scored,
so memory holds one conversation, not the file. `Limits` caps how big one conversation may be.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from scoring.batch.conversation import Conversation, ReadError
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

    def __init__(self, path: Path, read: Callable[[], Iterator[Conversation]], count: int,
                 copy: tempfile.TemporaryDirectory[str] | None = None) -> None:
        self.path = path
        self._read = read
        self.count = count
        self._copy = copy
        """Where a pipe's content is kept while the conversations are read (removed with this object)."""

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Conversation]:
        return self._read()


def read_file(path: Path, limits: Limits = DEFAULT) -> FileConversations:
    """The conversations in a file, checked; `ReadError` says what is wrong with it and what to do."""
    name = str(path)
    source, copy = _rereadable(path)

    def opened(newline: str | None = None) -> TextIO:
        return open_text(source, newline=newline, name=name)[0]

    head = open_text(source, name=name)
    head[0].close()
    suffix = path.suffix.casefold()
    if suffix in CSV_SUFFIXES:
        with opened(newline="") as stream:
            plan = check_csv(name, stream, limits)

        def read() -> Iterator[Conversation]:
            with opened(newline="") as stream:
                yield from read_csv(name, stream, limits, plan)

        return FileConversations(path, read, len(plan.last), copy)
    if suffix in JSON_SUFFIXES or _LOOKS_JSON.match(head[1]):
        def read() -> Iterator[Conversation]:
            with opened() as stream:
                yield from read_sessions(name, stream, limits)
    else:
        def read() -> Iterator[Conversation]:
            with opened() as stream:
                yield from read_text(name, stream, limits)
    return FileConversations(path, read, sum(1 for _ in read()), copy)


def _rereadable(path: Path) -> tuple[Path, tempfile.TemporaryDirectory[str] | None]:
    """A file that can be read twice: the file itself, or for a pipe (`<(…)`, /dev/stdin) a copy on disk."""
    if path.is_file() or path.is_dir() or not path.exists():
        return path, None  # folders and missing files are told when opened
    copy = tempfile.TemporaryDirectory(prefix="webcare-score-")
    kept = Path(copy.name) / "input"
    try:
        with path.open("rb") as source, kept.open("wb") as target:
            shutil.copyfileobj(source, target)
    except OSError as exc:
        copy.cleanup()
        raise ReadError([f"{path}: can't be read ({exc.strerror or exc})"]) from None
    return kept, copy
