"""Load a scenario file: YAML → typed `Scenario`, or every problem with `file:line:col` and a hint."""

from __future__ import annotations

import typing
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from trainer.errors import ScenarioError
from trainer.scenario.lint import Recognise, lint
from trainer.scenario.models import Scenario, Step
from trainer.scenario.problems import MAX_PROBLEMS, Problems, did_you_mean
from trainer.scenario.references import check_references
from trainer.scenario.yamlfile import MAX_BYTES, Marked, Path_, read_yaml

DOCS = "docs/scenario-format.md"
RESERVED = ("path",)
"""Fields of `Scenario` that the loader fills in, never the file."""


def load_scenario(path: Path | str) -> Scenario:
    """Load and validate one file; raise `ScenarioError` carrying all its problems."""
    scenario, problems = check_file(path)
    if scenario is None:
        raise ScenarioError(sorted(problems.errors, key=lambda p: (p.line, p.column)))
    return scenario


def check_file(path: Path | str, recognise: Recognise | None = None) -> tuple[Scenario | None, Problems]:
    """Load one file, returning the scenario (None on errors) and every problem found."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # a huge file (or /dev/zero) is never read whole
            if len(raw) > MAX_BYTES:
                size = path.stat().st_size
                problems = Problems(path)
                problems.add(0, 0, f"the file is {max(size, len(raw)):,} bytes; "
                             f"a scenario may be at most {MAX_BYTES:,}",
                             "split it, or check that this is the right file", quote=False)
                return None, problems
    except OSError as exc:
        problems = Problems(path)
        problems.add(0, 0, f"cannot read the file: {exc.strerror or exc}",
                     "check the name and the folder, and that the file is not open elsewhere")
        return None, problems
    return check_bytes(raw, path, recognise)


def check_bytes(
    raw: bytes, path: Path | str, recognise: Recognise | None = None
) -> tuple[Scenario | None, Problems]:
    """Validate, cross-check and lint; `recognise` (from the engine) also checks intent examples."""
    problems = Problems(path, raw[: MAX_BYTES + 1].decode("utf-8-sig", "replace"))
    try:
        return _check(raw, path, recognise, problems)
    except Exception as exc:  # noqa: BLE001 - a bug here must not become a traceback for an author
        problems.add(0, 0, f"Webcare Trainer could not check this file (an internal error: "
                     f"{type(exc).__name__}: {exc})",
                     "this is a bug in Webcare Trainer, not in your file; please report it "
                     "with the file attached")
        return None, problems


def _check(
    raw: bytes, path: Path | str, recognise: Recognise | None, problems: Problems
) -> tuple[Scenario | None, Problems]:
    marked = read_yaml(raw, problems)
    if marked is None:
        return None, problems
    if not isinstance(marked.data, dict):
        what = "a list" if isinstance(marked.data, list) else "a single value"
        problems.add(*marked.mark(()), f"the file holds {what}; a scenario is a set of 'key: value' "
                     "lines (format:, id:, title:, …)",
                     f"start from the annotated example in {DOCS}")
        return None, problems
    data = dict(marked.data)
    for key in RESERVED:
        if key in data:
            del data[key]
            problems.add(*marked.key_mark((key,)), f"unknown key '{key}' in the scenario",
                         did_you_mean(key, _allowed_keys(())))
    try:
        scenario: Scenario | None = Scenario.model_validate({**data, "path": Path(path)})
    except ValidationError as exc:
        _report_all(exc.errors(include_url=False), marked, problems)
        scenario = None
    if scenario is not None:
        check_references(scenario, marked, problems)
    else:
        # Names used but not defined are reported along with the other problems, not after
        # they are fixed: check them on what can be salvaged from the file.
        salvaged = _salvage(Scenario, data) if _tables_readable(data) else None
        if salvaged is not None:
            try:
                check_references(salvaged, marked, problems)
            except Exception:  # noqa: BLE001 - a half-valid file may break assumptions; skip
                pass
    if problems.errors or scenario is None:
        return None, problems
    lint(scenario, marked, problems, recognise)
    return scenario, problems


# ── Validation errors, in plain words ───────────────────────────────────────────────────

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


def _report_all(errors: list[dict[str, Any]], marked: Marked, problems: Problems) -> None:
    data = marked.data
    errors = errors[: 4 * MAX_PROBLEMS]  # only so many are shown; the rest would only cost time
    for error in errors:
        error["path"], error["is_key"] = _data_path(error, data)
    errors = [e for e in errors if not any(e["path"][: len(b)] == b for b in marked.bad)]
    # An unknown key that is a typo of a missing one says it all: "did you mean 'mood'?".
    typos = set()
    for e in errors:
        if e["type"] == "extra_forbidden":
            parent, key = e["path"][:-1], e["path"][-1]
            hint = did_you_mean(key, _allowed_keys(parent))
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


def _data_path(error: dict[str, Any], data: Any) -> tuple[Path_, bool]:
    """The error's location as a path into the file's data, without pydantic's union and validator labels."""
    loc = tuple(error["loc"])
    out: list[str | int] = []
    current = data
    for i, item in enumerate(loc):
        last = i == len(loc) - 1
        if item == "[key]":
            return tuple(out[:-1]), True
        if isinstance(current, dict) and item in current:
            out.append(item)
            current = current[item]
        elif isinstance(current, list) and isinstance(item, int) and 0 <= item < len(current):
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
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if error["is_key"]:
        where = _describe(loc)
        at = marked.key_mark(loc + (value,)) if isinstance(value, str) else marked.mark(loc)
        if kind == "literal_error":
            problems.add(*at, f"'{value}' is not allowed as a key in {where}",
                         did_you_mean(value, _choices(ctx)))
        elif kind == "string_pattern_mismatch":
            problems.add(*at, f"'{value}' is not a valid name (in {where})", _NAME_RULE)
        else:
            problems.add(*at, f"the key '{value}' in {where} is not allowed: {_plain(error['msg'])}",
                         _NAME_RULE)
        return
    if kind == "extra_forbidden":
        key = loc[-1]
        problems.add(*marked.key_mark(loc), f"unknown key '{key}' in {_describe(loc[:-1])}",
                     error.get("hint") or did_you_mean(key, _allowed_keys(loc[:-1])))
        return
    if kind == "missing":
        parent, key = loc[:-1], loc[-1]
        at = marked.key_mark(parent) if parent else marked.mark(())
        if isinstance(key, int):
            problems.add(*marked.mark(parent), f"{_describe(parent)} has too few items",
                         _field_help(parent))
            return
        problems.add(*at, f"'{key}' is missing in {_describe(parent)}",
                     f"add '{key}:' {'under it' if parent else 'to the file'}; {_field_help(loc)}")
        return
    name = _describe(loc)
    at = marked.mark(loc)
    if kind == "literal_error":
        choices = _choices(ctx)
        problems.add(*at, f"{_shown(value)} is not allowed for {name}", did_you_mean(value, choices))
        return
    if kind == "string_pattern_mismatch":
        problems.add(*at, f"{_shown(value)} is not a valid name for {name}", _NAME_RULE)
        return
    if kind in _KINDS:
        kinds = error.get("kinds") or [_KINDS[kind]]
        if "a number" in kinds and "a whole number" in kinds:
            kinds.remove("a whole number")
        expected = " or ".join(kinds)
        if value is None and "a set of 'key: value' lines" in kinds:
            required = _required_keys(loc)
            problems.add(*at, f"{name} is empty",
                         f"it needs {', '.join(k + ':' for k in required)} indented under it"
                         if required else _field_help(loc))
            return
        hint = _field_help(loc)
        required = _required_keys(loc) if "a set of 'key: value' lines" in kinds else []
        if required:
            hint = (f"write its keys on lines of their own, indented under it: "
                    f"{', '.join(k + ':' for k in required)}")
        elif kinds[0] in ("a whole number", "a number") and isinstance(value, str):
            hint = f"{hint} Write it in digits, e.g. 10.".lstrip()
        elif "text" in kinds and isinstance(value, dict):
            hint = "if the text has ': ' in it, put the whole text between quotes"
        elif "text" in kinds and isinstance(value, (bool, int, float)):
            hint = f"put it between quotes: \"{_yaml_word(value)}\""
        problems.add(*at, f"{name} should be {expected}, not {_shown(value)}", hint)
        return
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        words = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[kind]
        limit = next(iter(ctx.values()), "")
        problems.add(*at, f"{name} must be {words} {limit}, not {_shown(value)}", _field_help(loc))
        return
    if kind == "string_too_short":
        problems.add(*at, f"{name} may not be empty", _field_help(loc))
        return
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        problems.add(*at, f"{name} needs at least {count} item{'s' if count != 1 else ''}",
                     _field_help(loc))
        return
    if kind in ("too_long", "string_too_long"):
        count = ctx.get("max_length", "")
        unit = "characters" if kind == "string_too_long" else "items"
        problems.add(*at, f"{name} is too long: at most {count} {unit}", _field_help(loc))
        return
    problems.add(*at, f"{name}: {_plain(error['msg'])}", _field_help(loc))


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


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return Scenario.model_json_schema(by_alias=True)


