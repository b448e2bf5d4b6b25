"""The review's pages rendered from Jinja2 templates beside this module, every value escaped (autoescape on)."""

from __future__ import annotations

from typing import Any

from trainer import templates


def render(name: str, **context: Any) -> str:
    """The template `name` (in trainer/review/templates) filled in; text in `context` is data, never markup."""
    return templates.render("trainer.review", name, **context)


def markup(text: str) -> Any:
    """Text this package built from a template (a chart), to be placed in another page as it is."""
    from markupsafe import Markup

    return Markup(text)  # noqa: S704 - only for pages rendered here with autoescape on
