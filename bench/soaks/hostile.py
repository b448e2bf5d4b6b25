"""Hostile YAML: alias bombs, deep nesting, huge files, code-running tags; each refused fast, nothing run.

Every case must be refused (no scenario) with a placed problem whose message names what
is wrong, within the check's time goal; the tag cases would create a witness file if any
code ran, and it must not exist afterwards. The broken files just under the size limits
(MAX_BYTES, and MAX_NODES lines and values) must be told where they are broken in time too:
a quote left open over thousands of blank lines, flow lists and mappings libyaml refuses,
files of brackets and dashes only.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.soaks.malformed import ROOT, rule_broken
from bench.soaks.result import Result, Size

LEGROOM = ROOT / "scenarios" / "legroom-en.yaml"
TITLE = "title: The legroom that never was"
MB = 1024 * 1024
GOAL = 1.0
"""Seconds to refuse any case. The short version in `make test` (a busy, shared machine) allows
ten times as long: there it guards against slow-downs of minutes or hours; the soak holds the goal."""


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], Path]
    """(folder, witness) → the file to load."""
    says: tuple[str, ...]
    """Words one of which the message must contain."""
    at: tuple[int, int] | None = None
    """Where (line, column, from 1) the first error must be, if it matters."""


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def _legroom_with(new_title: str) -> str:
    text = LEGROOM.read_text("utf-8")
    assert text.count(TITLE) == 1, "legroom-en.yaml changed its title; update the hostile cases"
    return text.replace(TITLE, new_title)


def _alias_bomb(levels: int = 9) -> str:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    names = "abcdefghijklmnopqrstuvwxyz"
    for this, last in zip(names[1:levels], names[: levels - 1], strict=True):
        bomb += f"{this}: &{this} [{', '.join(['*' + last] * 9)}]\n"
    return bomb


def _merge_bomb() -> str:
    text = "a0: &a0 {x: 1, y: 2, z: 3}\n"
    for i in range(1, 30):
        text += f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: [*a{i - 1}, *a{i - 1}]}}\n"
    return text


def _nested(limit: int) -> str:
    """Brackets nested sixty deep, repeated: few commas and lines, so only counting the values refuses it."""
    item = "[" * 60 + "x" + "]" * 60 + ", "
    return "a: [" + item * ((limit - 10) // len(item)) + "x]\n"


def _huge_file(folder: Path, size: int) -> Path:
    """A real file of `size` bytes of plausible YAML (not sparse: every byte is on disk)."""
    path = folder / "huge.yaml"
    chunk = ("key: some value that goes on for a while\n" * 25_000).encode()
    with path.open("wb") as file:
        written = 0
        while written < size:
            file.write(chunk)
            written += len(chunk)
    return path


def _under_limits(head: str, unit: str, tail: str, limit: int, values: int = 1) -> str:
    """`head`, `unit` as often as fits in `limit` bytes and under MAX_NODES lines and commas (and values,
    `values` in each unit), then `tail`."""
    from trainer.scenario.yamlfile import MAX_BYTES, MAX_NODES

    def signs(text: str) -> int:
        return text.count("\n") + text.count(",")

    room = min(limit, MAX_BYTES - 1_000) - len((head + tail).encode())
    times = min(room // len(unit.encode()), (MAX_NODES - 100 - signs(head + tail)) // max(signs(unit), 1),
                (MAX_NODES - 100) // values)
    return head + unit * times + tail


def _open_quote(quote: str, limit: int, closed: bool) -> str:
    """legroom-en.yaml whose title opens a quote that runs on over thousands of lines of blanks (and, if
    `closed`, a line of text and the keys below it, up to the next quote of the file)."""
    text = _legroom_with(f"title: {quote}The legroom")
    at = text.index("\n", text.index(f"title: {quote}")) + 1
    rest = "  that never was\n" + text[at:] if closed else ""
    return text[:at] + _under_limits("", " " * 40 + "\n", rest, limit)


def cases(size: Size) -> list[Case]:
    from trainer.scenario.yamlfile import MAX_BYTES

    big = 100 * MB if size == "full" else 5 * MB
    tags = {
        "os.system": '!!python/object/apply:os.system ["touch {w}"]',
        "subprocess.Popen": '!!python/object/new:subprocess.Popen [["touch", "{w}"]]',
        "exec": "!!python/object/apply:builtins.exec [\"open('{w}', 'w').close()\"]",
        "python/name": "!!python/name:os.system",
        "python/module": "!!python/module:os",
        "python/object": "!!python/object:argparse.Namespace {{x: 1}}",
    }
    out = [
        Case("alias bomb (9⁹ values)", lambda d, w: _write(d, "bomb.yaml", _alias_bomb()), ("aliases",)),
        Case("merge-key bomb (<<: 2²⁹)", lambda d, w: _write(d, "merge.yaml", _merge_bomb()), ("aliases", "<<")),
        Case("alias inside its own anchor", lambda d, w: _write(d, "loop.yaml", "a: &loop [x, *loop]\n"),
             ("nest", "alias")),
        Case("10,000-deep [ ]", lambda d, w: _write(d, "deep.yaml", "a: " + "[" * 10_000 + "]" * 10_000),
             ("levels deep",)),
        Case("10,000-deep { }", lambda d, w: _write(d, "deep.yaml", "a: " + "{a: " * 10_000 + "}" * 10_000),
             ("levels deep",)),
        Case("10,000-deep - - -", lambda d, w: _write(d, "deep.yaml", "- " * 10_000 + "x\n"), ("levels deep",)),
        Case("1,000-deep indentation", lambda d, w: _write(
            d, "deep.yaml", "".join(" " * i + f"k{i}:\n" for i in range(1_000)) + " " * 1_000 + "k: v\n"),
            ("levels deep",)),
        Case("150,000 values", lambda d, w: _write(d, "wide.yaml", "a: [" + "1, " * 150_000 + "1]\n"),
             ("values",)),
        Case("1 MB of values, just under the size limit", lambda d, w: _write(
            d, "values.yaml", "a: [" + "1," * ((MAX_BYTES - 10) // 2) + "1]\n"), ("values",)),
        Case(f"{big // MB} MB file", lambda d, w: _huge_file(d, big), ("at most",)),
        Case("900 KB line", lambda d, w: _write(d, "line.yaml", _legroom_with("title: " + "x" * 900_000)),
             ("",)),  # under the size limit: may load or not, but fast and placed
        Case("%TAG directive to python/", lambda d, w: _write(
            d, "directive.yaml", "%TAG !p! tag:yaml.org,2002:python/object/apply:\n---\n"
            + _legroom_with(f'title: !p!os.system ["touch {w}"]')), ("tag",)),
        Case("tag on the whole document", lambda d, w: _write(
            d, "document.yaml", f'--- !!python/object/apply:os.system ["touch {w}"]\n'), ("tag",)),
        Case("tag on a key", lambda d, w: _write(
            d, "key.yaml", _legroom_with(f'? !!python/object/apply:os.system ["touch {w}"]\n: x\n' + TITLE)),
            ("tag", "key")),
    ]
    # Broken files just under the limits: each is told where it is broken, in well under a second.
    limit = MAX_BYTES if size == "full" else MAX_BYTES // 5
    python_limit = 199_000  # files under 200,000 characters were all read again by the Python parser
    title = (10, 8)  # where legroom-en.yaml's title value starts
    broken = [
        ('quote " left open over lines of blanks', _open_quote('"', limit, closed=True),
         ("not closed on this line",), title),
        ("quote ' left open over lines of blanks", _open_quote("'", limit, closed=True),
         ("not closed on this line",), title),
        ('quote " never closed, to the end', _open_quote('"', limit, closed=False), ("never closed",), title),
        ("flow list of phrases, never closed", _under_limits("format: 1\nid: x\nmatch: [", "sorry + seat, ",
                                                             "apolog*\n", limit),
         ("'[' that opens here is not closed",), (3, 8)),
        ("flow mapping, a comma missing at its end", _under_limits(
            "format: 1\nid: x\ndetails: {", "flight_number: SB 101, ", "seat: 14A gate: D4}\n", limit, values=2),
         ("separated by commas",), None),
        ("items sixty brackets deep, never closed", _under_limits("a: " + "[" * 60, "x, ", "x\n", limit),
         ("'[' that opens here is not closed",), (1, 63)),
        ("[[x]] items, one '[' left open", _under_limits("a: [", "[[[[[[x]]]]]], ", "x\n", limit, values=7),
         ("'[' that opens here is not closed",), (1, 4)),
        ("- - - x lines, then one out of line", _under_limits("", "- - - x\n", " bad: [\n", limit, values=4),
         ("does not line up",), None),
        ("one long line, then an unclosed '['", "title: " + "word " * (python_limit // 5) + "\nmatch: [sorry,\n",
         ("'[' that opens here is not closed",), (2, 8)),
        ("nested [[[x]]] only", _nested(limit), ("values",), None),
        ("- - - x lines only", "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n" * (limit // 62),
         ("values",), None),
    ]
    for name, text, says, at in broken:
        out.append(Case(f"{name} ({len(text.encode()) // 1000:,} KB)",
                        lambda d, w, text=text: _write(d, "broken.yaml", text), says, at))
    for name, tag in tags.items():
        out.append(Case(f"!!python tag: {name}", lambda d, w, tag=tag: _write(
            d, "tag.yaml", _legroom_with("title: " + tag.format(w=w))), ("tag",)))
    return out


def check(size: Size) -> Result:
    import os

    from trainer.scenario.loader import check_file

    result = Result()
    times: list[str] = []
    limit = GOAL if size == "full" else float("inf")  # timed at full size only: `make test` runs on busy machines
    for case in cases(size):
        if size == "small" and case.name == "150,000 values":
            continue  # the 1 MB case refuses the same way, with more values
        with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
            folder = Path(tmp)
            witness = folder / "executed"
            path = case.make(folder, witness)
            here = os.getcwd()
            os.chdir(folder)  # a relative path in a payload lands here too
            try:
                with result.case() as took:
                    scenario, problems = check_file(path)
            finally:
                os.chdir(here)
            times.append(f"{case.name} {took.seconds * 1000:.0f} ms")
            with path.open("rb") as file:
                head = file.read(2 * MB)  # enough to count the lines a problem may point at
            broken = rule_broken(head, str(path), None, problems)
            if witness.exists() or any(folder.glob("executed*")):
                result.fail(f"{case.name}: CODE RAN (the witness file exists)")
            elif scenario is not None and case.says != ("",):
                result.fail(f"{case.name}: it loaded")
            elif broken and not (case.says == ("",) and scenario is not None):
                result.fail(f"{case.name}: {broken}")
            elif scenario is None and not any(w in p.message for p in problems.errors for w in case.says):
                result.fail(f"{case.name}: no message says {' or '.join(case.says)}: "
                            + "; ".join(p.message for p in problems.errors[:3]))
            elif case.at and (first := problems.sorted()[0]) and (first.line, first.column) != case.at:
                result.fail(f"{case.name}: the problem is placed at {first.line}:{first.column}, "
                            f"not at {case.at[0]}:{case.at[1]}: {first.message}")
            elif took.seconds > limit:
                result.fail(f"{case.name}: took {took.seconds:.2f} s, the goal is < {limit:g} s "
                            f"({'; '.join(p.message for p in problems.errors[:1])})")
    result.figures.append("per case: " + ", ".join(times))
    return result
