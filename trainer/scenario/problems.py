"""Problems found in a scenario file, printed as `file:line:col: message` with the line and a hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Severity = str  # "error" | "warning"


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
            out.append(f"    {self.source_line.rstrip()}")
            out.append("    " + " " * (self.column - 1) + "^")
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)


class Problems:
    """Collects problems for one file, with the file's text to quote from."""

    def __init__(self, path: Path | str, text: str = "") -> None:
        self.path = str(path)
        self._lines = text.splitlines()
        self.items: list[Problem] = []

    def add(
        self, line: int, column: int, message: str, hint: str = "", severity: Severity = "error"
    ) -> None:
        """Record a problem at a 0-based line and column (as PyYAML marks give them)."""
        source = self._lines[line] if 0 <= line < len(self._lines) else ""
        problem = Problem(self.path, line + 1, column + 1, message, hint, severity, source)
        if problem not in self.items:
            self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "error"]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line, p.column))


def did_you_mean(name: object, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or listing the choices when none is close."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(str(name), options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not options:
        return ""
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    return f"choose one of: {shown}"
