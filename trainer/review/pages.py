"""The review's pages rendered from Jinja2 templates beside this module, every value escaped (autoescape on)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _environment() -> Any:
    import jinja2  # here, not at the top: a command that writes no page never loads it (start-up speed)

    return jinja2.Environment(
        loader=jinja2.PackageLoader("trainer.review", "templates"),
        autoescape=True,  # always: the names end in .j2, which select_autoescape would not match
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(name: str, **context: Any) -> str:
    """The template `name` (in trainer/review/templates) filled in; text in `context` is data, never markup."""
    return str(_environment().get_template(name).render(**context))


def markup(text: str) -> Any:
    """Text this package built from a template (a chart), to be placed in another page as it is."""
    from markupsafe import Markup

    return Markup(text)  # noqa: S704 - only for pages rendered here with autoescape on
