"""Load a scenario file: YAML → typed `Scenario`, or every problem with `file:line:col` and a hint."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from trainer.errors import ScenarioError
from trainer.scenario.lint import Recognise, lint
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problems, did_you_mean
from trainer.scenario.references import check_references
from trainer.scenario.yamlfile import Marked, Path_, read_yaml

DOCS = "docs/scenario-format.md"


def load_scenario(path: Path | str) -> Scenario:
    """Load and validate one file; raise `ScenarioError` carrying all its problems."""
    scenario, problems = check_file(path)
    if scenario is None:
        raise ScenarioError(problems.errors)
    return scenario


def check_file(path: Path | str, recognise: Recognise | None = None) -> tuple[Scenario | None, Problems]:
    """Load one file, returning the scenario (None on errors) and every problem found."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems = Problems(path)
        problems.add(0, 0, f"cannot read the file: {exc.strerror or exc}", "check the path")
        return None, problems
    return check_bytes(raw, path, recognise)


def check_bytes(
    raw: bytes, path: Path | str, recognise: Recognise | None = None
) -> tuple[Scenario | None, Problems]:
    """Validate, cross-check and lint; `recognise` (from the engine) also checks intent examples."""
    problems = Problems(path, raw[:2_000_000].decode("utf-8", "replace"))
    marked = read_yaml(raw, problems)
    if marked is None:
        return None, problems
    if not isinstance(marked.data, dict):
        problems.add(*marked.mark(()), "a scenario is a mapping of keys (id:, title:, …)",
                     f"start from the annotated example in {DOCS}")
        return None, problems
    try:
        scenario = Scenario.model_validate({**marked.data, "path": Path(path)})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report(error, marked, problems)
        return None, problems
    check_references(scenario, marked, problems)
    if problems.errors:
        return None, problems
    lint(scenario, marked, problems, recognise)
    return scenario, problems


def _report(error: dict[str, Any], marked: Marked, problems: Problems) -> None:
    loc: Path_ = tuple(error["loc"])
    kind = error["type"]
    where = _describe(loc[:-1]) if loc else "the scenario"
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _allowed_keys(loc[:-1])
        problems.add(*marked.key_mark(loc), f"unknown key '{key}' in {where}",
                     did_you_mean(key, allowed))
        return
    if kind == "missing":
        problems.add(*marked.mark(loc[:-1]), f"'{loc[-1]}' is missing in {where}",
                     f"add '{loc[-1]}:' here; {_field_help(loc)}")
        return
    value = error.get("input")
    name = _describe(loc)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        problems.add(*marked.mark(loc), f"{value!r} is not allowed for {name}",
                     did_you_mean(value, choices))
        return
    if kind == "string_pattern_mismatch":
        problems.add(*marked.mark(loc), f"{value!r} is not a valid name for {name}",
                     "names use lower-case letters, digits, '-' and '_', and start with a letter")
        return
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    else:
        message = message[0].lower() + message[1:]
    problems.add(*marked.mark(loc), f"{name}: {message}", _field_help(loc))


def _describe(loc: Path_) -> str:
    """A readable name for a path: `states › complaint › on › step 2`."""
    if not loc:
        return "the scenario"
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"item {item + 1}")
        elif item in ("function-after[_has_condition(), Step]",):
            continue
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


def _field_help(loc: Path_) -> str:
    node = _node_at(loc)
    description = (node or {}).get("description", "")
    return description or f"see {DOCS}"