def _node_at(loc: Path_) -> dict[str, Any] | None:
    """The JSON-schema node describing the value at `loc`, if it can be followed."""
    schema = _schema()
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


def _allowed_keys(loc: Path_) -> list[str]:
    node = _node_at(loc)
    return list(node.get("properties", {})) if node else []


def _required_keys(loc: Path_) -> list[str]:
    node = _node_at(loc)
    return list(node.get("required", [])) if node else []


def _field_help(loc: Path_) -> str:
    node = _node_at(loc)
    description = (node or {}).get("description", "")
    return description or f"see {DOCS}"


# ── Salvage: the valid parts of an invalid file, to cross-check names ───────────────────


def _tables_readable(data: dict[str, Any]) -> bool:
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


def _salvage(cls: type[BaseModel], data: Any) -> Any:
    """An instance of `cls` built from the parts of `data` that are valid, without validating
    the whole: invalid fields become empty, invalid entries of name tables become empty stubs
    (so their names still count as defined). None when even that fails."""
    try:
        return cls.model_validate(data)
    except ValidationError:
        pass
    except Exception:  # noqa: BLE001
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
            customer = obj.__dict__.get("customer")
            if not isinstance(getattr(customer, "name", None), str) or not customer.name.split():
                obj.__dict__["customer"] = _Nobody()
        return obj
    except Exception:  # noqa: BLE001
        return None


class _Nobody:
    name = first_name = handle = "-"
    call_me = None


_NOTHING = object()


def _salvage_value(annotation: Any, value: Any) -> Any:
    """The valid part of a table of names or a list of steps; _NOTHING for anything else."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is dict and len(args) == 2 and isinstance(value, dict):
        item = _inner(args[1])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {k: _salvage(item, v) for k, v in value.items() if isinstance(k, str)}
        if set(typing.get_args(item)) <= {str, int, float}:  # details: names count, values may be wrong
            return {k: v if isinstance(v, (str, int, float)) else "" for k, v in value.items()
                    if isinstance(k, str)}
        return _NOTHING
    if origin is tuple and args and isinstance(value, list) and _inner(args[0]) is Step:
        return tuple(_salvage(Step, v) for v in value)
    return _NOTHING


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
        return _salvage(annotation, {})
    return None
