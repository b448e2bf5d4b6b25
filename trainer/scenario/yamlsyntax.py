"""YAML syntax errors, in plain words: pointing where the fix goes, with a hint."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from trainer.scenario.problems import spaces


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, loader: Any) -> tuple[int, int, str, str]:
    """(line, column, message, hint) for a YAML syntax error, pointing where the fix goes.

    `loader` is the Loader class to scan `text` again with (the reader's own, so that this
    module need not import it).

    Longer and more branched than the house limits (60 lines, complexity 20) on purpose: it is
    one decision table over the parser's error kinds, read top to bottom, where the first match
    wins and the order matters (an unclosed quote before a tab, a flow before a block end).
    Split in parts, a reader would have to follow that order across functions to know which
    message a file gets.
    """
    lines = re.split(r"\r\n|\r|\n", text)
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    here = (mark.line, mark.column) if mark else (0, 0)
    there = (exc.context_mark.line, exc.context_mark.column) if exc.context_mark else here
    raw_problem = (exc.problem or "").strip()
    if _scan_needed(text, mark, raw_problem, context, lines, there):
        scanned = _scan(text, mark, loader)
    else:  # nothing but the end of the file can stand at the mark then, if anything is asked
        scanned = _Scanned(found="<stream end>")
    problem = _in_pyyaml_words(raw_problem, lines, here, scanned)

    quote = scanned.quote
    if quote is not None:
        line, column, char = quote
        return (line, column, f"the quote {char} that starts here is not closed on this line",
                f"end the value with a closing {char} on the same line")
    if "quoted scalar" in context and ("end of stream" in problem or "document separator" in problem):
        char = _char_at(lines, there)[1:-1]
        return (*there, f"the quote {char} that starts here is never closed",
                f"end the value with a closing {char}")

    if "'\\t'" in problem or "tab character" in problem:
        return (*here, "a tab is used here; YAML lines are indented with spaces only",
                "replace the tab with spaces (most editors can insert spaces when you press Tab)")

    if "cannot start any token" in problem:
        char = _char_at(lines, here)
        return (*here, f"a value cannot start with {char}",
                f"put the value between quotes, e.g. {_quoted_example(lines, here)}")

    if "could not find expected ':'" in problem:
        return (*there, "this line has no ':' between a key and its value",
                ("write 'key: value' (a colon, then a space); if the line continues the text "
                "above it, indent it or put the whole text between quotes"))

    if "mapping values are not allowed" in problem:
        return _colon_problem(lines, here)

    if "sequence entries are not allowed" in problem or "mapping keys are not allowed" in problem:
        char = "'- '" if "sequence" in problem else "'?'"
        if lines[here[0]][: here[1]].rstrip().endswith(("'", '"')) if here[0] < len(lines) else False:
            return (*here, "there is more text after the closing quote",
                    "put the whole value between quotes, or remove what follows the quote")
        return (*here, f"a {char} in the middle of a line is not allowed here",
                "put the value between quotes, or start a list item ('- ') on a line of its own")

    if "unknown escape character" in problem or "escape sequence" in problem or "hexdecimal number" in problem:
        backslash = lines[here[0]].rfind("\\", 0, here[1] + 1) if here[0] < len(lines) else -1
        return (here[0], backslash if backslash >= 0 else here[1],
                "a backslash \\ inside double quotes must start an escape such as \\n",
                "use single quotes around text with a backslash, or write \\\\ for one backslash")

    if "while scanning a tag" in context or "while parsing a tag" in context or "tag handle" in problem:
        return (*there, "a value cannot start with '!' (YAML reads it as a tag)",
                f"put the value between quotes, e.g. {_quoted_example(lines, there)}")

    if "directive" in context or "directive" in problem or "incompatible YAML document" in problem:
        return (*there, "a line cannot start with '%'",
                "put the value between quotes, or if it is a note for authors, start it with '#'")

    if "while scanning an alias" in context or "while scanning an anchor" in context:
        char = _char_at(lines, there)
        return (*there, f"a value cannot start with {char} followed by a space",
                f"put the value between quotes, e.g. {_quoted_example(lines, there)}")

    if "found undefined alias" in problem:
        name = _word_after(lines, here)
        return (*here, f"'*{name}' refers to an anchor '&{name}' that is not defined above",
                ("if the '*' belongs to the text (a match pattern like *sorry), put the value "
                f"between quotes, e.g. {_quoted_example(lines, here)}"))

    if "duplicate anchor" in context or "duplicate anchor" in problem:
        return (*here, "this anchor '&…' has the same name as one above",
                "give every anchor its own name")

    if "while scanning a block scalar" in context:
        return (*there, "text after '|' or '>' must start on the next line, indented",
                "move the text to the next line, or put the whole value between quotes")

    if "single document" in context or "another document" in problem:
        return (*here, "a second document starts here ('---'); a scenario file holds one",
                "remove the '---' line, or put each scenario in a file of its own")

    if "while parsing a flow" in context:
        if _char_at(lines, there) not in ("'['", "'{'") and scanned.opener is not None:
            there = scanned.opener  # 'a flow node' at the end of the file: the bracket still open
        opener = _char_at(lines, there).strip("'")
        closer = {"[": "]", "{": "}"}.get(opener, "]")
        if "<stream end>" in problem or here[0] > there[0]:
            return (*there, f"the '{opener}' that opens here is not closed on this line",
                    f"close it with '{closer}' on the same line, e.g. match: [sorry, apolog*]")
        return (*here, f"items between '{opener}' and '{closer}' are separated by commas",
                "add a ',' between the items, or put an item with ',' or ': ' in it between quotes")

    if "expected <block end>" in problem:
        return _indentation_problem(lines, here, problem)

    if "node content" in problem:
        return (*here, "a value is missing here", "check for a stray ',', ':' or '-'")

    if "document start" in problem:
        return (*here, "the file goes on after its end (a line '...' or a stray value above)",
                "remove the '...' line, or check the line above this one")

    return (*here, f"this is not valid YAML here ({problem or context or 'no details'})",
            "check the indentation and quotes around this point")


def _char_at(lines: list[str], at: tuple[int, int]) -> str:
    line, column = at
    if line < len(lines) and column < len(lines[line]):
        return f"'{lines[line][column]}'"
    return "'\"'"


def _word_after(lines: list[str], at: tuple[int, int]) -> str:
    line, column = at
    found = re.match(r"\*?([^\s,\[\]{}]*)", lines[line][column:]) if line < len(lines) else None
    return found.group(1) if found else ""


def _quoted_example(lines: list[str], at: tuple[int, int]) -> str:
    """The line as it should be: `handle: "@anna"`."""
    line, column = at
    if line >= len(lines):
        return 'text: "…"'
    head, value = lines[line][:column].strip(), lines[line][column:].split(" #")[0].strip()
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{head} "{value}"'.strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _line_above(lines: list[str], line: int) -> int | None:
    for number in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _owner(lines: list[str], line: int, column: int) -> tuple[int, int, str] | None:
    """The key whose value is the list that `line` is in: its line, its column and its name."""
    for number in range(min(line, len(lines)) - 1, -1, -1):
        text = lines[number]
        if not text.strip() or text.strip().startswith("#") or _indent(text) >= column:
            continue
        found = _KEY.match(text)
        if found and not text[found.end():].split(" #")[0].strip():
            return number, found.start(1), found.group(1).strip()
        return None
    return None


def _item_at(lines: list[str], line: int, column: int) -> tuple[int, int] | None:
    """The list item ('- key: …') whose '-' is in `column`, just above `line` (only its own lines between):
    its line and the column its keys start in."""
    for number in range(min(line, len(lines)) - 1, -1, -1):
        text = lines[number]
        if not text.strip() or text.strip().startswith("#") or _indent(text) > column:
            continue
        found = re.match(r"( *)- +(?=[^\s#])", text)
        if _indent(text) == column and found and _KEY.match(text):
            return number, found.end()
        return None
    return None


_KEY = re.compile(r"^\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)")


def _colon_problem(lines: list[str], at: tuple[int, int]) -> tuple[int, int, str, str]:
    """'mapping values are not allowed here': a line indented too far, or ': ' inside a value."""
    line, column = at
    text = lines[line] if line < len(lines) else ""
    above = _line_above(lines, line)
    first_key = _KEY.match(text)
    if first_key and first_key.end(1) == column and above is not None:
        above_text = lines[above]
        if _indent(text) > _indent(above_text):
            key = first_key.group(1).strip()
            return (line, _indent(text), "this line is indented more than the line above it",
                    (f"start '{key}:' in the same column as the line above "
                    f"(line {above + 1}), unless it belongs inside that value"))
        if not _KEY.match(above_text) and not above_text.rstrip().endswith(":"):
            return (above, _indent(above_text), "this line is not 'key: value' (the ':' is missing)",
                    "add the ':' after the key, or remove the line")
    key_part = _KEY.match(text)
    if key_part:
        key = text[: key_part.end(1)].strip()
        value = text[key_part.end():].split(" #")[0].strip()
        quote = "'" + value.replace("'", "''") + "'" if '"' in value else f'"{value}"'
        return (line, column, "this value contains ': ', which YAML reads as the start of a new key",
                f"put the value between quotes: {key}: {quote}")
    return (line, column, "a ':' here is not allowed",
            "a value with ': ' inside needs quotes, e.g. text: \"Note: this\"")


def _indentation_problem(lines: list[str], at: tuple[int, int], problem: str) -> tuple[int, int, str, str]:
    line, column = at
    text = lines[line] if line < len(lines) else ""
    before = text[:column].rstrip()
    if before.endswith(("'", '"')):
        return (line, column, "there is more text after the closing quote",
                ("put the whole value between quotes; inside '…' write a ' as '' (it''s), "
                "inside \"…\" write \\\""))
    if before.strip() and not before.strip().startswith("#") and column > _indent(text):
        return (line, column, "there is more here after a complete value",
                "put the whole value between quotes, or move this to a line of its own")
    above = _line_above(lines, line)
    where = ""
    if above is not None and _indent(lines[above]) != _indent(text):
        where = (f" (line {above + 1} starts in column {_indent(lines[above]) + 1}, "
                 f"this one in column {_indent(text) + 1})")
    if above is not None and _indent(lines[above]) < _indent(text) and _KEY.match(lines[above]):
        two_above = _line_above(lines, above)
        if two_above is not None and _indent(lines[two_above]) == _indent(text):
            return (above, _indent(lines[above]), "this line is indented less than the lines around it",
                    f"start it in column {_indent(text) + 1}, like lines {two_above + 1} and {line + 1}")
    in_list = above is not None and lines[above].lstrip().startswith("- ")
    if ("'?'" in problem or "<block mapping start>" in problem) and in_list and above is not None \
            and _indent(text) == _indent(lines[above]):
        owner, found = _owner(lines, above, _indent(text)), _KEY.match(text)
        beside = ""
        if owner is not None and found is not None:
            number, column, name = owner
            beside = (f"; if '{found.group(1).strip()}:' belongs beside '{name}:' (line {number + 1}), move it "
                      f"{spaces(_indent(text) - column)} to the left")
        return (line, _indent(text), "a 'key: value' line appears in the middle of a list",
                ("start it with '- ' if it is a new item, or indent it under the item it "
                f"belongs to{where}{beside}"))
    item = _item_at(lines, line, _indent(text))
    if ("'?'" in problem or "<block mapping start>" in problem) and item is not None and _KEY.match(text):
        number, keys = item
        return (line, _indent(text), (f"this key starts in the column of the '- ' on line {number + 1}, "
                "not in line with the keys of that item"),
                (f"indent it {spaces(keys - _indent(text)).replace(' ', ' more ', 1)} if it belongs to that "
                 "item, or start it with '- ' if it is a new item"))
    if "'-'" in problem:
        return (line, _indent(text), "a list item ('- ') appears among 'key: value' lines",
                f"indent it under the key it belongs to{where}")
    return (line, _indent(text) if text.strip() else column,
            "this line does not line up with the lines above it",
            f"the keys of one mapping, and the items of one list, start in the same column{where}")


@dataclass
class _Scanned:
    """What one pass of the scanner up to the error line tells about it."""

    quote: tuple[int, int, str] | None = None
    """(line, column, quote) of a quoted value that ran on over lines that look like keys."""
    found: str = ""
    """The token at the error mark, as PyYAML names it: '-', '?', '<block mapping start>', '<stream end>' …"""
    opener: tuple[int, int] | None = None
    """(line, column) of the innermost '[' or '{' still open at the error mark."""


_KEY_LINE = re.compile(r"[\r\n][^\S\r\n]*(?:- |[\w-]+:(?:\s|$))")
"""A line break, then a line that starts like a key or a list item. Only blanks that are not line
breaks may stand before it, so a search tries each line once: linear in the length of the value
(blanks that may be line breaks would run on over all the blank lines that follow, from each one)."""


def _scan(text: str, mark: Any, loader: Any) -> _Scanned:
    """Scan `text` once, up to `mark`: each token is looked at once, and each quoted value's text is
    searched once, so this is linear in the length of the file."""
    out = _Scanned()
    if mark is None:
        return out
    brackets: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=loader):
            start, end = token.start_mark, token.end_mark
            if start.line > mark.line or (out.found and start.index > mark.index):
                break  # what follows the error did not cause it
            if start.index >= mark.index and not isinstance(token, yaml.BlockEndToken):
                out.found = out.found or token.id  # type: ignore[attr-defined]  # on every subclass; the stubs omit it
                # a <block end> is never what the parser stopped at
            elif isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                brackets.append((start.line, start.column))
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and brackets:
                brackets.pop()
            if (
                out.quote is None
                and isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and end.line > start.line
                and _KEY_LINE.search(text, start.index, end.index)
            ):
                out.quote = (start.line, start.column, token.style)
    except yaml.YAMLError:
        pass
    out.opener = brackets[-1] if brackets else None
    return out


_FOUND_LEFT_OUT = ("did not find expected key", "did not find expected '-' indicator", "did not find expected ',' or ']'",
                   "did not find expected ',' or '}'", "did not find expected node content")
"""libyaml's problems that leave out what it found (see `_in_pyyaml_words`)."""


