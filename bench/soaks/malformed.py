"""Malformed scenarios: every file of the library, mutated; each mutant loads or says `file:line:col:` why not.

Mutations (one to three per mutant, seeded): a key deleted with its block, a value of the
wrong type, broken indentation, a key or block written twice, unicode junk, truncation,
flipped bytes. A mutant that loads must also start a game. A mutant that breaks a rule is
written to a folder under the system's temp dir so it can be loaded again by hand.
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

from bench.soaks.result import Result, Size, pick

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261125

JUNK = ["\u2028", "\u2029", "\x00", "\x07", "\ufeff", "\u202e", "\u200b", "\u0301", "😀", "\t", "\x85", "\ufffe",
        "\udcff", "'", '"', "[", "]", "{", "}", ": ", "- ", "&a", "*a", "*", "!!python/object:os.system", "!x",
        "|", ">", "%", "@", "`", "#", "?", "\\", "\r", "\r\n", "\U0010ffff", "ﬁ", "İ", "ß", "\u00a0"]
WRONG = ["", "~", "null", "[]", "{}", "-1", "0", "42", "3.5", "1e999", ".nan", "true", "[a, b]", "{a: 1}",
         "[[[]]]", "'x'", "x" * 5000, "|", ">-", "&x", "*x", "!!str", "- a", '"unterminated', "0x1F", "2024-01-01"]
_KEY = re.compile(r"^( *)(- )?([^\s:#][^:#]*):( |$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _block_end(lines: list[str], i: int) -> int:
    """The index after line i's block: the lines below it that are indented more (or blank)."""
    own = _indent(lines[i]) + (2 if lines[i].lstrip().startswith("- ") else 0)
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or _indent(lines[j]) > own):
        j += 1
    return j


def _keys(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _KEY.match(line)] or [0]


def delete_key(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.choice(_keys(lines))
    return lines[:i] + lines[_block_end(lines, i):]


def wrong_type(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.choice(_keys(lines))
    m = _KEY.match(lines[i])
    head = m.group(0).rstrip() if m else lines[i]
    value = rng.choice(WRONG)
    if rng.random() < 0.3:  # a block where a scalar was, or the other way round
        value = "\n" + " " * (_indent(lines[i]) + 2) + rng.choice(["- a", "- [b]", "k: v", "k:", "- {a: 1}"])
    return lines[:i] + [f"{head} {value}".rstrip()] + lines[_block_end(lines, i):]


def bad_indentation(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    i = rng.randrange(len(lines))
    line = lines[i].lstrip(" ")
    how = rng.randrange(4)
    if how == 0:
        lines[i] = " " * max(0, _indent(lines[i]) + rng.choice([-3, -2, -1, 1, 2, 3])) + line
    elif how == 1:
        lines[i] = "\t" + line
    elif how == 2:  # a whole block shifted
        end = _block_end(lines, i)
        shift = rng.choice([-2, -1, 1, 2])
        lines[i:end] = [" " * max(0, _indent(x) + shift) + x.lstrip(" ") for x in lines[i:end]]
    else:
        lines[i] = line
    return lines


def duplicate_key(lines: list[str], rng: random.Random) -> list[str]:
    i = rng.choice(_keys(lines))
    end = _block_end(lines, i)
    return lines[:end] + lines[i:end] + lines[end:]


def unicode_junk(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rng.randrange(1, 4)):
        i = rng.randrange(len(lines))
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + "".join(rng.choice(JUNK) for _ in range(rng.randrange(1, 4))) + lines[i][at:]
    return lines


def duplicate_or_drop_line(lines: list[str], rng: random.Random) -> list[str]:
    lines = list(lines)
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        del lines[i]
    else:
        lines.insert(i, lines[i])
    return lines


LINE_MUTATIONS = [delete_key, wrong_type, bad_indentation, duplicate_key, unicode_junk, duplicate_or_drop_line]


def mutate(text: str, rng: random.Random) -> tuple[bytes, list[str]]:
    """A mutant of `text`, and the names of the mutations applied."""
    lines = text.split("\n")
    kinds: list[str] = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        mutation = rng.choice(LINE_MUTATIONS)
        lines = mutation(lines, rng) or [""]
        kinds.append(mutation.__name__)
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    last = rng.random()
    if last < 0.12:
        data = data[: rng.randrange(len(data) + 1)]  # may cut a UTF-8 sequence in half
        kinds.append("truncate")
    elif last < 0.2:
        flipped = bytearray(data)
        for _ in range(rng.randrange(1, 6)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        data = bytes(flipped)
        kinds.append("flip_bytes")
    return data, kinds


def library_files() -> list[Path]:
    """Every scenario file of the library as it is now (other files are being added)."""
    return sorted(p for p in (ROOT / "scenarios").iterdir() if p.suffix in (".yaml", ".yml"))


def _recognise(scenario, text):
    from trainer.engine.intents import Recogniser

    return Recogniser(scenario.intents, scenario.language).recognise(text)


def rule_broken(raw: bytes, name: str, scenario, problems) -> str | None:
    """What is wrong with the loader's answer for this mutant, if anything."""
    if scenario is None and not problems.errors:
        return "refused without a single error"
    last_line = max(raw.count(b"\n"), raw.count(b"\r")) + 1
    for problem in problems.items:
        text = str(problem)
        if not text.startswith(f"{name}:{problem.line}:{problem.column}: "):
            return f"not placed as file:line:col: {text.splitlines()[0]!r}"
        if not (1 <= problem.line <= last_line + 1 and problem.column >= 1):
            return f"outside the file (it has {last_line} lines): {text.splitlines()[0]}"
        if "internal error" in problem.message or "Traceback" in text:
            return f"an internal error: {problem.message}"
    if scenario is not None:
        from trainer.engine.clock import FakeClock
        from trainer.play import Round

        try:
            Round(scenario, clock=FakeClock()).opening()
        except Exception as exc:  # noqa: BLE001 - the finding
            return f"loaded, but a game on it raised {type(exc).__name__}: {exc}"
    return None


def check(size: Size) -> Result:
    from trainer.scenario.loader import check_bytes, check_file

    result = Result()
    files = library_files()
    texts = {p: p.read_text("utf-8") for p in files}
    rng = random.Random(SEED)
    loaded = refused = 0
    kept: Path | None = None
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        for n in range(pick(size, full=1000, small=60)):
            source = files[n % len(files)]
            raw, kinds = mutate(texts[source], rng)
            name = f"{source.stem}-mutant-{n}.yaml"
            with result.case():
                try:
                    if n % 10 == 0:  # through the file, as `webcare check` reads it
                        name = str(Path(tmp) / name)
                        Path(name).write_bytes(raw)
                        scenario, problems = check_file(name, recognise=_recognise)
                    else:
                        scenario, problems = check_bytes(raw, name, recognise=_recognise)
                    broken = rule_broken(raw, name, scenario, problems)
                except Exception as exc:  # noqa: BLE001 - the finding
                    scenario, broken = None, f"raised {type(exc).__name__}: {exc}"
            loaded += scenario is not None
            refused += scenario is None
            if broken:
                kept = kept or Path(tempfile.mkdtemp(prefix="webcare-soak-malformed-"))
                (kept / Path(name).name).write_bytes(raw)
                result.fail(f"{Path(name).name} ({' + '.join(kinds)}): {broken} (kept in {kept})")
    result.figures.append(f"{len(files)} library files; {loaded} mutants loaded, {refused} refused")
    if not refused:
        result.fail("no mutant was refused: the mutations do nothing")
    return result
