"""Nodes to values: PyYAML's composed nodes turned into plain data, with every value's place kept."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trainer.scenario.marked import Marked, Path_
from trainer.scenario.problems import Problems
from trainer.scenario.yamlparsers import MAX_DEPTH, YAML_TAG

MAX_NODES = 25_000
"""About twenty times the values of the library's largest scenario."""
STANDARD_TAGS = {YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}


class TooBig(Exception):
    def __init__(self, node: Node, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.message, self.hint = node, message, hint


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag


class Builder:
    def __init__(self, marked: Marked, problems: Problems) -> None:
        self.marked = marked
        self.problems = problems
        self.count = 0
        self.scalars = SafeConstructor()
        self.seen: set[int] = set()
        self.aliased = False

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if id(node) in self.seen and not isinstance(node, ScalarNode):
            self.aliased = True
        self.seen.add(id(node))
        if self.count > MAX_NODES:
            if self.aliased:
                raise TooBig(node, f"the anchors (&) and aliases (*) expand to more than {MAX_NODES:,} values",
                              "a scenario needs no aliases that repeat each other; write the values out")
            raise TooBig(node, f"the file has more than {MAX_NODES:,} values; a scenario has far fewer",
                          "check that this is the right file, or split it")
        if depth > MAX_DEPTH:
            hint = ("an alias (*) seems to repeat the value it is part of; remove it"
                    if self.aliased else "a scenario nests only a few levels; check the indentation")
            raise TooBig(node, f"the values nest more than {MAX_DEPTH} levels deep", hint)
        start, end = node.start_mark, node.end_mark
        self.marked.values.setdefault(path, (start.line, start.column))
        self.marked.ends.setdefault(path, (end.line, end.column))
        if node.tag == YAML_TAG + "merge" and isinstance(node, ScalarNode):
            return node.value  # '<<' as a value: just text
        if node.tag not in STANDARD_TAGS:
            self.marked.bad.add(path)
            self.problems.add(start.line, start.column,
                              f"the tag {_tag_name(node.tag)} is not allowed in a scenario",
                              "remove the '!…' part; a scenario holds only text, numbers, lists "
                              "and 'key: value' lines")
            return None
        if isinstance(node, ScalarNode):
            try:
                return self.scalars.construct_object(node)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError):
                return node.value
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        return None

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            start = key_node.start_mark
            if key_node.tag == YAML_TAG + "merge":
                self.problems.add(start.line, start.column, "'<<' merge keys are not supported",
                                  "write the keys out in full")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.add(start.line, start.column, "a key must be a plain word",
                                  "write 'name: value'")
                continue
            if key_node.tag not in STANDARD_TAGS:
                self.problems.add(start.line, start.column,
                                  f"the tag {_tag_name(key_node.tag)} is not allowed in a scenario",
                                  "remove the '!…' part from the key")
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
