"""Which keys go where in a scenario file, read from the models themselves (no hand-written list)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from trainer.scenario.marked import Path_
from trainer.scenario.models import Scenario

ANY_NAME = "\0"
"""A path item standing for any entry of a table of names."""


@dataclass(frozen=True, slots=True)
class Kind:
    """What a mapping in the file is: its closed set of keys, or (a table of names) its entries' keys."""

    keys: frozenset[str] | None
    """The keys it may have; None when they are names (states:, facts:) or anything (details:)."""
    entry_keys: frozenset[str] = frozenset()
    """For a table of names whose entries are models: the keys of an entry."""
    entry_title: str = ""
    """For such a table: the model of its entries (`State`)."""
    enum_only: bool = False
    """The keys are a list of words (mood bands, trades), not a model's fields."""
    title: str = ""
    """The model it is (`Step`), or '' when it is not one."""


def _variants(annotation: Any) -> list[Any]:
    """An annotation's alternatives, with `Annotated` unwrapped and None left out."""
    out, todo = [], [annotation]
    while todo:
        item = todo.pop(0)
        origin = typing.get_origin(item)
        if origin is typing.Annotated:
            todo.append(typing.get_args(item)[0])
        elif origin in (typing.Union, types.UnionType):
            todo.extend(typing.get_args(item))
        elif item is not type(None):
            out.append(item)
    return out


def _is_model(item: Any) -> bool:
    return isinstance(item, type) and issubclass(item, BaseModel)


@cache
def fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's keys as written in the file (aliases), with their annotations."""
    return {info.alias or name: info.annotation for name, info in model.model_fields.items() if not info.exclude}


def _children(item: Any, key: str | int) -> list[Any]:
    """The annotations that may describe the value under `key` of a value of type `item`."""
    if _is_model(item):
        found = fields(item).get(key) if isinstance(key, str) else None
        return [found] if found is not None else []
    origin, args = typing.get_origin(item), typing.get_args(item)
    if origin is dict and len(args) == 2 and isinstance(key, str):
        return [args[1]]
    if origin in (tuple, list) and args and isinstance(key, int):
        return [args[0]]
    return []


@lru_cache(maxsize=4096)
def _at(path: Path_) -> tuple[Any, ...]:
    """Every type the value at `path` may have (remembered: a walk over the file asks for each prefix)."""
    if not path:
        return (Scenario,)
    return tuple(v for item in _at(path[:-1]) for child in _children(item, path[-1]) for v in _variants(child))


def _word_keys(key_type: Any) -> frozenset[str] | None:
    """The keys a dict allows when they are a closed list of words (a Literal, an Enum); else None."""
    words: list[Any] = []
    for variant in _variants(key_type):
        if typing.get_origin(variant) is typing.Literal:
            words.extend(typing.get_args(variant))
        elif isinstance(variant, type) and issubclass(variant, Enum):
            words.extend(member.value for member in variant)
        else:
            return None
    return frozenset(str(w) for w in words)


@lru_cache(maxsize=4096)
def kind_at(path: Path_) -> Kind | None:
    """What the mapping at `path` is; None where the file should hold no mapping (or a key is unknown)."""
    closed: list[frozenset[str]] = []
    entries: list[type[BaseModel]] = []
    title = ""
    for item in _at(path):
        if _is_model(item):
            closed.append(frozenset(fields(item)))
            title = title or item.__name__
        elif typing.get_origin(item) is dict:
            key_type, value_type = typing.get_args(item)
            words = _word_keys(key_type)
            if words is None:
                entries.extend(v for v in _variants(value_type) if _is_model(v))
                closed = []
                break
            closed.append(words)
    if not closed and not entries and not any(typing.get_origin(i) is dict for i in _at(path)):
        return None
    if closed:
        return Kind(frozenset().union(*closed), enum_only=not title, title=title)
    entry_keys = frozenset(k for model in entries for k in fields(model))
    return Kind(None, entry_keys, entries[0].__name__ if entries else "", title=title)


@cache
def deep_keys(title: str) -> dict[str, str]:
    """The keys of every model inside the model called `title` (not its own), each with the first model that
    has it: `said` → `Step` inside `State`."""
    root = next((m for m in _models() if m.__name__ == title), None)
    if root is None:
        return {}
    out: dict[str, str] = {}
    for model in _models(root)[1:]:
        for key in fields(model):
            out.setdefault(key, model.__name__)
    for key in fields(root):
        out.pop(key, None)
    return out


def _models(root: type[BaseModel] = Scenario) -> list[type[BaseModel]]:
    """`root` and every model inside it, breadth first."""
    found, todo = [root], [root]
    while todo:
        for annotation in fields(todo.pop(0)).values():
            for inner in _inner_types(annotation):
                if _is_model(inner) and inner not in found:
                    found.append(inner)
                    todo.append(inner)
    return found


def _inner_types(annotation: Any) -> list[Any]:
    """Every type named inside an annotation (the items of a tuple, the values of a dict …)."""
    out, todo = [], [annotation]
    while todo:
        item = todo.pop(0)
        out.append(item)
        if not isinstance(item, str):
            todo.extend(typing.get_args(item))
    return out
