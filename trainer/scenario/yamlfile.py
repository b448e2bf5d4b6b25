"""Read a YAML file safely into plain data, keeping where every value and key stands.

Only PyYAML's composer runs on the text: nodes are turned into Python values here, so no
tag can construct an object, aliases are counted (an alias bomb stops at a limit), and
duplicate keys are reported instead of silently overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trainer.scenario.problems import Problems

MAX_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "seq", "map")
}


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false, so `on:`, `no` and `yes` stay words."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class Marked:
    """Plain data plus, for every path into it, the (line, column) of its value and its key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def mark(self, path: Path_) -> tuple[int, int]:
        """Where `path` is, or its nearest enclosing value that exists in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (0, 0)

    def key_mark(self, path: Path_) -> tuple[int, int]:
        return self.keys.get(path) or self.mark(path)


class _TooBig(Exception):
    pass


def read_yaml(raw: bytes, problems: Problems) -> Marked | None:
    """Parse `raw`; on failure, add problems and return None."""
    if len(raw) > MAX_BYTES:
        problems.add(0, 0, f"the file is {len(raw):,} bytes; a scenario may be at most {MAX_BYTES:,}",
                     "split it, or check that this is the right file")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n")
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1)
        problems.add(line, column, "this is not UTF-8 text", "save the file as UTF-8 (any editor can)")
        return None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        problems.add(0, 0, "the file is empty",
                     "start from the annotated example in docs/scenario-format.md")
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or "this is not valid YAML").strip()
        if exc.context:
            message = f"{exc.context.strip()}: {message}"
        problems.add(mark.line if mark else 0, mark.column if mark else 0, message, _yaml_hint(message))
        return None
    except yaml.YAMLError as exc:
        problems.add(0, 0, f"this is not valid YAML: {exc}", "check the file in a YAML-aware editor")
        return None
    if node is None:
        problems.add(0, 0, "the file is empty", "start from the annotated example in docs/scenario-format.md")
        return None
    marked = Marked(None)
    try:
        marked.data = _Builder(marked, problems).build(node, (), 0)
    except _TooBig as exc:
        problems.add(0, 0, str(exc), "anchors and aliases may not repeat the file thousands of times")
        return None
    return marked


def _yaml_hint(message: str) -> str:
    if "tab" in message:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in message:
        return "a value with ': ' inside needs quotes, e.g. text: \"Note: this\""
    if "could not find expected ':'" in message or "simple key" in message:
        return "each entry needs 'key: value'; is a ':' or an indentation missing?"
    if "found character" in message or "special characters" in message:
        return "put text that starts with @, `, %, | or > between quotes"
    if "expected <block end>" in message:
        return "check the indentation: items of one list or mapping line up"
    return "check the indentation and quotes around this point"


class _Builder:
    def __init__(self, marked: Marked, problems: Problems) -> None:
        self.marked = marked
        self.problems = problems
        self.count = 0
        self.scalars = SafeConstructor()

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(f"the file expands to more than {MAX_NODES:,} values")
        if depth > MAX_DEPTH:
            raise _TooBig(f"the file nests deeper than {MAX_DEPTH} levels")
        self.marked.values.setdefault(path, (node.start_mark.line, node.start_mark.column))
        if node.tag not in _STANDARD_TAGS:
            self.problems.add(node.start_mark.line, node.start_mark.column,
                              f"the tag {node.tag} is not allowed in a scenario",
                              "remove the '!…' tag; write plain text, numbers and lists")
            return None
        if isinstance(node, ScalarNode):
            return self.scalars.construct_object(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        return None

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            start = key_node.start_mark
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.add(start.line, start.column, "'<<' merge keys are not supported",
                                  "write the keys out in full")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.add(start.line, start.column, "a key must be a plain word",
                                  "write 'name: value'")
                continue
            key = str(key_node.value)
            if key in out:
                first = self.marked.keys[path + (key,)]
                self.problems.add(start.line, start.column, f"'{key}' appears twice here",
                                  f"the first '{key}' is on line {first[0] + 1}; keep one of them")
                continue
            self.marked.keys[path + (key,)] = (start.line, start.column)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out