def _scan_needed(text: str, mark: Any, problem: str, context: str, lines: list[str], there: tuple[int, int]) -> bool:
    """Whether the scan can tell anything the rules need: a quoted value before the mark (it may have run
    on), what stands at the mark (unless it is the end of the file), or which bracket is still open."""
    if mark is None:
        return False
    if text.find('"', 0, mark.index) >= 0 or text.find("'", 0, mark.index) >= 0:
        return True
    if problem in _FOUND_LEFT_OUT and text[mark.index :].strip():
        return True
    return "while parsing a flow" in context and _char_at(lines, there) not in ("'['", "'{'")


def _in_pyyaml_words(problem: str, lines: list[str], at: tuple[int, int], scanned: _Scanned) -> str:
    """libyaml's wording of a problem, said as PyYAML's Python parser says it (the rules above read that):
    libyaml leaves out what it found instead of what it expected."""
    found = f"'{scanned.found or '<token>'}'"
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        return f"expected <block end>, but found {found}"
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'"):
        return f"expected {problem[len('did not find expected '):]}, but got {found}"
    if problem == "did not find expected node content":
        return f"expected the node content, but found {found}"
    if problem == "found character that cannot start any token" and _char_at(lines, at) == "'\t'":
        return "found character '\\t' that cannot start any token"
    return problem
