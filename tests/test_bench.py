"""`make bench` works: its quick run measures everything and prints the table of ratios."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_quick_prints_the_table():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    table = run.stdout
    for measure in ("first frame: bare Textual App", "first frame: our picker", "ratio, picker / bare",
                    "openai, sqlite3 imported by then", "transcript append: message 10", "ratio, message",
                    "engine turn: turns 1–10", "scoring: 30-turn sessions per second",
                    "scenario load + validate, per file", "webcare score: thirty-turn sessions per second",
                    "streaming: bubble updates per frame", "cancel → request closed", "client CPU per chunk",
                    "resident memory after a",
                    "kill -9 at random turns", "review list, SQLite"):
        assert measure in table, table
    assert "≤ 1.25×" in table and "≤ 1.5×" in table
    assert "goal(s) missed" in table
