"""Hostile imports: thousands of mutated session records through `webcare import`; each one imported, or
refused in one line, and every imported one shown.

A played session, exported as JSON, is mutated (seeded) into records: one to three values
anywhere in it (an event's text, the scorecard's tips, a note's turn, the version …) replaced
by a value of another type, an out-of-range number, NaN, 100 KB of text, NUL or half a
surrogate pair, 200 levels of nesting, a formula or markup, or deleted; some records are left
whole. They go in a JSON list and a JSONL file (with some lines that aren't JSON), and
`webcare import` runs on both in its own process, as a coach would. The rules:

- no traceback; the exit code is 1 (some records are bad);
- one line on stderr per refused record, starting `FILE:N: ` with its place in the file;
- imported + refused = records tried, as the summary line says;
- every imported session renders as HTML and as Markdown, and its JSON export imports again.
"""

from __future__ import annotations

import copy
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.soaks.malformed import ROOT
from bench.soaks.result import Result, Size, pick

SEED = 20261207
HOSTILE: list[Any] = [
    None, True, False, 0, -1, 1.5, 2**31, 10**30, -(10**30), math.nan, math.inf, "", " ", "1", "2026", "yes",
    "x" * 100_000, "nul\x00here", "half \ud800", "=HYPERLINK(\"x\")", "<script>alert(1)</script>", "../../etc",
    [], [1, "a", None], {}, {"a": {"b": [1]}}, "deep", "2026-13-45T99:00:00Z", "\u202e\x1b[31mred",
]
_LINE = re.compile(r"^(?P<file>.+?):(?P<n>\d+): \S")


def _deep(levels: int = 200) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    return value


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the record: keys of objects and items of lists, however deep."""
    out = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        out.append((*prefix, key))
        out.extend(_paths(item, (*prefix, key)))
    return out


def mutate(record: dict, rng: random.Random) -> dict:
    """A copy of `record` with one to three places changed (or none, one time in eight)."""
    data = copy.deepcopy(record)
    if rng.random() < 1 / 8:
        return data
    for _ in range(rng.randint(1, 3)):
        paths = [("version",), ("format",)] if rng.random() < 0.05 else _paths(data)
        *parent, last = rng.choice(paths)
        target = data
        try:
            for key in parent:
                target = target[key]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced this place's parent
        if not isinstance(target, (dict, list)):
            continue
        if rng.random() < 0.15 and isinstance(target, dict):
            target.pop(last, None)
            continue
        value = rng.choice(HOSTILE)
        if isinstance(target, list) and not (isinstance(last, int) and last < len(target)):
            continue
        target[last] = _deep() if value == "deep" else copy.deepcopy(value)
    return data


def exported_session() -> dict:
    """One session as `webcare export` writes it: events, scorecard, a note and an override."""
    from trainer.playthrough import run_playthrough
    from trainer.review.sessionjson import session_to_dict
    from trainer.scenario.library import find_scenario
    from trainer.store import open_store

    legroom = find_scenario("legroom-en")
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        store = open_store(str(Path(tmp) / "laptop.db"))
        result = run_playthrough(legroom, legroom.playthroughs[1])
        session_id = store.begin(trainee="anna", scenario=legroom)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
        store.add_note(session_id, "ask why first", author="kim", turn=3)
        store.override(session_id, "plumber", 10, reason="refund without reason", author="kim")
        data = session_to_dict(store.load(session_id))
        store.close()
    return data


def check(size: Size) -> Result:
    result = Result()
    rng = random.Random(SEED)
    played = exported_session()
    total = pick(size, full=5000, small=150)
    records = []
    for n in range(total):
        record = mutate(played, rng)
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            record["id"] = f"{n}-{record['id']}"  # distinct, unless a mutation made it not text
        records.append(record)
    half = total // 2
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        folder = Path(tmp)
        listed, lines = folder / "batch.json", folder / "batch.jsonl"
        listed.write_text(json.dumps(records[:half], ensure_ascii=True), "utf-8")
        broken = set(range(half + 7, total, 97))  # a line cut short now and then
        text = [json.dumps(r, ensure_ascii=True)[: None if i not in broken else 50] for i, r in enumerate(records)]
        lines.write_text("\n".join(text[half:]) + "\n", "utf-8")
        db = folder / "class.db"
        for path, count in ((listed, half), (lines, total - half)):
            with result.case() as took:
                run = _import(path, db)
            imported, failed = _summary(run.stdout)
            told = [line for line in run.stderr.splitlines() if line.strip()]
            if "Traceback" in run.stderr or run.returncode not in (0, 1):
                result.fail(f"webcare import {path.name}: exit {run.returncode}, {run.stderr.strip()[-400:]}")
            if imported is None or imported + failed != count:
                result.fail(f"webcare import {path.name}: {count} records, but the summary says "
                            f"{run.stdout.strip()[-200:]!r}")
            if len(told) != (failed or 0):
                result.fail(f"webcare import {path.name}: {failed} refused, {len(told)} lines on stderr")
            for line in told:
                m = _LINE.match(line)
                if not m or m["file"] != str(path) or not 1 <= int(m["n"]) <= count:
                    result.fail(f"webcare import {path.name}: a refusal without FILE:N: {line[:200]!r}")
            result.figures.append(f"{path.suffix[1:]}: {count:,} records, {imported or 0:,} imported, "
                                  f"{failed or 0:,} refused in {took.seconds:.1f} s "
                                  f"({count / max(took.seconds, 1e-9):,.0f} records/s)")
        _shown(db, result)
    return result


def _import(path: Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "trainer", "import", str(path), "--db", str(db)],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=900, check=False)


def _summary(out: str) -> tuple[int | None, int]:
    m = re.search(r"(\d+) imported, (\d+) already there(?:, (\d+) failed)?", out)
    if not m:
        return None, 0
    return int(m[1]) + int(m[2]), int(m[3] or 0)


def _shown(db: Path, result: Result) -> None:
    """Every imported session renders as HTML and Markdown, and its JSON export imports again."""
    from trainer.review.export import html, markdown
    from trainer.review.sessionjson import session_from_dict, session_to_dict
    from trainer.store import open_store

    store = open_store(str(db))
    try:
        rows = store.sessions()
        for row in rows:
            with result.case():
                try:
                    session = store.load(row.id)
                    html(session)
                    markdown(session)
                    session_from_dict(json.loads(json.dumps(session_to_dict(session), ensure_ascii=False)))
                except Exception as exc:  # noqa: BLE001 - any failure here is what the check looks for
                    result.fail(f"imported session {row.id[:60]!r} can't be shown: {type(exc).__name__}: {exc}"[:400])
        result.figures.append(f"{len(rows):,} imported sessions shown as HTML and Markdown, and exported again")
    finally:
        store.close()
