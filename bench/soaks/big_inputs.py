"""Big files through `webcare score`: a 50 MB export scored in bounded memory, 50 MB conversations refused.

The export is JSONL, thirty-turn sessions one a line, scored by the real command in a process
of its own, which reports its peak memory (VmHWM: its own, not the parent's). Every conversation
is distinct (each agent line carries its own reference), so the scorer's caches don't make a big
file cheaper than a real one. A text transcript, a single session and a one-conversation CSV of
the same size are each one conversation far over the limit: refused in one line.

The writers make these files at any size, for measuring by hand too (`write_text`, `write_csv`,
`write_sessions`, `write_one_session`).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.soaks.malformed import ROOT
from bench.soaks.result import Result, Size, pick

MB = 1_000_000
PEAK_GOAL_MB = 400
"""The most memory `webcare score` may take on the export, whatever its size: a conversation at a time,
the scorecards so far, and the meaning layer's caches (bounded)."""
REFUSE_GOAL = 30.0
"""Seconds to refuse a 50 MB conversation (a CSV is checked to its end for every problem)."""

CUSTOMER = (
    "Paid €80 each for extra legroom on SB 765, confirmed twice. Why did we sit in 31B and 31C?",
    "Ruben has a bad knee. Ten hours like that. Is anyone actually reading this?",
    "OK. And the €160?",
    "How do I know this won't happen to the next person who books extra legroom?",
    "Fine. I'll wait for your DM then.",
)
AGENT = (
    "I'm so sorry, Daniela. Ten hours in the wrong seats after paying for legroom is not okay.",
    "Could you send me your booking reference so I can look at what happened?",
    "I can see the extra legroom seats were confirmed twice on your booking.",
    "An aircraft change released your seats and the refund was never made; that's our mistake.",
    "I'll refund the full €160 to your card today; you'll see it within 3 to 5 working days.",
    "I'm logging the fault with IT and seat planning so it doesn't happen to anyone else.",
    "I'll DM you by Friday to confirm the refund has arrived.",
    "Is there anything else I can do for you?",
)
ASIDES = ("", " Give me a moment.", " Thanks for your patience, Daniela.", " I'm checking it now.")
TURNS = 30


def conversation(n: int, turns: int = TURNS) -> Iterator[tuple[str, str]]:
    """Conversation `n`: (role, text), a customer line then an agent line, `turns` times."""
    for t in range(turns):
        yield "customer", CUSTOMER[(t + n) % len(CUSTOMER)]
        yield "agent", f"{AGENT[(t * 7 + n) % len(AGENT)]}{ASIDES[(t + n) % len(ASIDES)]} (ref {n}-{t})"


def _clock(i: int) -> str:
    return f"{8 + i // 3600 % 12:02d}:{i // 60 % 60:02d}:{i % 60:02d}"


def write_text(path: Path, size: int) -> int:
    """One conversation of about `size` bytes, as `[time] Customer:` / `Agent:` lines; its message count."""
    written = lines = 0
    with path.open("w", encoding="utf-8") as out:
        n = 0
        while written < size:
            for role, text in conversation(n):
                line = f"[{_clock(lines * 20)}] {role.title()}: {text}\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                lines += 1
            n += 1
    return lines


def write_csv(path: Path, size: int, *, split: bool = True) -> int:
    """Conversations of thirty turns (`split`: a `conversation` column) up to about `size` bytes; how many."""
    n = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["conversation", "timestamp", "role", "text"] if split else ["timestamp", "role", "text"])
        while out.tell() < size:
            for i, (role, text) in enumerate(conversation(n)):
                writer.writerow([f"c{n}", _clock(i * 20), role, text] if split else [_clock(i * 20), role, text])
            n += 1
    return n


def sessions(count: int) -> Iterator[dict]:
    """`count` saved sessions of the legroom case, each with its own agent lines (a few played, then varied)."""
    from scoring.batch.sessionfile import session_dict
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import Say
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    scenario = find_scenario("legroom-en")
    played = []
    for n in range(min(count, 8)):
        clock = FakeClock()
        game = Round(scenario, seed=n, clock=clock)
        game.opening()
        for role, line in conversation(n):
            if role == "agent":
                game.session.mood = scenario.customer.mood  # keep her in the conversation for thirty turns
                game.session.patience = scenario.customer.patience
                clock.advance(40)
                game.play(Say(line))
        played.append(session_dict(game.session.events, scenario="legroom-en", language="en", trainee="bench"))
    for n in range(count):
        data = json.loads(json.dumps(played[n % len(played)]))
        data["id"] = f"s{n}"
        for event in data["events"]:
            if event.get("kind") == "trainee_message":
                event["text"] = event["text"].replace(" (ref ", f" (ref {n}/")
        yield data


