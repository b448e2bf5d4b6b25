"""Load a curriculum or a badge file: YAML → typed model, or every problem with `file:line:col` and a hint."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from trainer.campaign.models import BadgeFile, Curriculum
from trainer.campaign.schema import allowed_keys, field_help, required_keys
from trainer.scenario.problems import DOCS as SCENARIO_DOCS
from trainer.scenario.problems import Problems, did_you_mean
from trainer.scenario.validation import _KINDS, _choices, _data_path, _plain, _shown
from trainer.scenario.yamlfile import MAX_BYTES, Marked, read_yaml

DOCS = "`webcare docs curricula`"
_KIND_MODEL: dict[str, type[BaseModel]] = {"curriculum": Curriculum, "badges": BadgeFile}
_NOUN = {"curriculum": "curriculum", "badges": "badge file"}
_BADGES_KEY = re.compile(rb"^badges\s*:", re.MULTILINE)


def sniff(raw: bytes) -> str:
    """`badges` for a file with a top-level `badges:` key, else `curriculum`."""
    return "badges" if _BADGES_KEY.search(raw[:MAX_BYTES]) else "curriculum"


def is_campaign_file(raw: bytes) -> bool:
    """A curriculum or badge file (top-level `modules:` or `badges:`), not a scenario."""
    return bool(re.search(rb"^(modules|badges)\s*:", raw[:MAX_BYTES], re.MULTILINE))


def read_file(path: Path) -> tuple[bytes | None, Problems]:
    problems = Problems(path)
    try:
        with Path(path).open("rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        problems.add(0, 0, f"cannot read the file: {exc.strerror or exc}",
                     "check the name and the folder, and that the file is not open elsewhere")
        return None, problems
    return raw, problems


def check_bytes(raw: bytes, path: Path | str, kind: str | None = None) -> tuple[Any, Problems, Marked | None]:
    """Validate a curriculum (or, with kind='badges', a badge file); the model is None on errors."""
    kind = kind or sniff(raw)
    problems = Problems(path, raw[: MAX_BYTES + 1].decode("utf-8-sig", "replace"))
    marked = read_yaml(raw, problems)
    _reword(problems, _NOUN[kind])
    if marked is None:
        return None, problems, None
    if not isinstance(marked.data, dict):
        what = "a list" if isinstance(marked.data, list) else "a single value"
        problems.add(*marked.mark(()), f"the file holds {what}; a {_NOUN[kind]} is a set of 'key: value' lines",
                     f"start from the example in {DOCS}")
        return None, problems, marked
    data = dict(marked.data)
    if "path" in data:
        del data["path"]
        problems.add(*marked.key_mark(("path",)), f"unknown key 'path' in the {_NOUN[kind]}",
                     did_you_mean("path", allowed_keys(kind, ())))
    try:
        model = _KIND_MODEL[kind].model_validate({**data, "path": Path(path)})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)[:200]
        typos = set()  # an unknown key that is a typo of a missing one says it all: "did you mean 'about'?"
        for error in errors:
            loc, _ = _data_path(error, marked.data)
            if error["type"] == "extra_forbidden" and loc:
                hint = did_you_mean(loc[-1], allowed_keys(kind, loc[:-1]))
                if hint.startswith("did you mean '"):
                    typos.add(loc[:-1] + (hint.split("'")[1],))
        paths = [_data_path(e, marked.data)[0] for e in errors]
        for error, loc in zip(errors, paths, strict=True):
            if error["type"] == "missing" and loc in typos:
                continue
            if error["type"] == "too_short" and any(p[: len(loc)] == loc and p != loc for p in paths):
                continue  # "needs at least 1 item" says nothing more when an item itself is wrong
            _report(error, kind, marked, problems)
        return None, problems, marked
    return model, problems, marked


def _reword(problems: Problems, noun: str) -> None:
    """read_yaml speaks of scenarios; here the file is a curriculum or a badge file."""
    problems.items = [
        dataclasses.replace(p, message=_swap(p.message, noun), hint=_swap(p.hint, noun)) for p in problems.items
    ]


def _swap(text: str, noun: str) -> str:
    text = text.replace(SCENARIO_DOCS, DOCS).replace("no scenario", f"no {noun}")
    return text.replace("a scenario", f"a {noun}")


def _report(error: Mapping[str, Any], kind: str, marked: Marked, problems: Problems) -> None:
    loc, is_key = _data_path(error, marked.data)
    code, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    name = _describe(loc, kind)
    if is_key:
        at = marked.key_mark(loc + (value,)) if isinstance(value, str) else marked.mark(loc)
        problems.add(*at, f"'{value}' is not allowed as a key in {name}",
                     did_you_mean(value, _choices(ctx) or allowed_keys(kind, loc)))
    elif code == "extra_forbidden":
        problems.add(*marked.key_mark(loc), f"unknown key '{loc[-1]}' in {_describe(loc[:-1], kind)}",
                     did_you_mean(loc[-1], allowed_keys(kind, loc[:-1])))
    elif code == "missing":
        parent, key = loc[:-1], loc[-1]
        at = marked.key_mark(parent) if parent else marked.mark(())
        problems.add(*at, f"'{key}' is missing in {_describe(parent, kind)}",
                     f"add '{key}:' {'under it' if parent else 'to the file'}; {field_help(kind, loc, DOCS)}")
    elif code == "literal_error":
        problems.add(*marked.mark(loc), f"{_shown(value)} is not allowed for {name}",
                     did_you_mean(value, _choices(ctx)))
    elif code == "string_pattern_mismatch":
        problems.add(*marked.mark(loc), f"{_shown(value)} is not a valid name for {name}",
                     "names use lower-case letters, digits, '-' and '_', and start with a letter, e.g. first-contact")
    elif code in _KINDS:
        if value is None and required_keys(kind, loc):
            problems.add(*marked.mark(loc), f"{name} is empty",
                         f"it needs {', '.join(k + ':' for k in required_keys(kind, loc))} indented under it")
        else:
            problems.add(*marked.mark(loc), f"{name} should be {_KINDS[code]}, not {_shown(value)}",
                         field_help(kind, loc, DOCS))
    elif code in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        words = {"greater_than_equal": "at least", "greater_than": "more than",
                 "less_than_equal": "at most", "less_than": "less than"}[code]
        problems.add(*marked.mark(loc), f"{name} must be {words} {next(iter(ctx.values()), '')}, "
                     f"not {_shown(value)}", field_help(kind, loc, DOCS))
    elif code in ("too_short", "string_too_short"):
        problems.add(*marked.mark(loc), f"{name} may not be empty", field_help(kind, loc, DOCS))
    elif code in ("too_long", "string_too_long"):
        problems.add(*marked.mark(loc), f"{name} is too long: at most {ctx.get('max_length', '')}",
                     field_help(kind, loc, DOCS))
    else:
        problems.add(*marked.mark(loc), f"{name}: {_plain(error['msg'])}", field_help(kind, loc, DOCS))


def _describe(loc: tuple, kind: str) -> str:
    """A readable name for a path: `modules › item 2 › pass_mark`."""
    if not loc:
        return f"the {_NOUN[kind]}"
    return " › ".join(f"item {p + 1}" if isinstance(p, int) else str(p) for p in loc)
