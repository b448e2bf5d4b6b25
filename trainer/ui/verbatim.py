"""Text from a user, a model or a file, shown as written: never read as markup, its control characters shown.

Textual reads a plain `str` as markup in labels, statics, notices and `DataTable` cells: a trainee named
`[/]Anna` crashes the screen, `[@click=app.quit]Anna[/]` becomes a link that quits. Every screen hands
such text over as a Rich `Text` made here (or, in Markdown, escaped here); notices go through `Notices`.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from trainer.terminal import shown

MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>#|!&~])")
"""What can start emphasis, code, a link or image, HTML, an entity, a heading or a table: shown after a backslash."""
MARKDOWN_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+(?=[.)]))", re.MULTILINE)
"""What makes a line a list item or a heading's underline."""


def verbatim(value: object, style: str | Style = "") -> Text:
    """`value` as text on screen, exactly as written (control characters as `\\x1b`)."""
    return Text(shown(str(value)), style=style)


def markdown_verbatim(text: str) -> str:
    """Text for a Markdown widget that shows it as written: no emphasis, links, headings or HTML from it."""
    text = MARKDOWN_INLINE.sub(r"\\\1", shown(text))
    return MARKDOWN_LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), text)


class Notices:
    """App mixin: every notice is text, whoever asks for it (`screen.notify` and `widget.notify` call the app's)."""

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = False) -> None:
        super().notify(shown(str(message)), title=shown(title), severity=severity, timeout=timeout,  # type: ignore[misc]
                       markup=False)
