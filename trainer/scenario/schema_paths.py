"""The scenario's JSON schema, followed along a path into the file: allowed keys, required keys, help."""

from __future__ import annotations

from typing import Any

from trainer.scenario.marked import Path_
from trainer.scenario.problems import DOCS
from trainer.scenario.schema import json_schema as _schema


def _node_at(loc: Path_) -> dict[str, Any] | None:
    """The JSON-schema node describing the value at `loc` in a scenario, if it can be followed."""
    return node_in(_schema(), loc)


def node_in(schema: dict[str, Any], loc: Path_) -> dict[str, Any] | None:
    """The node of any JSON schema (scenarios, curricula) describing the value at `loc`, if it can be followed."""
    defs = schema.get("$defs", {})
    node: dict[str, Any] | None = schema
    for item in loc:
        node = _deref(node, defs)
        if node is None:
            return None
        if isinstance(item, int):
            node = node.get("items")
        elif "properties" in node and item in node["properties"]:
            node = node["properties"][item]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        elif isinstance(node.get("patternProperties"), dict) and node["patternProperties"]:
            node = next(iter(node["patternProperties"].values()))
        else:
            return None
    return _deref(node, defs)


def _deref(node: dict[str, Any] | None, defs: dict[str, Any]) -> dict[str, Any] | None:
    for _ in range(4):
        if node is None:
            return None
        if "$ref" in node:
            node = defs.get(node["$ref"].rsplit("/", 1)[-1])
        elif "anyOf" in node:
            node = next((n for n in node["anyOf"] if n.get("type") != "null"), None)
        else:
            return node
    return node


def allowed_keys(loc: Path_) -> list[str]:
    """The keys the value at `loc` may have (none when it is not a set of 'key: value' lines)."""
    node = _node_at(loc)
    return list(node.get("properties", {})) if node else []


def required_keys(loc: Path_) -> list[str]:
    """The keys the value at `loc` must have."""
    node = _node_at(loc)
    return list(node.get("required", [])) if node else []


def field_help(loc: Path_) -> str:
    """The schema's description of the value at `loc`, or where to read about it."""
    node = _node_at(loc)
    description = (node or {}).get("description", "")
    return description or f"see {DOCS}"
