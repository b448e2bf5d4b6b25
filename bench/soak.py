"""`make soak`: the robustness suite at full size, as a table of checks; exit code 1 on any failure.

Every check is a function taking a size ("full" here, "small" in `make test`, see
tests/soak/) and returning a `Result`: cases run, failures (each with what to run to see
it again), the slowest case. A new check is one line in CHECKS.

Run with the venv's Python: `make soak`, or `.venv/bin/python bench/soak.py [--small] [--only NAME]`.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # runs from a checkout without an install too

from bench.soaks import (  # noqa: E402  # noqa: E402
    big_inputs,
    classroom,
    crash,
    exports,
    full_disk,
    hostile,
    imports,
    injection,
    intent_collisions,
    llm_faults,
    malformed,
    markup,
    pg_drops,
    random_play,
    secrets,
)
from bench.soaks.result import Result, Size  # noqa: E402


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Size], Result]
    goal: str
    """What passing means; a check with a time goal fails its slow cases itself."""


CHECKS: list[Check] = [
    Check("crash safety (kill -9)", crash.check, "committed turns lost: 0; every resume finishes"),
    Check("LLM faults", llm_faults.check, "whole sessions on every fault: crashes 0, outcome as scripted; "
          "slow endpoint: the script within the deadline + 0.5 s"),
    Check("malformed scenarios", malformed.check, "loads, or file:line:col; 0 tracebacks"),
    Check("hostile YAML", hostile.check, "refused, nothing executed, < 1 s", ),
    Check("intent collisions", intent_collisions.check, "every alike pair (as comparing all); 3,000 intents < 10 s"),
    Check("export safety", exports.check, "every payload escaped"),
    Check("hostile imports", imports.check, "imported or told as FILE:N in one line; every import shown"),
    Check("secrets", secrets.check, "sentinel in 0 files, logs, exports"),
    Check("injection", injection.check, "state, outcome, scores unchanged"),
    Check("markup and terminal controls", markup.check, "shown as written; crashes, quits, raw controls 0"),
    Check("random play (hypothesis)", random_play.check, "in range, MoveError only, ends on patience"),
    Check("full disk mid-game", full_disk.check, "said once, scorecard, turns kept up to the failure, 0 tracebacks"),
    Check("big files (webcare score)", big_inputs.check, "50 MB export scored in ≤ 400 MB; 50 MB chats refused"),
    Check("dropped PostgreSQL connections", pg_drops.check, "turns lost: 0; every session finished"),
    Check("a class in the browser", classroom.check, "20 trainees at once: turns lost 0, sessions misattributed 0, "
          "crashes 0; turn latency p50/p95 measured"),
]


@dataclass
class Row:
    check: Check
    result: Result
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.result.failed and (self.result.cases > 0 or bool(self.result.skipped))

    @property
    def verdict(self) -> str:
        return "FAILED" if not self.ok else "skipped" if self.result.skipped else "ok"


def run_check(check: Check, size: Size) -> Row:
    """Run one check; an exception escaping it is a failure of the check, not of the suite."""
    started = time.perf_counter()
    try:
        result = check.run(size)
    except Exception:  # noqa: BLE001 - reported in the table, with its traceback
        result = Result()
        result.fail(f"the check itself raised:\n{traceback.format_exc()}")
    return Row(check, result, time.perf_counter() - started)


def table(rows: list[Row], out: TextIO) -> None:
    head = ("check", "cases", "failures", "worst time", "goal", "verdict")
    cells = [head] + [(r.check.name, f"{r.result.cases:,}", f"{r.result.failed:,}", _seconds(r.result.worst),
                       r.check.goal, r.verdict) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for n, line in enumerate(cells):
        out.write("  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w) if i < 4 else c
                            for i, (c, w) in enumerate(zip(line, widths, strict=True))).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("─" * w for w in widths) + "\n")
    for r in rows:
        extra = [f"{r.seconds:.1f} s in all", *r.result.figures]
        out.write(f"\n{r.check.name}: " + "; ".join(extra) + "\n")
        if r.result.skipped:
            out.write(f"  skipped: {r.result.skipped}\n")
        elif not r.result.cases:
            out.write("  ✗ no cases ran\n")
        out.writelines("  ✗ " + failure.replace("\n", "\n    ") + "\n" for failure in r.result.failures)
        if r.result.failed > len(r.result.failures):
            out.write(f"  … and {r.result.failed - len(r.result.failures)} more\n")


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def run(checks: list[Check], size: Size, out: TextIO) -> int:
    """Run `checks`, print the table; 0 when every one passed, else 1."""
    rows = []
    for check in checks:
        out.write(f"· {check.name} …\n")
        out.flush()
        rows.append(run_check(check, size))
    out.write("\n")
    table(rows, out)
    failed = [r for r in rows if not r.ok]
    skipped = [r.check.name for r in rows if r.ok and r.result.skipped]
    out.write(f"\n{len(rows) - len(failed) - len(skipped)} of {len(rows)} checks passed"
              + (f"; skipped: {', '.join(skipped)}" if skipped else "")
              + (f"; FAILED: {', '.join(r.check.name for r in failed)}\n" if failed else ".\n"))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="the short version `make test` runs")
    parser.add_argument("--only", action="append", metavar="NAME", help="run the checks whose name contains NAME")
    args = parser.parse_args(argv)
    checks = [c for c in CHECKS if not args.only or any(o.lower() in c.name.lower() for o in args.only)]
    if not checks:
        parser.error(f"no check matches {args.only}; the checks are: {', '.join(c.name for c in CHECKS)}")
    return run(checks, "small" if args.small else "full", sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
