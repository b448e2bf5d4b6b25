"""Read a YAML file safely into plain data, keeping where every value and key stands.

Only PyYAML's composer runs on the text: nodes are turned into Python values here, so no
tag can construct an object, aliases are counted (an alias bomb stops at a limit), and
duplicate keys are reported instead of silently overwritten. Every way the text can be
wrong ends as a problem with a line, a column and a hint in plain words, never as an
exception.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from trainer.scenario.problems import DOCS, Problems
from trainer.scenario.yamlsyntax import syntax_problem

MAX_BYTES = 1_000_000
MAX_NODES = 25_000
"""About twenty times the values of the library's largest scenario."""
SLOW_PARSE = 200_000
"""What a file libyaml refused may cost to be read again by the (far slower) Python parser, for its
error messages: its characters plus STRUCTURE_COST for every sign of structure (see `python_cost`).
It is about 0.3 s of work, and every file of the library costs under 160,000; above it, libyaml's
own message is translated (yamlsyntax says it in PyYAML's words)."""
STRUCTURE_COST = 40
"""The Python parser spends about as long on one token ('-', ':', ',', '[', a line …) as on forty
characters of text; a file of tokens only (`- - - x`, `[[x]], [[x]]`) is the slowest kind per byte."""
MAX_DEPTH = 64
MAX_CHARACTER_PROBLEMS = 10

Path_ = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
_STANDARD_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "seq", "map")}
_EMPTY = f"start from the annotated example in {DOCS}"


def _resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's implicit types, made closer to YAML 1.2 so that values stay as authors wrote them.

    Only true/false are booleans (`on:`, `no`, `yes` stay words); `11:05` is not 665 (base 60),
    `012345` is not an octal number, and `2024-01-01` is text, not a date object.
    """
    dropped = {_YAML + t for t in ("bool", "int", "float", "timestamp", "value")}
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in dropped]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    added = [
        (_YAML + "bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        (_YAML + "int", r"^(?:[-+]?(?:0|[1-9][0-9_]*)|0o[0-7][0-7_]*|0x[0-9a-fA-F][0-9a-fA-F_]*)$",
         "-+0123456789"),
        (_YAML + "float",
         r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
         r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         "-+0123456789."),
    ]
    for tag, rx, firsts in added:
        for first in firsts:
            table.setdefault(first, []).append((tag, re.compile(rx)))
    return table


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("too deep")
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """PyYAML's pure-Python parser: slower, but its error messages are the ones yamlsyntax translates.

    It stops at MAX_DEPTH levels: its scanner slows down with every open '[' (a file of
    100,000 of them would take hours), and its composer recurses.
    """

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH + 1:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = _resolvers()

_CLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """libyaml's parser, fifteen times faster; on any error the Python parser reads again."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _CLoader = _FastLoader


