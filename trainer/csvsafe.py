"""CSV that a spreadsheet opens as data: every text cell that would run as a formula is neutralised.

Excel, LibreOffice and Google Sheets treat a cell starting with `=`, `+`, `-` or `@` (and,
after trimming, a tab or carriage return) as a formula: `=HYPERLINK(…)` or `=cmd|' /C calc'!A0`
in a trainee's name, a file name or a customer's line would run when a coach opens the file.
Such a cell gets a leading `'`, which the spreadsheet shows as text and does not print.

Every CSV the project writes goes through `writer`, so a new column can't forget it. Lines end
in CRLF (RFC 4180), so a cell holding a carriage return is quoted: with bare `\n` endings the
csv module leaves a lone CR unquoted, and a spreadsheet starts a new row there, whose first
cell (`x\r=cmd…`) would run after all.
Numbers the program computed (scores, turns) are written as numbers: they are never text
someone typed, and `-3` as a number can't be a formula. Text is neutralised even when it
looks like a number (`-1`), because text is data whatever it looks like.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """`value` as it can go in a CSV cell: text that would start a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def writer(stream: TextIO) -> SafeWriter:
    """A drop-in for `csv.writer` (a function returning a writer, like it): see `SafeWriter`."""
    return SafeWriter(stream)


class SafeWriter:
    """`csv.writer` whose every cell goes through `cell`, lines ending in CRLF (write files with newline="")."""

    def __init__(self, stream: TextIO) -> None:
        self._writer = csv.writer(stream, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
