"""The two YAML parsers a scenario meets: libyaml's (fast) and PyYAML's own (slow, with the messages we translate).

Both resolve plain values closer to YAML 1.2 than PyYAML does (see `_resolvers`).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import Node

MAX_DEPTH = 64
"""How deep values may nest; deeper, PyYAML's scanner slows down and its composer recurses."""

YAML_TAG = "tag:yaml.org,2002:"


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit types, made closer to YAML 1.2 so that values stay as authors wrote them.

    Only true/false are booleans (`on:`, `no`, `yes` stay words); `11:05` is not 665 (base 60),
    `012345` is not an octal number, and `2024-01-01` is text, not a date object.
    """
    dropped = {YAML_TAG + t for t in ("bool", "int", "float", "timestamp", "value")}
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in dropped]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    added = [
        (YAML_TAG + "bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        (YAML_TAG + "int", r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0o[0-7][0-7_]*|0x[0-9a-fA-F][0-9a-fA-F_]*)$",
         "-+0123456789"),
        (YAML_TAG + "float",
         (r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
         "-+0123456789."),
    ]
    for tag, rx, firsts in added:
        for first in firsts:
            table.setdefault(first, []).append((tag, re.compile(rx)))
    return table


class TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("too deep")
        self.mark = mark


class PythonLoader(yaml.SafeLoader):
    """PyYAML's pure-Python parser: slower, but its error messages are the ones yamlsyntax translates.

    It stops at MAX_DEPTH levels: its scanner slows down with every open '[' (a file of
    100,000 of them would take hours), and its composer recurses.
    """

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise TooDeep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]  # stubs leave it untyped
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


PythonLoader.yaml_implicit_resolvers = _resolvers()

FAST_LOADER: type[yaml.CSafeLoader] | None = None
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's parser, fifteen times faster; on any error the Python parser reads again."""

    _FastLoader.yaml_implicit_resolvers = PythonLoader.yaml_implicit_resolvers
    FAST_LOADER = _FastLoader