@dataclass
class Marked:
    """Plain data plus, for every path into it, the (line, column) of its value and its key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    ends: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    """Where each value ends (exclusive)."""
    bad: set[Path_] = field(default_factory=set)
    """Values already reported (a forbidden tag): later checks say nothing more about them."""
    text: str = ""

    def mark(self, path: Path_) -> tuple[int, int]:
        """Where `path` is, or its nearest enclosing value that exists in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (0, 0)

    def key_mark(self, path: Path_) -> tuple[int, int]:
        return self.keys.get(path) or self.mark(path)

    def find(self, path: Path_, needle: str) -> tuple[int, int]:
        """Where `needle` is written inside the value at `path`; else where that value starts."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                path = path[:end]
                break
        else:
            return (0, 0)
        start, stop = self.values[path], self.ends.get(path)
        if not self.text or stop is None:
            return start
        starts = self._line_starts()
        begin = starts[start[0]] + start[1] if start[0] < len(starts) else len(self.text)
        finish = starts[stop[0]] + stop[1] if stop[0] < len(starts) else len(self.text)
        at = self.text.find(needle, begin, finish)
        if at < 0:
            return start
        line = bisect.bisect_right(starts, at) - 1
        return (line, at - starts[line])

    def _line_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", self.text)]
            self.__dict__["_starts"] = cached
        return cached


class _TooBig(Exception):
    def __init__(self, node: Node, message: str, hint: str) -> None:
        super().__init__(message)
        self.node, self.message, self.hint = node, message, hint


def read_yaml(raw: bytes, problems: Problems) -> Marked | None:
    """Parse `raw`; on failure, add problems and return None."""
    if len(raw) > MAX_BYTES:
        problems.add(0, 0, f"the file is {len(raw):,} bytes; a scenario may be at most {MAX_BYTES:,}",
                     "split it, or check that this is the right file", quote=False)
        return None
    text = _decode(raw, problems)
    if text is None or not _check_characters(text, problems):
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
        problems.add(*syntax_problem(exc, text, _CLoader or _Loader))
        return None
    except yaml.reader.ReaderError as exc:  # _check_characters catches these first
        line, column = _line_column(text, exc.position)
        problems.add(line, column, "this character cannot be in a scenario", "delete it")
        return None
    except _TooDeep as exc:
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
        marked.data = _Builder(marked, problems).build(node, (), 0)
    except _TooBig as exc:
        problems.add(exc.node.start_mark.line, exc.node.start_mark.column, exc.message, exc.hint)
        return None
    return marked


def python_cost(text: str) -> int:
    """About how long the Python parser takes on `text`, in characters (linear: a few passes of str.count)."""
    return len(text) + STRUCTURE_COST * sum(text.count(c) for c in "\n,[]{}:-?")


def _compose(text: str) -> Node | None:
    if _CLoader is not None:
        try:
            return yaml.compose(text, Loader=_CLoader)
        except yaml.YAMLError as exc:
            if python_cost(text) > SLOW_PARSE:  # libyaml's own message: the Python parser would take too long
                mark = getattr(exc, "problem_mark", None)
                if "nesting depth" in str(exc) and mark is not None:
                    raise _TooDeep(mark) from None
                raise
        except RecursionError:
            pass
    return yaml.compose(text, Loader=_Loader)


# ── Bytes and characters ────────────────────────────────────────────────────────────────


def _decode(raw: bytes, problems: Problems) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(0, 0, "the file is saved as UTF-16 text; scenarios are UTF-8",
                     "save it again with the encoding UTF-8 (in most editors: Save As… → Encoding)", quote=False)
        return None
    if b"\x00" in raw[:8192] and (raw.count(b"\x00") > MAX_CHARACTER_PROBLEMS or not _is_utf8(raw)):
        problems.add(0, 0, "this is not a text file (it contains zero bytes, like images and documents do)",
                     "a scenario is a text file ending in .yaml; check that this is the right file", quote=False)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    found = 0
    for number, line in enumerate(raw.split(b"\n")):
        try:
            line[start:].decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(line[start : start + exc.start].decode("utf-8", "replace"))
            problems.add(number, column,
                         f"this line is not UTF-8 text (byte 0x{line[start + exc.start]:02X})",
                         "save the file with the encoding UTF-8 (in most editors: Save As… → "
                         "Encoding); it was probably saved as Latin-1 or Windows-1252")
            found += 1
            if found == MAX_CHARACTER_PROBLEMS:
                break
        start = 0
    if not found:
        problems.add(0, 0, "the file is not UTF-8 text", "save the file with the encoding UTF-8")
    return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _check_characters(text: str, problems: Problems) -> bool:
    """Control characters and Unicode line separators (which PyYAML counts as line breaks)."""
    found = 0
    for match in _FORBIDDEN.finditer(text):
        char = match.group()
        line, column = _line_column(text, match.start())
        name = unicodedata.name(char, "")
        label = f"U+{ord(char):04X}" + (f" {name}" if name else " (a control character)")
        if char in "\x85\u2028\u2029":
            hint = ("it is an invisible line separator, often pasted from a web page or a word "
                    "processor; delete it, or press Enter for a real new line")
        else:
            hint = "delete it; is this really a scenario file, or was it damaged?"
        problems.add(line, column, f"the invisible character {label} cannot be in a scenario", hint)
        found += 1
        if found == MAX_CHARACTER_PROBLEMS:
            break
    return not found


def _line_column(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    return len(breaks), index - (breaks[-1].end() if breaks else 0)


def _shape(text: str) -> tuple[int, int, str, str] | None:
    """A problem if the values are more than MAX_NODES or nest deeper than MAX_DEPTH, found on the
    parser's events (no tree is built) and stopping there: the work is bounded whatever the file holds.
    Values are counted as `_Builder` counts them (keys are not), so a file it accepts passes; None when
    the file keeps within both, or is not valid YAML (the reader says why next)."""
    count = 0
    frames: list[list[bool]] = []  # per open collection: [is a mapping, its next node is a key]
    try:
        for event in yaml.parse(text, Loader=_CLoader or _Loader):
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
                    return (event.start_mark.line, event.start_mark.column,
                            f"the file has more than {MAX_NODES:,} values; a scenario has far fewer",
                            "check that this is the right file, or split it")
            if isinstance(event, yaml.CollectionStartEvent):
                frames.append([isinstance(event, yaml.MappingStartEvent), True])
                if len(frames) > MAX_DEPTH + 1:
                    return (event.start_mark.line, event.start_mark.column, _TOO_DEEP, _TOO_DEEP_HINT)
    except (yaml.YAMLError, RecursionError):
        pass
    return None


_TOO_DEEP = f"the values nest more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = "a scenario nests only a few levels; check the indentation and the [ ] and { }"


def _too_deep(text: str) -> tuple[int, int]:
    """Where the values first nest deeper than MAX_DEPTH (found with the event stream, no recursion)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_CLoader or _Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line, event.start_mark.column
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            return mark.line, mark.column
    return 0, 0


