"""Plain data read from YAML, with the line and column of every value and key in it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

Path_ = tuple[str | int, ...]
"""A place in the data: keys and list indices from the top."""


@dataclass
class Marked:
    """Plain data plus, for every path into it, the (line, column) of its value and its key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    ends: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Where each value ends (exclusive)."""
    bad: set[Path_] = field(default_factory=set)
    """Values already reported (a forbidden tag, a key in the wrong place): later checks say nothing more about them."""
    misplaced: set[Path_] = field(default_factory=set)
    """Where keys reported in the wrong place belong: that they are missing there is not news."""
    text: str = ""

    def mark(self, path: Path_) -> tuple[int, int]:
        """Where `path` is, or its nearest enclosing value that exists in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (0, 0)

    def key_mark(self, path: Path_) -> tuple[int, int]:
        return self.keys.get(path) or self.mark(path)

    def find(self, path: Path_, needle: str) -> tuple[int, int]:
        """Where `needle` is written inside the value at `path`; else where that value starts."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                path = path[:end]
                break
        else:
            return (0, 0)
        start, stop = self.values[path], self.ends.get(path)
        if not self.text or stop is None:
            return start
        starts = self._line_starts()
        begin = starts[start[0]] + start[1] if start[0] < len(starts) else len(self.text)
        finish = starts[stop[0]] + stop[1] if stop[0] < len(starts) else len(self.text)
        at = self.text.find(needle, begin, finish)
        if at < 0:
            return start
        line = bisect.bisect_right(starts, at) - 1
        return (line, at - starts[line])

    def _line_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.text)]
            self.__dict__["_starts"] = cached
        return cached
