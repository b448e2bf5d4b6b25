"""Pydantic's validation errors, in plain words: where in the file, what is wrong, and a hint."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic_core import ErrorDetails

from trainer.scenario.marked import Marked, Path_
from trainer.scenario.problems import MAX_PROBLEMS, Problems, did_you_mean
from trainer.scenario.schema import json_schema
from trainer.scenario.schema_paths import allowed_keys, field_help, node_in, required_keys

_KINDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a set of 'key: value' lines",
    "model_type": "a set of 'key: value' lines",
    "model_attributes_type": "a set of 'key: value' lines",
    "list_type": "a list",
    "tuple_type": "a list",
    "literal_error": "",
}


def report_all(details: Sequence[ErrorDetails], marked: Marked, problems: Problems) -> None:
    """Add pydantic's `errors` as problems at their place in the file, one per thing to fix."""
    data = marked.data
    # only so many are shown; the rest would only cost time. Copied: each gets its path, hint and kinds.
    errors: list[dict[str, Any]] = [{**e} for e in details[: 4 * MAX_PROBLEMS]]
    for error in errors:
        error["path"], error["is_key"] = _data_path(error, data)
    errors = [e for e in errors if not _dealt_with(e, marked)]
    # An unknown key that is a typo of a missing one says it all: "did you mean 'mood'?".
    typos: set[tuple[Path_, str]] = set()
    for e in errors:
        if e["type"] == "extra_forbidden":
            parent, key = e["path"][:-1], e["path"][-1]
            hint = did_you_mean(key, allowed_keys(parent))
            e["hint"] = hint
            if hint.startswith("did you mean '"):
                typos.add((parent, hint.split("'")[1]))
    errors = [e for e in errors if not (e["type"] == "missing" and (e["path"][:-1], e["path"][-1]) in typos)]
    # "needs at least 1 item" says nothing more when an item itself is wrong.
    paths = [e["path"] for e in errors]
    errors = [
        e for e in errors
        if not (e["type"] == "too_short" and any(p[: len(e["path"])] == e["path"] and p != e["path"] for p in paths))
    ]
    # A value that fits none of several types (text or a number) is one problem, not three.
    merged: list[dict[str, Any]] = []
    by_path: dict[Path_, dict[str, Any]] = {}
    for e in errors:
        if e["type"] in _KINDS and e["type"] != "literal_error":
            first = by_path.get(e["path"])
            if first is not None:
                kinds = first.setdefault("kinds", [_KINDS[first["type"]]])
                if _KINDS[e["type"]] not in kinds:
                    kinds.append(_KINDS[e["type"]])
                continue
            by_path[e["path"]] = e
        merged.append(e)
    for error in merged:
        if problems.full:
            return
        _report(error, marked, problems)


def _dealt_with(error: Mapping[str, Any], marked: Marked) -> bool:
    """Whether the error is about a place already reported, or follows from a key reported in the wrong place."""
    path: Path_ = error["path"]
    if error["is_key"] and isinstance(error.get("input"), str):
        path = path + (error["input"],)
    return any(path[: len(b)] == b for b in marked.bad) or (error["type"] == "missing" and path in marked.misplaced)


def _data_path(error: Mapping[str, Any], data: Any) -> tuple[Path_, bool]:
    """The error's location as a path into the file's data, without pydantic's union and validator labels."""
    loc = tuple(error["loc"])
    out: list[str | int] = []
    current = data
    for i, item in enumerate(loc):
        last = i == len(loc) - 1
        if item == "[key]":
            return tuple(out[:-1]), True
        if (isinstance(current, dict) and item in current) or (isinstance(current, list) and isinstance(item, int) and 0 <= item < len(current)):
            out.append(item)
            current = current[item]
        elif last and error["type"] == "missing":
            out.append(item)
        elif isinstance(current, (dict, list)) or current is None:
            if isinstance(item, int) or (isinstance(item, str) and "[" not in item and item not in _LABELS):
                out.append(item)
            current = None
        # else: a label (str, int, function-after[…]) or a place inside converted text: skip
    return tuple(out), False


_LABELS = {"str", "int", "float", "bool", "dict", "list", "tuple", "none", "literal"}


def _report(error: dict[str, Any], marked: Marked, problems: Problems) -> None:
    loc: Path_ = error["path"]
    kind = error["type"]
    if error["is_key"]:
        _report_key(error, marked, problems)
    elif kind == "extra_forbidden":
        key = loc[-1]
        problems.add(*marked.key_mark(loc), f"unknown key '{key}' in {_describe(loc[:-1])}",
                     error.get("hint") or did_you_mean(key, allowed_keys(loc[:-1])))
    elif kind == "missing":
        _report_missing(loc, marked, problems)
    elif kind in _KINDS and kind not in ("literal_error", "string_pattern_mismatch"):
        _report_kind(error, marked, problems)
    else:
        _report_value(error, marked, problems)


def _report_key(error: dict[str, Any], marked: Marked, problems: Problems) -> None:
    """A key that is not allowed where it stands: not one of a closed set, or not a valid name."""
    loc: Path_ = error["path"]
    kind, value = error["type"], error.get("input")
    where = _describe(loc)
    at = marked.key_mark(loc + (value,)) if isinstance(value, str) else marked.mark(loc)
    if kind == "literal_error":
        problems.add(*at, f"'{value}' is not allowed as a key in {where}",
                     did_you_mean(value, _choices(error.get("ctx") or {})))
    elif kind == "string_pattern_mismatch":
        problems.add(*at, f"'{value}' is not a valid name (in {where})", _NAME_RULE)
    else:
        problems.add(*at, f"the key '{value}' in {where} is not allowed: {_plain(error['msg'])}",
                     _NAME_RULE)