# ── Nodes to values ─────────────────────────────────────────────────────────────────────


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


class _Builder:
    def __init__(self, marked: Marked, problems: Problems) -> None:
        self.marked = marked
        self.problems = problems
        self.count = 0
        self.scalars = SafeConstructor()
        self.seen: set[int] = set()
        self.aliased = False

    def build(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if id(node) in self.seen and not isinstance(node, ScalarNode):
            self.aliased = True
        self.seen.add(id(node))
        if self.count > MAX_NODES:
            if self.aliased:
                raise _TooBig(node, f"the anchors (&) and aliases (*) expand to more than {MAX_NODES:,} values",
                              "a scenario needs no aliases that repeat each other; write the values out")
            raise _TooBig(node, f"the file has more than {MAX_NODES:,} values; a scenario has far fewer",
                          "check that this is the right file, or split it")
        if depth > MAX_DEPTH:
            hint = ("an alias (*) seems to repeat the value it is part of; remove it"
                    if self.aliased else "a scenario nests only a few levels; check the indentation")
            raise _TooBig(node, f"the values nest more than {MAX_DEPTH} levels deep", hint)
        start, end = node.start_mark, node.end_mark
        self.marked.values.setdefault(path, (start.line, start.column))
        self.marked.ends.setdefault(path, (end.line, end.column))
        if node.tag == _YAML + "merge" and isinstance(node, ScalarNode):
            return node.value  # '<<' as a value: just text
        if node.tag not in _STANDARD_TAGS:
            self.marked.bad.add(path)
            self.problems.add(start.line, start.column,
                              f"the tag {_tag_name(node.tag)} is not allowed in a scenario",
                              "remove the '!…' part; a scenario holds only text, numbers, lists "
                              "and 'key: value' lines")
            return None
        if isinstance(node, ScalarNode):
            try:
                return self.scalars.construct_object(node)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError):
                return node.value
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        return None

    def _mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            start = key_node.start_mark
            if key_node.tag == _YAML + "merge":
                self.problems.add(start.line, start.column, "'<<' merge keys are not supported",
                                  "write the keys out in full")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problems.add(start.line, start.column, "a key must be a plain word",
                                  "write 'name: value'")
                continue
            if key_node.tag not in _STANDARD_TAGS:
                self.problems.add(start.line, start.column,
                                  f"the tag {_tag_name(key_node.tag)} is not allowed in a scenario",
                                  "remove the '!…' part from the key")
                continue
            key = str(key_node.value)
            if key in out:
                first = self.marked.keys[path + (key,)]
                self.problems.add(start.line, start.column, f"'{key}' appears twice here",
                                  f"the first '{key}' is on line {first[0] + 1}; keep one of them")
                continue
            self.marked.keys[path + (key,)] = (start.line, start.column)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out
