"""Salvage: the valid parts of an invalid file, so that the names it uses can still be cross-checked."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from trainer.scenario.models import Scenario


def tables_readable(data: dict[str, Any]) -> bool:
    """Whether every table of names (states:, facts:, details: …) is there to look names up in;
    if one is missing or is not 'name: …' lines, every use of its names would look unknown."""
    for name, info in Scenario.model_fields.items():
        if typing.get_origin(_inner(info.annotation)) is dict:
            key = info.alias or name
            if key in data and not isinstance(data[key], dict):
                return False
            if key not in data and info.is_required():
                return False
    return True


def salvage(cls: type[BaseModel], data: Any) -> Any:
    """An instance of `cls` built from the parts of `data` that are valid, without validating
    the whole: invalid fields become empty, invalid entries of name tables become empty stubs
    (so their names still count as defined). None when even that fails."""
    try:
        return cls.model_validate(data)
    except ValidationError:
        pass
    except Exception:  # noqa: BLE001 - a validator that fails otherwise: nothing to build on
        return None
    try:
        obj = cls.model_construct()
        values = data if isinstance(data, dict) else {}
        for name, info in cls.model_fields.items():
            key = info.alias or name
            if key in values:
                try:
                    cls.__pydantic_validator__.validate_assignment(obj, name, values[key])
                    continue
                except ValidationError:
                    pass
                salvaged = _salvage_value(info.annotation, values[key])
                if salvaged is not _NOTHING:
                    obj.__dict__[name] = salvaged
                    continue
            if name in obj.__dict__ and key not in values:
                continue  # default from model_construct
            obj.__dict__[name] = _empty(info.annotation)
        if isinstance(obj, Scenario):
            customer: typing.Any = obj.__dict__.get("customer")  # whatever could be salvaged
            if not isinstance(getattr(customer, "name", None), str) or not customer.name.split():
                obj.__dict__["customer"] = _Nobody()
        return obj
    except Exception:  # noqa: BLE001 - salvage is best-effort; the caller copes with None
        return None


class _Nobody:
    name = first_name = handle = "-"
    call_me = writes_for = own_details = None

    def placeholders(self) -> dict[str, str]:
        return {"name": self.name, "first_name": self.first_name, "handle": self.handle}


_NOTHING = object()


def _salvage_value(annotation: Any, value: Any) -> Any:
    """The valid part of a table of names, a list of entries (steps, playthroughs) or an entry within an entry
    (a playthrough's expect); _NOTHING for anything else."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    inner = _inner(annotation)
    if isinstance(inner, type) and issubclass(inner, BaseModel) and isinstance(value, dict):
        entry = salvage(inner, value)  # its valid parts are checked: an expected outcome, though its scores are wrong
        return entry if _complete(entry) else _NOTHING
    if origin is dict and len(args) == 2 and isinstance(value, dict):
        item = _inner(args[1])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {k: salvage(item, v) for k, v in value.items() if isinstance(k, str)}
        # details: names count, values may be wrong (a table of pairs, a playthrough's scores, is not details)
        if typing.get_origin(item) is not tuple and set(typing.get_args(item)) <= {str, int, float}:
            return {k: v if isinstance(v, (str, int, float)) else "" for k, v in value.items()
                    if isinstance(k, str)}
        return _NOTHING
    if origin is tuple and args and isinstance(value, list):
        item = _inner(args[0])
        if isinstance(item, type) and issubclass(item, BaseModel):  # steps, playthroughs: each checked
            entries = tuple(salvage(item, v) for v in value)
            # All or none: an entry left out would move the others' places in the file.
            return entries if all(_complete(e) for e in entries) else _NOTHING
    return _NOTHING


def _complete(entry: Any) -> bool:
    """Whether a salvaged entry has a value for every field it must have: code that reads entries relies on it."""
    if not isinstance(entry, BaseModel):
        return False
    return all(entry.__dict__.get(name) is not None for name, info in type(entry).model_fields.items()
               if info.is_required())


def _inner(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _empty(annotation: Any) -> Any:
    origin = typing.get_origin(_inner(annotation))
    if origin is dict:
        return {}
    if origin is tuple:
        return ()
    annotation = _inner(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return salvage(annotation, {})
    return None