def write_sessions(path: Path, size: int, *, jsonl: bool) -> int:
    """Saved sessions up to about `size` bytes, one per line (`jsonl`) or as one JSON list; how many."""
    with path.open("w", encoding="utf-8") as out:
        out.write("" if jsonl else "[\n")
        n = 0
        for data in sessions(10**9):
            if n and not jsonl:
                out.write(",\n")
            out.write(json.dumps(data, ensure_ascii=False))
            out.write("\n" if jsonl else "")
            n += 1
            if out.tell() >= size:
                break
        out.write("" if jsonl else "\n]\n")
    return n


def write_one_session(path: Path, size: int) -> int:
    """One saved session of about `size` bytes: a conversation that never ends; its event count."""
    [data] = sessions(1)
    events = data["events"]
    body = [e for e in events if e.get("kind") not in ("session_started", "session_ended")]
    per = len(json.dumps(body)) or 1
    data["events"] = [events[0]] + body * max(1, size // per)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return len(data["events"])


RUNNER = """
import resource, sys
from trainer.cli import main
try:
    code = main(sys.argv[1:])
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 * 1024 if sys.platform == "darwin" else 1024)
    try:
        with open("/proc/self/status") as status:
            peak = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        pass
    print(f"peak {peak} MB", file=sys.stderr)
sys.exit(code)
"""
"""`webcare score ARGS` in a process of its own, telling its own peak memory at the end."""


def run_score(*args: str, timeout: float) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """(the finished process, seconds, peak memory in MB)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", RUNNER, "score", *args], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=timeout, check=False)
    seconds = time.perf_counter() - started
    peak = next((int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("peak ")), -1)
    return run, seconds, peak


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= 10 * MB else f"{size / MB:.1f} MB"


def _refusals(folder: Path) -> list[tuple[str, Path, Callable[[Path, int], int]]]:
    return [("text transcript", folder / "one.txt", write_text),
            ("single session", folder / "one.json", write_one_session),
            ("one-conversation CSV", folder / "one.csv", lambda p, n: write_csv(p, n, split=False))]


def check(size: Size) -> Result:
    result = Result()
    megabytes = pick(size, full=50, small=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "export.jsonl"
        sessions_written = write_sessions(export, megabytes * MB if size == "full" else 300_000, jsonl=True)
        with result.case() as took:
            run, _, peak = run_score(str(export), "--format", "csv", "-o", str(folder / "scores.csv"),
                                           timeout=3600)
        rows = (folder / "scores.csv").read_text("utf-8").count("\n") - 1 if run.returncode == 0 else 0
        if run.returncode != 0 or rows != sessions_written:
            result.fail(f"the {_mb(export.stat().st_size)} export: exit {run.returncode}, {rows} of "
                        f"{sessions_written} sessions scored: {run.stderr[-500:]}")
        if peak > PEAK_GOAL_MB or peak < 0:
            result.fail(f"the {_mb(export.stat().st_size)} export took {peak} MB at its peak "
                        f"(goal ≤ {PEAK_GOAL_MB} MB)")
        result.figures.append(f"{_mb(export.stat().st_size)} JSONL export ({sessions_written:,} sessions): "
                              f"scored in {took.seconds:.0f} s, peak {peak} MB")
        for name, path, write in _refusals(folder):
            write(path, megabytes * MB)
            with result.case() as took:
                run, _, peak = run_score(str(path), timeout=600)
            said = [line for line in run.stderr.splitlines() if "more than" in line]
            if run.returncode != 1 or not said or "--max-messages" not in said[0]:
                result.fail(f"a {megabytes} MB {name} was not refused in one line: exit {run.returncode}, "
                            f"{run.stderr[-500:]}")
            if size == "full" and took.seconds > REFUSE_GOAL:
                result.fail(f"a {megabytes} MB {name} took {took.seconds:.1f} s to refuse (goal < {REFUSE_GOAL:g} s)")
            result.figures.append(f"{megabytes} MB {name}: refused in {took.seconds:.1f} s, peak {peak} MB")
            path.unlink()
    return result
