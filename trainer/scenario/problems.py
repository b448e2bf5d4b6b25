"""Problems found in a scenario file, printed as `file:line:col: message` with the line and a hint."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Severity = str  # "error" | "warning"

DOCS = "`webcare docs scenario-format`"
"""Where the format is explained (the page ships with the game); the help for a place the schema does not describe."""

MAX_PROBLEMS = 100
"""Past this many, a file is reported as having too many problems (a binary or wrong file, mostly)."""

SHOWN_WIDTH = 100
"""Longest stretch of a source line quoted under a problem."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    """1-based."""
    column: int
    """1-based."""
    message: str
    hint: str = ""
    severity: Severity = "error"
    source_line: str = ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{self.severity}: "
        out = [f"{self.where}: {label}{self.message}"]
        if self.source_line.strip():
            shown, caret = _quote(self.source_line.rstrip(), self.column - 1)
            out.append(f"    {shown}")
            out.append(f"    {caret}^")
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)


def _quote(line: str, column: int) -> tuple[str, str]:
    """The part of `line` to show, made printable, and the padding that puts a caret under `column`."""
    start = 0
    if len(line) > SHOWN_WIDTH:
        start = max(0, min(column - SHOWN_WIDTH // 2, len(line) - SHOWN_WIDTH))
        line = ("…" if start else "") + line[start : start + SHOWN_WIDTH] + (
            "…" if start + SHOWN_WIDTH < len(line) else ""
        )
        column = column - start + (1 if start else 0)
    shown = "".join(c if c == "\t" or c.isprintable() else "\ufffd" for c in line)
    caret = "".join("\t" if c == "\t" else " " for c in shown[: max(column, 0)])
    return shown, caret


class Problems:
    """Collects problems for one file, with the file's text to quote from."""

    def __init__(self, path: Path | str, text: str = "") -> None:
        self.path = str(path)
        # Only \n, \r\n and \r end a line, as in editors (str.splitlines also splits on \f, \x1c, …).
        self.lines = _LINE_BREAK.split(text)
        """The file's lines: quoted by `add`, searched for the line a key is on."""
        self.items: list[Problem] = []
        self._seen: set[Problem] = set()

    def add(
        self, line: int, column: int, message: str, hint: str = "", severity: Severity = "error",
        *, quote: bool = True,
    ) -> None:
        """Record a problem at a 0-based line and column (as PyYAML marks give them).

        `quote=False` leaves out the source line (for a binary file it is only noise)."""
        line, column = max(line, 0), max(column, 0)
        source = self.lines[line] if quote and line < len(self.lines) else ""
        problem = Problem(self.path, line + 1, column + 1, message, hint, severity, source)
        if problem in self._seen or self.full:
            return
        self._seen.add(problem)
        if len(self.items) == MAX_PROBLEMS:
            # Only warnings so far (and this one too): a file that works, with much to tidy, does not fail.
            worst = "error" if severity == "error" or any(p.severity == "error" for p in self.items) else "warning"
            problem = Problem(
                self.path, line + 1, column + 1,
                f"too many problems: only the first {MAX_PROBLEMS} are shown",
                "fix these first and check again; is this the right file?", worst, source,
            )
        self.items.append(problem)

    @property
    def full(self) -> bool:
        """True once the limit is reached: further problems are dropped."""
        return len(self.items) > MAX_PROBLEMS

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "error"]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line, p.column))


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def spaces(count: int) -> str:
    """`two spaces`, `one space`, `12 spaces`: how far to move a line, in words."""
    number = _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)
    return f"{number} space{'s' * (count != 1)}"


def did_you_mean(name: object, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or listing the choices when none is close."""
    options = sorted(set(choices))
    text = str(name)
    hidden = invisible_characters(text)
    note = f" ('{text}' contains an invisible character, {hidden}; delete it)" if hidden else ""
    visible = "".join(c for c in text if not _is_invisible(c))
    close = difflib.get_close_matches(visible, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?{note}"
    if not options:
        return note.strip(" ()")
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    return f"choose one of: {shown}{note}"


def _is_invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (
        unicodedata.category(char) == "Zs" and char != " "
    )


def invisible_characters(text: str) -> str:
    """Names of characters in `text` that an editor does not show, e.g. 'U+200B ZERO WIDTH SPACE'."""
    found = dict.fromkeys(c for c in text if _is_invisible(c))
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}" for c in found)
