"""A file opened as UTF-8 text to be read a line or a chunk at a time, never whole.

A byte-order mark is allowed; UTF-16 and binary files are refused when opened. Bytes that are
not UTF-8 are kept as stand-ins (surrogate escapes) until `check_utf8` meets them with their line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from scoring.batch.conversation import ReadError, at

FORMATS = "a session (.json), a CSV with role and text columns, or text with Customer: / Agent: lines"
HEAD = 8192
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def open_text(path: Path, *, newline: str | None = None, name: str | None = None) -> tuple[TextIO, str]:
    """The file as text, and its first few thousand characters (to tell its format); messages call it `name`."""
    name = name or str(path)
    if path.is_dir():
        raise ReadError([f"{name}: is a folder; give the files in it, e.g. {path / '*.txt'}"])
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        raise ReadError([f"{name}: no such file"]) from None
    except OSError as exc:
        raise ReadError([f"{name}: can't be read ({exc.strerror or exc})"]) from None
    try:
        head = raw.read(HEAD)
        raw.seek(0)
    except OSError as exc:
        raw.close()
        raise ReadError([f"{name}: can't be read ({exc.strerror or exc})"]) from None
    problem = None
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problem = f"{name}: UTF-16 text; save the file as UTF-8 (in Excel: CSV UTF-8) and try again"
    elif b"\0" in head:
        problem = f"{name}: a binary file, not a transcript; give {FORMATS}"
    elif len(head) < HEAD and not head.removeprefix(b"\xef\xbb\xbf").strip():
        problem = f"{name}: the file is empty; give {FORMATS}"
    if problem:
        raw.close()
        raise ReadError([problem])
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline=newline)
    return text, head.decode("utf-8-sig", "ignore")


def check_utf8(path: str, line: int, text: str) -> None:
    """`ReadError` naming the line of the first byte in `text` (starting on `line`) that is not UTF-8."""
    bad = _NOT_UTF8.search(text)
    if bad:
        where = at(path, line + text.count("\n", 0, bad.start()))
        raise ReadError([(f"{where}: not UTF-8 text (byte 0x{ord(bad[0]) - 0xDC00:02x}); save the file as UTF-8 "
                         "(in Excel: CSV UTF-8) and try again")])


def physical_lines(path: str, stream: TextIO, longest: int, too_long: Callable[[str], str]) -> Iterator[str]:
    """The file's lines as the stream splits them, ends kept; a line over `longest` characters is refused
    (`too_long(where)` says so) before it is read whole."""
    number = 0
    while physical := stream.readline(longest + 1):
        number += 1
        if len(physical) > longest and not physical.endswith(("\n", "\r")):
            raise ReadError([too_long(at(path, number))])
        check_utf8(path, number, physical)
        yield physical


def lines_of(path: str, stream: TextIO, longest: int, too_long: Callable[[str], str]) -> Iterator[tuple[int, str]]:
    """The file's lines, numbered from 1 and split as `str.splitlines` splits them."""
    number = 0
    for physical in physical_lines(path, stream, longest, too_long):
        for piece in physical.splitlines() or [""]:
            number += 1
            yield number, piece
