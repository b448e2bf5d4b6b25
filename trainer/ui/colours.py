"""The game's colours by what they mean, taken from the theme, so every theme (the light ones too) reads well.

Text is styled with the theme's text colours (`GOOD` is `$text-success`: a green that reads on the theme's own
background, darker in a light theme). A Textual widget draws them as it paints: `content()` turns a Rich `Text`
so styled into Textual `Content` for a `Static`, a `Label` or a `render()`, and a theme picked later repaints it.
Rich's own renderers (a `RichLog`, a `DataTable` cell, a Rich `Table` or `Panel`) know nothing of the theme:
`rich()` puts the current theme's colours in, and `follow_theme()` has such a widget draw again when it changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from rich.style import Style as RichStyle
from rich.text import Span as RichSpan
from rich.text import Text
from textual.content import Content, Span
from textual.style import Style
from textual.widget import Widget

GOOD = "$text-success"
"""What went well: a score that passes, evidence that helped, a module passed, the calm customer."""
BAD = "$text-error"
"""What went wrong or is at its limit: a failed action, a low score, the furious customer, a late reply."""
WARN = "$text-warning"
"""Halfway, or worth a look: an upset customer, a module practised, a judge who disagrees, a coach's note."""
HER = "$text-accent"
"""The customer: her name in the chat, her handle, her patience."""
YOU = "$text-primary"
"""The trainee (and the agent in a coach's reading)."""
ASIDE = "$text-secondary"
"""Beside the conversation: a hint, a fact found, the notebook."""

_VARIABLE = re.compile(r"\$([a-z][a-z0-9-]*)")


def content(text: Text) -> Content:
    """`text` as Textual `Content`, its theme colours resolved as it is drawn (never read as markup)."""
    spans = [Span(0, len(text.plain), _style(text.style))] if text.style else []
    spans += [Span(s.start, s.end, _style(s.style)) for s in text.spans if s.style]
    return Content(text.plain, spans)


def _style(style: str | RichStyle) -> str | Style:
    return style if isinstance(style, str) else Style.from_rich_style(style)


def themed(style: str | RichStyle, variables: Mapping[str, str]) -> str | RichStyle:
    """`"bold $text-success"` → `"bold #8AD4A1"`: the theme's colour, for Rich (a name it lacks: no colour)."""
    if not isinstance(style, str) or "$" not in style:
        return style
    return _VARIABLE.sub(lambda m: _colour(variables.get(m[1], "")), style).strip()


def _colour(value: str) -> str:
    return value if value.startswith("#") and " " not in value else ""  # "auto 60%" means nothing to Rich


def rich(text: Text, variables: Mapping[str, str]) -> Text:
    """A copy of `text` with the theme's colours in, for Rich's renderers."""
    out = text.copy()
    out.style = themed(out.style, variables)
    out.spans = [RichSpan(s.start, s.end, themed(s.style, variables)) for s in text.spans]
    return out


def follow_theme(widget: Widget, redraw: Callable[[], Any]) -> None:
    """Call `redraw` when the app's theme changes (call from `on_mount`): for widgets drawn with Rich."""
    widget.app.theme_changed_signal.subscribe(widget, lambda _theme: redraw())
