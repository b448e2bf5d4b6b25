"""Read a YAML file safely into plain data, keeping where every value and key stands.

Only PyYAML's composer runs on the text: nodes are turned into Python values here, so no
tag can construct an object, aliases are counted (an alias bomb stops at a limit), and
duplicate keys are reported instead of silently overwritten. Every way the text can be
wrong ends as a problem with a line, a column and a hint in plain words, never as an
exception.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import Node

from trainer.scenario.characters import check_characters, decode, line_column
from trainer.scenario.marked import Marked
from trainer.scenario.problems import DOCS, Problems
from trainer.scenario.yamlnodes import MAX_NODES, Builder, TooBig
from trainer.scenario.yamlparsers import FAST_LOADER, MAX_DEPTH, PythonLoader, TooDeep
from trainer.scenario.yamlsyntax import syntax_problem

__all__ = ["MAX_BYTES", "MAX_NODES", "Marked", "python_cost", "read_yaml"]
"""`MAX_NODES` and `Marked` are re-exported: the campaign and authoring readers meet them here."""

MAX_BYTES = 1_000_000
SLOW_PARSE = 200_000
"""What a file libyaml refused may cost to be read again by the (far slower) Python parser, for its
error messages: its characters plus STRUCTURE_COST for every sign of structure (see `python_cost`).
It is about 0.3 s of work, and every file of the library costs under 160,000; above it, libyaml's
own message is translated (yamlsyntax says it in PyYAML's words)."""
STRUCTURE_COST = 40
"""The Python parser spends about as long on one token ('-', ':', ',', '[', a line …) as on forty
characters of text; a file of tokens only (`- - - x`, `[[x]], [[x]]`) is the slowest kind per byte."""

_EMPTY = f"start from the annotated example in {DOCS}"


def read_yaml(raw: bytes, problems: Problems) -> Marked | None:
    """Parse `raw`; on failure, add problems and return None."""
    if len(raw) > MAX_BYTES:
        problems.add(0, 0, f"the file is {len(raw):,} bytes; a scenario may be at most {MAX_BYTES:,}",
                     "split it, or check that this is the right file", quote=False)
        return None
    text = decode(raw, problems)
    if text is None or not check_characters(text, problems):
        return None
    lines = [ln.strip() for ln in re.split(r"\r\n|\r|\n", text)]
    if not any(lines):
        problems.add(0, 0, "the file is empty", _EMPTY)
        return None
    if all(not ln or ln.startswith("#") for ln in lines):
        problems.add(0, 0, "the file has only comments, no scenario", _EMPTY)
        return None
    if len(lines) + text.count(",") > MAX_NODES:  # parsing that many values would take seconds first
        line = min(len(lines), MAX_NODES)
        problems.add(line - 1, 0, f"the file has more than {MAX_NODES:,} lines and values; a scenario has far "
                     "fewer", "check that this is the right file, or split it")
        return None
    if len(lines) + sum(text.count(s) for s in (",", "[", "{", "- ", ": ", "? ")) > MAX_NODES:
        shape = _shape(text)  # values may hide in brackets and dashes: count them, before any tree is built
        if shape is not None:
            problems.add(*shape)
            return None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        problems.add(*syntax_problem(exc, text, FAST_LOADER or PythonLoader))
        return None
    except yaml.reader.ReaderError as exc:  # check_characters catches these first
        line, column = line_column(text, exc.position)
        problems.add(line, column, "this character cannot be in a scenario", "delete it")
        return None
    except TooDeep as exc:
        problems.add(exc.mark.line, exc.mark.column, _TOO_DEEP, _TOO_DEEP_HINT)
        return None
    except RecursionError:
        line, column = _too_deep(text)
        problems.add(line, column, _TOO_DEEP, _TOO_DEEP_HINT)
        return None
    except yaml.YAMLError as exc:
        problems.add(0, 0, f"this is not valid YAML ({exc})", "check the file in a YAML-aware editor")
        return None
    if node is None:
        problems.add(0, 0, "the file has no scenario in it", _EMPTY)
        return None
    marked = Marked(None, text=text)
    try:
        marked.data = Builder(marked, problems).build(node, (), 0)
    except TooBig as exc:
        problems.add(exc.node.start_mark.line, exc.node.start_mark.column, exc.message, exc.hint)
        return None
    return marked


def python_cost(text: str) -> int:
    """About how long the Python parser takes on `text`, in characters (linear: a few passes of str.count)."""
    return len(text) + STRUCTURE_COST * sum(text.count(c) for c in "\n,[]{}:-?")


def _compose(text: str) -> Node | None:
    if FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError as exc:
            if python_cost(text) > SLOW_PARSE:  # libyaml's own message: the Python parser would take too long
                mark = getattr(exc, "problem_mark", None)
                if "nesting depth" in str(exc) and mark is not None:
                    raise TooDeep(mark) from None
                raise
        except RecursionError:
            pass
    return yaml.compose(text, Loader=PythonLoader)


def _shape(text: str) -> tuple[int, int, str, str] | None:
    """A problem if the values are more than MAX_NODES or nest deeper than MAX_DEPTH, found on the
    parser's events (no tree is built) and stopping there: the work is bounded whatever the file holds.
    Values are counted as `Builder` counts them (keys are not), so a file it accepts passes; None when
    the file keeps within both, or is not valid YAML (the reader says why next)."""
    count = 0
    frames: list[list[bool]] = []  # per open collection: [is a mapping, its next node is a key]
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER or PythonLoader):
            if isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                continue
            key = bool(frames) and frames[-1][0] and frames[-1][1]
            if frames and frames[-1][0]:
                frames[-1][1] = not key
            if not key:
                count += 1
                if count > MAX_NODES:
                    return (*_at(event),
                            f"the file has more than {MAX_NODES:,} values; a scenario has far fewer",
                            "check that this is the right file, or split it")
            if isinstance(event, yaml.CollectionStartEvent):
                frames.append([isinstance(event, yaml.MappingStartEvent), True])
                if len(frames) > MAX_DEPTH + 1:
                    return (*_at(event), _TOO_DEEP, _TOO_DEEP_HINT)
    except (yaml.YAMLError, RecursionError):
        pass
    return None


def _at(event: yaml.Event) -> tuple[int, int]:
    """Where an event starts (the parser marks every event; the stubs allow none)."""
    mark = event.start_mark
    return (mark.line, mark.column) if mark is not None else (0, 0)


_TOO_DEEP = f"the values nest more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = "a scenario nests only a few levels; check the indentation and the [ ] and { }"


def _too_deep(text: str) -> tuple[int, int]:
    """Where the values first nest deeper than MAX_DEPTH (found with the event stream, no recursion)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER or PythonLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _at(event)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            return mark.line, mark.column
    return 0, 0
