"""The JSON Schemas of curricula and badge files, for editors and for the loader's hints."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from trainer.campaign.models import BadgeFile, Curriculum
from trainer.scenario.schema_paths import node_in

KINDS = ("curriculum", "badges")


@lru_cache(maxsize=2)
def json_schema(kind: str = "curriculum") -> dict[str, Any]:
    """`webcare schema curriculum` and `webcare schema badges` print these."""
    model = BadgeFile if kind == "badges" else Curriculum
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(by_alias=True)}


def _node_at(schema: dict[str, Any], loc: tuple) -> dict[str, Any] | None:
    return node_in(schema, loc)


def allowed_keys(kind: str, loc: tuple) -> list[str]:
    node = _node_at(json_schema(kind), loc)
    keys = list(node.get("properties", {})) if node else []
    if node and not keys and isinstance(node.get("propertyNames"), dict):
        keys = list(node["propertyNames"].get("enum", []))
    return keys


def required_keys(kind: str, loc: tuple) -> list[str]:
    node = _node_at(json_schema(kind), loc)
    return list(node.get("required", [])) if node else []


def field_help(kind: str, loc: tuple, docs: str) -> str:
    node = _node_at(json_schema(kind), loc)
    return (node or {}).get("description", "") or f"see {docs}"
