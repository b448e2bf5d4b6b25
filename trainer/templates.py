"""HTML pages from Jinja2 templates kept beside a package's code, every value escaped (autoescape always on)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _environment(package: str) -> Any:
    import jinja2  # here, not at the top: a command that writes no page never loads it (start-up speed)

    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,  # always: the names end in .j2, which select_autoescape would not match
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(package: str, name: str, **context: Any) -> str:
    """The template `name` in `package`'s templates folder, filled in; text in `context` is data, never markup."""
    return str(_environment(package).get_template(name).render(**context))
