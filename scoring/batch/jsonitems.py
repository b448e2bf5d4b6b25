"""The entries of a JSON file one at a time: each line of JSONL, each element of a top-level list, or
the one document; none may be longer than a limit, and the file is never held whole.

Each entry comes as (source, where, value): how results name it (`FILE#n`) and where a message
about it points (`FILE:line` for JSONL).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from scoring.batch.conversation import ReadError, at
from scoring.batch.opening import check_utf8

CHUNK = 1 << 16
NOT_JSON = "a session file is what `webcare play --session-json` or `webcare export` writes"
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_NEAR_END = 8
"""A decoding error this close to the end of what has been read may only mean the entry goes on."""

_NOTHING = object()

Item = tuple[str, str, Any]
TooBig = Callable[[str, str], str]
"""(where, what) → the message for an entry over the limit."""


def json_items(path: str, stream: TextIO, longest: int, too_big: TooBig) -> Iterator[Item]:
    """The file's entries; `ReadError` for JSON that can't be read (JSONL: every bad line, at the end)."""
    before, number = "", 0
    while True:
        line = stream.readline(longest + 1)
        number += 1
        check_utf8(path, number, line)
        if line.strip() or not line:
            break
        before += line
    start = line.lstrip()
    if start.startswith("["):
        yield from _elements(path, _Buffer(path, stream, before + line), longest, too_big)
        return
    if len(line) > longest and not line.endswith("\n"):
        raise ReadError([too_big(at(path, number), "one session")])
    first = _value(line)
    if first is not _NOTHING:
        following, skipped = stream.readline(longest + 1), 0
        while following and not following.strip():
            following, skipped = stream.readline(longest + 1), skipped + 1
        if not following:
            yield path, path, first
            return
        yield f"{path}#1", at(path, number), first
        yield from _lines(path, stream, longest, too_big, number + skipped + 1, following)
        return
    text = before + line + stream.read(longest + 1 - len(before + line))
    check_utf8(path, 1, text)
    if len(text) > longest:
        raise ReadError([too_big(path, "one session")])
    try:
        yield path, path, json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError([f"{at(path, exc.lineno)}: not valid JSON ({exc.msg}, column {exc.colno}); {NOT_JSON}"]
                        ) from None


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return _NOTHING


def _lines(path: str, stream: TextIO, longest: int, too_big: TooBig, number: int, line: str) -> Iterator[Item]:
    """JSONL after its first entry (`line` is line `number`): one entry a line; every line that isn't JSON
    is told at the end."""
    problems: list[str] = []
    count = 1
    while line:
        if line.strip():
            if len(line) > longest and not line.endswith("\n"):
                problems.append(too_big(at(path, number), "one session"))
                while line and not line.endswith("\n"):  # the rest of that line
                    line = stream.readline(CHUNK)
            else:
                check_utf8(path, number, line)
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{at(path, number)}: not valid JSON ({exc.msg}, column {exc.colno}); "
                                    "a JSONL file has one whole session per line")
                else:
                    count += 1
                    yield f"{path}#{count}", at(path, number), value
        line = stream.readline(longest + 1)
        number += 1
    if problems:
        raise ReadError(problems)


class _Buffer:
    """The part of the file being decoded, from the start of a line (so columns stay right)."""

    def __init__(self, path: str, stream: TextIO, text: str) -> None:
        self.path, self.stream, self.text = path, stream, text
        self.pos = 0
        self.line = 1
        """The file's line number of `text[0]`."""
        self.eof = False

    def more(self, at_least: int = CHUNK) -> bool:
        chunk = self.stream.read(max(at_least, CHUNK))
        if not chunk:
            self.eof = True
            return False
        check_utf8(self.path, self.line + self.text.count("\n"), chunk)
        self.text += chunk
        return True

    def next_char(self) -> str:
        """The next character that isn't white space ("" at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]  # `*` matches anywhere
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def forget_read(self) -> None:
        cut = self.text.rfind("\n", 0, self.pos) + 1
        if cut:
            self.line += self.text.count("\n", 0, cut)
            self.text, self.pos = self.text[cut:], self.pos - cut

    def error(self, exc: json.JSONDecodeError) -> ReadError:
        return ReadError([(f"{at(self.path, self.line + exc.lineno - 1)}: not valid JSON ({exc.msg}, "
                          f"column {exc.colno}); {NOT_JSON}")])

    def decode(self, longest: int) -> Any:
        """The value starting here; `_NOTHING` when it runs past `longest` characters."""
        start = self.pos
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                cut_short = exc.pos >= len(self.text) - _NEAR_END or exc.msg.startswith("Unterminated string")
                if self.eof or not cut_short:
                    raise self.error(exc) from None
            else:
                if end - start > longest:
                    return _NOTHING
                if end < len(self.text) or self.eof:
                    self.pos = end
                    return value
            if len(self.text) - start > longest:
                return _NOTHING
            self.more(len(self.text) - start)  # twice as much each time: a long entry is decoded a few times


def _elements(path: str, buffer: _Buffer, longest: int, too_big: TooBig) -> Iterator[Item]:
    """A JSON list: one element at a time."""
    buffer.next_char()
    buffer.pos += 1  # [
    if buffer.next_char() == "]":
        buffer.pos += 1
        if buffer.next_char():
            raise buffer.error(json.JSONDecodeError("Extra data", buffer.text, buffer.pos))
        raise ReadError([f"{path}: an empty list; no session to score"])
    number = 0
    while True:
        number += 1
        source = f"{path}#{number}"
        value = buffer.decode(longest)
        if value is _NOTHING:
            raise ReadError([too_big(source, "one session")])
        yield source, source, value
        after = buffer.next_char()
        if after not in ("]", ","):
            raise buffer.error(json.JSONDecodeError("Expecting ',' delimiter", buffer.text, buffer.pos))
        buffer.pos += 1
        if after == "]":
            break
        buffer.forget_read()
        buffer.next_char()
    if buffer.next_char():
        raise buffer.error(json.JSONDecodeError("Extra data", buffer.text, buffer.pos))