def _report_missing(loc: Path_, marked: Marked, problems: Problems) -> None:
    """A required key left out, or a list with too few items."""
    parent, key = loc[:-1], loc[-1]
    if isinstance(key, int):
        problems.add(*marked.mark(parent), f"{_describe(parent)} has too few items", field_help(parent))
        return
    at = marked.key_mark(parent) if parent else marked.mark(())
    problems.add(*at, f"'{key}' is missing in {_describe(parent)}",
                 f"add '{key}:' {'under it' if parent else 'to the file'}; {field_help(loc)}")


def _report_kind(error: dict[str, Any], marked: Marked, problems: Problems) -> None:
    """A value of the wrong kind: text where a number belongs, a list where a mapping does …"""
    loc: Path_ = error["path"]
    value = error.get("input")
    name, at = _describe(loc), marked.mark(loc)
    kinds = error.get("kinds") or [_KINDS[error["type"]]]
    if "a number" in kinds and "a whole number" in kinds:
        kinds.remove("a whole number")
    expected = " or ".join(kinds)
    if value is None and "a set of 'key: value' lines" in kinds:
        required = required_keys(loc)
        problems.add(*at, f"{name} is empty",
                     f"it needs {', '.join(k + ':' for k in required)} indented under it"
                     if required else field_help(loc))
        return
    hint = field_help(loc)
    required = required_keys(loc) if "a set of 'key: value' lines" in kinds else []
    if required:
        hint = (f"write its keys on lines of their own, indented under it: "
                f"{', '.join(k + ':' for k in required)}")
    elif kinds[0] in ("a whole number", "a number") and isinstance(value, str):
        hint = _number_hint(loc, value) or f"{hint} Write it in digits, e.g. 10.".lstrip()
    elif "text" in kinds and isinstance(value, dict):
        hint = "if the text has ': ' in it, put the whole text between quotes"
    elif "text" in kinds and isinstance(value, (bool, int, float)):
        hint = f"put it between quotes: \"{_yaml_word(value)}\""
    problems.add(*at, f"{name} should be {expected}, not {_shown(value)}", hint)


_NUMBER = re.compile(r"^([+-]?)\s*(\w+)\s*([+-]?)\s*%?$")
_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
_WORDS |= {w: n for n, w in enumerate("nul een twee drie vier vijf zes zeven acht negen tien".split())}
_WORDS |= {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "twintig": 20, "dertig": 30,
           "veertig": 40, "vijftig": 50, "honderd": 100}


def _number_hint(loc: Path_, value: str) -> str:
    """For a number written in a way YAML does not read (`5+`, `five`, `-5%`): how to write it, or ''."""
    text = value.strip().lower().replace("plus ", "+").replace("minus ", "-").replace("min ", "-")
    found = _NUMBER.match(text)
    if not found or (found.group(1) and found.group(3)):
        return ""
    word = found.group(2)
    number = int(word) if word.isascii() and word.isdigit() else _WORDS.get(word)
    if number is None:
        return ""
    node = node_in(json_schema(), loc) or {}
    low, high = node.get("minimum"), node.get("maximum")
    negative = "-" in (found.group(1), found.group(3))
    shown = f"-{number}" if negative else f"+{number}" if isinstance(low, int) and low < 0 else str(number)
    between = f" (in digits, a number between {low} and {high})" if low is not None and high is not None else ""
    return f"write {shown}{between}"


_BOUNDS = {"greater_than_equal": "at least", "greater_than": "more than",
           "less_than_equal": "at most", "less_than": "less than"}


def _report_value(error: dict[str, Any], marked: Marked, problems: Problems) -> None:
    """A value of the right kind that breaks a rule: not one of the choices, out of bounds, too short or long."""
    loc: Path_ = error["path"]
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    name, at = _describe(loc), marked.mark(loc)
    if kind == "literal_error":
        problems.add(*at, f"{_shown(value)} is not allowed for {name}", did_you_mean(value, _choices(ctx)))
    elif kind == "string_pattern_mismatch":
        problems.add(*at, f"{_shown(value)} is not a valid name for {name}", _NAME_RULE)
    elif kind in _BOUNDS:
        limit = next(iter(ctx.values()), "")
        problems.add(*at, f"{name} must be {_BOUNDS[kind]} {limit}, not {_shown(value)}", field_help(loc))
    elif kind == "string_too_short":
        problems.add(*at, f"{name} may not be empty", field_help(loc))
    elif kind == "too_short":
        count = ctx.get("min_length", 1)
        problems.add(*at, f"{name} needs at least {count} item{'s' if count != 1 else ''}",
                     field_help(loc))
    elif kind in ("too_long", "string_too_long"):
        count = ctx.get("max_length", "")
        unit = "characters" if kind == "string_too_long" else "items"
        problems.add(*at, f"{name} is too long: at most {count} {unit}", field_help(loc))
    else:
        problems.add(*at, f"{name}: {_plain(error['msg'])}", field_help(loc))


_NAME_RULE = "names use lower-case letters, digits, '-' and '_', and start with a letter, e.g. refund_seats"


def _plain(message: str) -> str:
    if message.startswith("Value error, "):
        return message[len("Value error, "):]
    return message[:1].lower() + message[1:]


def _choices(ctx: dict[str, Any]) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip(" '")]


def _shown(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, bool):
        return _yaml_word(value)
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "…")


def _yaml_word(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _describe(loc: Path_) -> str:
    """A readable name for a path: `states › complaint › on › item 2`."""
    if not loc:
        return "the scenario"
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"item {item + 1}")
        else:
            parts.append(str(item))
    return " › ".join(parts)
