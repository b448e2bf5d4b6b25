"""A session record checked before it is used: `imported(data)`, or one line saying where and what is wrong.

First what no model should even look at (another format, a version this Webcare does not
know, data nested thousands deep, text no database can hold), then `ImportedSession`;
pydantic's errors are put in plain words, with the record's path (`events[3].text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from scoring.batch.sessionfile import FORMAT, VERSION
from scoring.batch.sessionmodel import EVENT_MODELS, MAX_DEPTH, ImportedSession


def envelope_problem(data: Any) -> str | None:
    """Why `data` is not a session this version can read at all, before its fields are looked at."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return f"not a Webcare session (expected \"format\": \"{FORMAT}\")"
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return (f"\"version\" must be a whole number from 1 (this Webcare Trainer writes {VERSION}), "
                f"not {_shown(version)}")
    if version > VERSION:
        return (f"session format version {version} is newer than this Webcare Trainer knows ({VERSION}); "
                "upgrade webcare")
    return _unstorable(data)


def _unstorable(data: Any) -> str | None:
    """What no database or file can hold, anywhere in the record (keys too): far too deep, NUL, broken Unicode.

    Walked without recursion: a hostile record may be thousands of levels deep.
    """
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            top = where.split(".")[0].split("[")[0] or "the session"
            return f"{top}: nested more than {MAX_DEPTH} levels deep; a session is never that deep"
        if isinstance(value, dict):
            for key, item in value.items():
                place = f"{where}.{key}" if where else str(key)
                trouble = _bad_text(key)
                if trouble:
                    return f"{where or 'the session'}: a name {trouble}"
                stack.append((item, place, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            trouble = _bad_text(value)
            if trouble:
                return f"{where}: {trouble}"
    return None


def _bad_text(text: str) -> str | None:
    if "\0" in text:
        return "holds a NUL character (\\u0000), which no database column takes"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds half a Unicode character ({text[exc.start]!r}), which can't be saved as UTF-8"
    return None


def problem(exc: ValidationError) -> str:
    """The first thing wrong, as `where: what` in plain words (and how many more there are)."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    told = [first]
    if first["type"] == "missing":  # every name missing in the same place, in one line
        told = [e for e in errors if e["type"] == "missing" and tuple(e["loc"][:-1]) == loc[:-1]]
        where, what = _path(loc[:-1]), "missing " + ", ".join(str(e["loc"][-1]) for e in told)
    elif loc[-1:] == ("[key]",):  # a name not allowed in a mapping (a trade that isn't one)
        expected = (first.get("ctx") or {}).get("expected")
        where = _path(loc[:-2])
        what = f"{_shown(first.get('input'))} is not allowed here" + (f"; one of {expected}" if expected else "")
    else:
        where, what = _path(loc), _what(first)
        if first["type"] in ("union_tag_invalid", "union_tag_not_found"):
            where += ".kind"
    more = len(errors) - len(told)
    return (f"{where}: " if where else "") + what + (f" (and {more} more problem{'s' if more > 1 else ''})"
                                                     if more else "")


def _path(loc: tuple[Any, ...]) -> str:
    """`events[3].text`: the error's place in the file, without pydantic's event-kind and validator labels."""
    out = ""
    for i, item in enumerate(loc):
        if isinstance(item, int):
            out += f"[{item}]"
        elif i and isinstance(loc[i - 1], int) and item in EVENT_MODELS:
            continue  # the union's tag: `events[3].trainee_message.text` is `events[3].text`
        elif "[" not in item:  # not a label such as `function-after[…]`
            out += ("." if out else "") + item
    return out


_KINDS = {
    "string_type": "text", "int_type": "a whole number", "int_from_float": "a whole number",
    "int_parsing": "a whole number", "float_type": "a number", "finite_number": "a finite number",
    "bool_type": "true or false", "list_type": "a list", "dict_type": "an object ({…})",
    "model_type": "an object ({…})", "model_attributes_type": "an object ({…})", "none_required": "null",
}


def _what(error: Mapping[str, Any]) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind in _KINDS:
        return f"should be {_KINDS[kind]}, not {_shown(value)}"
    if kind == "union_tag_invalid":
        return f"unknown event kind {_quoted(str(ctx.get('tag')))}"
    if kind == "union_tag_not_found":
        return "missing"
    if kind == "literal_error":
        return f"{_shown(value)} is not one of {ctx.get('expected', '')}"
    if kind == "greater_than_equal":
        return f"{_shown(value)} is out of range (at least {ctx.get('ge')})"
    if kind == "less_than_equal":
        return f"{_shown(value)} is out of range (at most {ctx.get('le')})"
    if kind == "too_short":
        return "is empty"
    if kind == "string_too_long":
        return f"is too long ({len(error['input'])} characters; at most {ctx.get('max_length')})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _shown(value: Any) -> str:
    """A value as the file has it, short, with no control character left raw."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {_quoted(value)}"
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"a {len(str(abs(value)))}-digit number"
    return text[:40]


def _quoted(text: str) -> str:
    """Quoted and cut short; `repr` shows control characters as escapes, so none reaches a terminal raw."""
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def imported(data: Any) -> ImportedSession:
    """`data` checked as an importable session; ValueError says what is wrong, in one line."""
    trouble = envelope_problem(data)
    if trouble:
        raise ValueError(trouble)
    try:
        return ImportedSession.model_validate(data)
    except ValidationError as exc:
        raise ValueError(problem(exc)) from None
