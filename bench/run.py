"""`make bench`: the figures the TUI issue sets goals for, measured in one run, with their ratios.

1. First interactive frame: our picker (built by `make_app`) against a bare Textual `App`, each in
   a fresh interpreter, from process start to the first frame of that screen; medians of several
   runs. Also checks that `openai` and `sqlite3` are not imported by then.
2. Transcript append cost: message 10 against message 500 in the chat's `Transcript` (headless).
3. Engine turn time at turn 1 and turn 500 (`Game` with a `FakeClock`; mood and patience reset
   every turn so the conversation never ends).
4. Scoring throughput: thirty-turn sessions scored per second.
5. Scenario load + validate time per file.
6. `webcare score` throughput: generated thirty-turn conversations per second, read from files (text
   transcripts replayed through a scenario, saved sessions, CSV transcripts on the generic rubric).
7. The live customer's streaming (bench/streaming.py): bubble updates per frame while her words arrive,
   the time from cancelling her reply to the loopback server seeing its request closed, and the client's
   CPU per chunk against a 10 ms token interval.
10. The coach's list of 5,000 seeded sessions (`webcare review`) on SQLite and PostgreSQL: the list shown, its
   queries, and the export dialog's first frame (bench/review_listing.py).
11. Refusing hostile and broken scenario files: alias bomb, deep nesting, 4 GB, many problems
   (bench/refusals.py; the tests check what is refused, this how fast).

Run with the venv's Python: `make bench`, or `.venv/bin/python bench/run.py [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # runs from a checkout without an install too

FIRST_FRAME_GOAL = 1.25
APPEND_GOAL = 1.5
CHILD_TIMEOUT = 60.0

# The child: builds the app, then reports the first time its target screen reaches the display.
# Wrapping `_display` (Textual's one door to the terminal) is how it sees "a frame was drawn";
# headless, so no terminal is needed, and the same for both apps.
CHILD = r"""
import json, sys
kind, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
if kind == "bare":
    from textual.app import App
    app = App()
    is_target = lambda screen: True
else:
    from trainer.ui.app import make_app
    from trainer.ui.options import UiOptions
    app = make_app(UiOptions(read_later=True))  # as the CLI starts it
    is_target = lambda screen: type(screen).__name__ == "PickerScreen"
display = app._display
def first_frame(screen, renderable):
    display(screen, renderable)
    if renderable is not None and screen is app.screen and is_target(screen):
        print(json.dumps({m: m in sys.modules for m in ("openai", "sqlite3")}), flush=True)
        app.exit()
app._display = first_frame
app.run(headless=True, size=(width, height))
"""


@dataclass
class Row:
    measure: str
    value: str
    goal: str = ""
    verdict: str = ""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio_row(name: str, ratio: float, goal: float | None) -> Row:
    if goal is None:
        return Row(f"  {name}", f"{ratio:.2f}×")
    return Row(f"  {name}", f"{ratio:.2f}×", f"≤ {goal:g}×", "ok" if ratio <= goal else "MISSED")


# -- 1. first frame ------------------------------------------------------------------------------

def first_frame_once(kind: str) -> tuple[float, dict[str, bool]]:
    """Milliseconds from starting a fresh interpreter to its first frame of the target screen."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, "100", "30"], cwd=ROOT,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    try:
        _, err = proc.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if not line.strip():
        raise RuntimeError(f"the {kind} app drew no frame:\n{err[-3000:]}")
    return elapsed, json.loads(line)


def bench_first_frame(runs: int, warm: bool = True) -> list[Row]:
    bare: list[float] = []
    ours: list[float] = []
    imported = {"openai": False, "sqlite3": False}
    if warm:  # fill the file cache for both; not counted
        first_frame_once("bare")
        first_frame_once("ours")
    for _ in range(runs):  # alternate, so drift in the machine's load hits both alike
        bare.append(first_frame_once("bare")[0])
        ms, modules = first_frame_once("ours")
        ours.append(ms)
        for name, present in modules.items():
            imported[name] = imported[name] or present
    ratio = median(ours) / median(bare)
    heavy = [name for name, present in imported.items() if present]
    return [
        Row("first frame: bare Textual App", f"{median(bare):.0f} ms"),
        Row("first frame: our picker (make_app)", f"{median(ours):.0f} ms"),
        ratio_row("ratio, picker / bare", ratio, FIRST_FRAME_GOAL),
        Row("  openai, sqlite3 imported by then", ", ".join(heavy) or "neither", "neither",
            "ok" if not heavy else "MISSED"),
    ]


# -- 2. transcript append ------------------------------------------------------------------------

CUSTOMER_LINE = ("I paid €80 each for extra legroom, had it confirmed twice, and sat ten hours with my "
                 "knees against the seat in front. Nobody has told me why. Message {n}.")
TRAINEE_LINE = "I'm sorry, Daniela. Let me look at your booking and the seat record right now ({n})."


async def transcript_costs(messages: int, windows: tuple[int, int], spread: int) -> dict[int, float]:
    """Median CPU ms to add a message and bring the screen up to date, around each of `windows`."""
    from trainer.engine.clock import FakeClock
    from trainer.scenario.library import find_scenario
    from trainer.ui.app import make_app
    from trainer.ui.messages import StartSession
    from trainer.ui.options import UiOptions
    from trainer.ui.screens.chat import ChatScreen
    from trainer.ui.widgets.transcript import Transcript

    app = make_app(UiOptions(scenario="legroom-en", typing_speed=0, clock=FakeClock()))
    scenario = find_scenario("legroom-en")
    times: dict[int, list[float]] = {w: [] for w in windows}
    async with app.run_test(size=(120, 40)) as pilot:
        app.post_message(StartSession(scenario, "practice"))
        while not isinstance(app.screen, ChatScreen):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        transcript = app.screen.query_one(Transcript)
        idle = []  # what a pause costs with nothing to do: taken off each measurement
        for _ in range(5):
            await pilot.pause()
            start = time.process_time()
            await pilot.pause()
            idle.append((time.process_time() - start) * 1000)
        for n in range(1, messages + 1):
            add: Callable[[str, int], None] = transcript.customer if n % 2 else transcript.trainee
            text = (CUSTOMER_LINE if n % 2 else TRAINEE_LINE).format(n=n)
            window = next((w for w in windows if abs(n - w) <= spread), None)
            if window is None:
                add(text, n // 2 + 1)
                if n % 50 == 0:
                    await pilot.pause()
                continue
            await pilot.pause()  # start from a quiet app
            # CPU time, not wall time: the pause after it idles in 20 ms sleeps, which cost no CPU;
            # what the append set off (layout, scrolling to the end, drawing) is all counted.
            start = time.process_time()
            add(text, n // 2 + 1)
            await pilot.pause()
            times[window].append(max(0.0, (time.process_time() - start) * 1000 - median(idle)))
    return {w: median(t) for w, t in times.items()}


def bench_transcript(messages: int, spread: int) -> list[Row]:
    early, late = 10, messages
    costs = asyncio.run(transcript_costs(messages + spread, (early, late), spread))
    return [
        Row(f"transcript append: message {early}", f"{costs[early]:.2f} ms CPU"),
        Row(f"transcript append: message {late}", f"{costs[late]:.2f} ms CPU"),
        ratio_row(f"ratio, message {late} / {early}", costs[late] / costs[early], APPEND_GOAL),
    ]


# -- 3. engine turns -----------------------------------------------------------------------------

NEUTRAL = ("I understand.", "Let me think about that for a moment.", "Could you tell me a bit more?",
           "Thanks for waiting, I'm still here.")


def bench_engine(turns: int, games: int) -> list[Row]:
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import Say
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    scenario = find_scenario("legroom-en")
    first: list[float] = []
    last: list[float] = []
    for seed in range(games):
        clock = FakeClock()
        game = Round(scenario, seed=seed, clock=clock)
        game.opening()
        for turn in range(1, turns + 1):
            game.session.mood = scenario.customer.mood  # keep her in the conversation
            game.session.patience = scenario.customer.patience
            clock.advance(20)
            start = time.perf_counter()
            game.play(Say(f"{NEUTRAL[turn % len(NEUTRAL)]} ({seed}-{turn})"))  # distinct: every turn is read
            elapsed = (time.perf_counter() - start) * 1000
            if game.session.over:
                raise RuntimeError(f"the session ended at turn {turn}: {game.session.outcome}")
            if turn <= 10:
                first.append(elapsed)
            elif turn > turns - 10:
                last.append(elapsed)
    return [
        Row("engine turn: turns 1–10", f"{median(first):.3f} ms", "≤ 2 ms", "ok" if median(first) <= 2 else "MISSED"),
        Row(f"engine turn: turns {turns - 9}–{turns}", f"{median(last):.3f} ms", "≤ 2 ms",
            "ok" if median(last) <= 2 else "MISSED"),
        ratio_row(f"ratio, turn {turns} / 1", median(last) / median(first), None),
    ]


# -- 4. scoring ----------------------------------------------------------------------------------

def bench_scoring(seconds: float) -> list[Row]:
    """Distinct sessions, each scored once per pass with the per-message caches cleared: no free hits."""
    from scoring import score
    from scoring.signals import signal
    from trainer.engine.clock import FakeClock
    from trainer.engine.events import TraineeMessage
    from trainer.engine.moves import Say
    from trainer.meaning.matching import words
    from trainer.meaning.reading import read
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    scenario = find_scenario("legroom-en")
    sessions = []
    for n in range(60):
        clock = FakeClock()
        game = Round(scenario, seed=n, clock=clock)
        game.opening()
        for turn in range(30):
            game.session.mood = scenario.customer.mood
            game.session.patience = scenario.customer.patience
            clock.advance(30 + n % 7)
            line = TRAINING_LINES[(turn + n) % len(TRAINING_LINES)]
            game.play(Say(f"{line} (case {n}-{turn})" if turn % 3 else line.replace(".", f", case {n}.", 1)))
        sessions.append(game.session.events)
    turns = sum(isinstance(e, TraineeMessage) for e in sessions[0])
    score(sessions[0], scenario)  # imports and compiled phrase lists; not counted
    done = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds or done < len(sessions):
        if done % len(sessions) == 0:
            signal.cache_clear()
            words.cache_clear()
            read.cache_clear()
        score(sessions[done % len(sessions)], scenario)
        done += 1
    rate = done / elapsed
    return [Row(f"scoring: {turns}-turn sessions per second", f"{rate:.0f} /s", "≥ 100/s",
                "ok" if rate >= 100 else "MISSED")]


TRAINING_LINES = (
    "Hi Daniela, I'm so sorry you sat ten hours without the legroom you paid for.",
    "What happened at the gate, and did anyone explain the seat change?",
    "I understand, that must have been awful for Ruben with his knee.",
    "Let me look at your booking and the seat record right now.",
    "An aircraft change released your seats and the refund was never made; that's our mistake.",
    "I'll refund the full €160 to your card today; you'll see it within 3 to 5 working days.",
    "I'm logging the fault with IT and seat planning so it doesn't happen to anyone else.",
    "I'll DM you by Friday to confirm the refund has arrived.",
    "Is there anything else I can do for you?",
    "Thank you for telling us, Daniela.",
)


# -- 5. scenario loading -------------------------------------------------------------------------

def bench_loading(repeats: int) -> list[Row]:
    from trainer.scenario.library import builtin_dir, scenario_files
    from trainer.scenario.loader import check_file

    files = scenario_files([builtin_dir()])
    per_file: list[float] = []
    for path in files:
        check_file(path)  # warm (imports, schema); not counted
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            scenario, problems = check_file(path)
            times.append((time.perf_counter() - start) * 1000)
            if scenario is None:
                raise RuntimeError(f"{path.name} does not load: {problems.errors[:1]}")
        per_file.append(median(times))
    return [Row(f"scenario load + validate, per file ({len(files)})", f"{statistics.mean(per_file):.1f} ms")]


# -- 6. webcare score ----------------------------------------------------------------------------

SCORE_GOAL = 100.0
CUSTOMER_LINES = (
    "Paid €80 each for extra legroom on SB 765, confirmed twice. Why did we sit in 31B and 31C?",
    "Ruben has a bad knee. Ten hours like that. Is anyone actually reading this?",
    "OK. And the €160?",
    "How do I know this won't happen to the next person who books extra legroom?",
    "Fine. I'll wait for your DM then.",
)
ASIDES = ("", " Give me a moment.", " Thanks for your patience, Daniela.", " I'm checking it now.")


def _thirty_turn_lines(n: int) -> list[tuple[str, str]]:
    """One generated conversation of the legroom case: thirty agent messages, each after one of hers."""
    out = []
    for t in range(30):
        out.append(("customer", CUSTOMER_LINES[(t + n) % len(CUSTOMER_LINES)]))
        out.append(("agent", TRAINING_LINES[(t * 7 + n) % len(TRAINING_LINES)] + ASIDES[(t + n) % len(ASIDES)]
                    + f" (ref {n}-{t})"))
    return out


def _write_inputs(folder: Path, count: int) -> dict[str, list[Path]]:
    """The three inputs `webcare score` reads: saved sessions, text transcripts and CSV transcripts."""
    import csv

    from scoring.batch.sessionfile import session_dict, write_session
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import Say
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    scenario = find_scenario("legroom-en")
    files: dict[str, list[Path]] = {"json": [], "text": [], "csv": []}
    for n in range(count):
        lines = _thirty_turn_lines(n)
        text = folder / f"t{n}.txt"
        text.write_text("".join(f"[{10 + i // 60:02d}:{i % 60:02d}] {role.title()}: {line}\n"
                                for i, (role, line) in enumerate(lines)), "utf-8")
        files["text"].append(text)
        table = folder / f"t{n}.csv"
        with table.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["role", "text"])
            writer.writerows(lines)
        files["csv"].append(table)
        clock = FakeClock()
        game = Round(scenario, seed=n, clock=clock)
        game.opening()
        for _, line in (x for x in lines if x[0] == "agent"):
            game.session.mood = scenario.customer.mood  # keep her in the conversation for thirty turns
            game.session.patience = scenario.customer.patience
            clock.advance(40)
            game.play(Say(line))
        saved = folder / f"s{n}.json"
        write_session(saved, session_dict(game.session.events, scenario="legroom-en", language="en", trainee="bench"))
        files["json"].append(saved)
    return files


def bench_score_command(seconds: float) -> list[Row]:
    """Conversations per second through `webcare score`'s readers and scorer, the scenario loaded once."""
    import tempfile

    from scoring.batch.readers import read_file
    from scoring.batch.scorecards import Rubric, events_of, score_all
    from trainer.play.transcript import transcript_events
    from trainer.scenario.library import find_scenario

    scenario = find_scenario("legroom-en")
    with tempfile.TemporaryDirectory() as tmp:
        files = _write_inputs(Path(tmp), 40)
        measures = [
            ("webcare score: thirty-turn sessions per second (text, --scenario)", files["text"], Rubric(scenario, replay=transcript_events)),
            ("  saved sessions (.json)", files["json"], Rubric()),
            ("  CSV transcripts, generic rubric", files["csv"], Rubric()),
        ]
        rows = []
        for name, paths, rubric in measures:
            done, start = 0, time.perf_counter()
            while (elapsed := time.perf_counter() - start) < seconds or not done:
                for path in paths:
                    for _, result in score_all(read_file(path), rubric, find_scenario):
                        if not hasattr(result, "scorecard"):
                            raise RuntimeError(f"{path.name} was not scored: {result}")
                        done += 1
            rate = done / elapsed
            rows.append(Row(name, f"{rate:.0f} /s", f"≥ {SCORE_GOAL:g}/s", "ok" if rate >= SCORE_GOAL else "MISSED"))
        done, start = 0, time.perf_counter()  # what the command adds to the scorer: reading and replaying
        while (elapsed := time.perf_counter() - start) < seconds or not done:
            for path in files["text"]:
                for conversation in read_file(path):
                    events_of(conversation, measures[0][2], find_scenario)
                    done += 1
        rows.append(Row("  of which reading + replay alone (text, --scenario)", f"{done / elapsed:.0f} /s"))
    return rows


# -- 7. the live customer's streaming (bench/streaming.py) ---------------------------------------------

def bench_streaming(quick: bool) -> list[Row]:
    """Repaints per frame while her words arrive, cancel to closed request, client CPU per chunk."""
    from bench.streaming import CANCEL_GOAL_MS, OVERHEAD_GOAL, TOKEN_INTERVAL_MS, measure

    f = measure(quick)
    worst, typical = max(f.cancel_ms), median(f.cancel_ms)
    share = f.chunk_ms / TOKEN_INTERVAL_MS
    return [
        Row(f"streaming: bubble updates per frame ({f.pieces} pieces, 1 ms apart)",
            f"{f.frames_per_frame:.2f} ({f.updates} updates)", "≤ 1", "ok" if f.frames_per_frame <= 1 else "MISSED"),
        Row(f"  cancel → request closed, worst of {len(f.cancel_ms)} (median {typical:.1f} ms)", f"{worst:.1f} ms",
            f"≤ {CANCEL_GOAL_MS:g} ms", "ok" if worst <= CANCEL_GOAL_MS else "MISSED"),
        Row("  client CPU per chunk (ours + openai + httpx)", f"{f.chunk_ms:.3f} ms",
            f"≤ {OVERHEAD_GOAL * TOKEN_INTERVAL_MS:g} ms", "ok" if share <= OVERHEAD_GOAL else "MISSED"),
        Row(f"  … of a {TOKEN_INTERVAL_MS:g} ms token interval", f"{share:.1%}", f"< {OVERHEAD_GOAL:.0%}",
            "ok" if share <= OVERHEAD_GOAL else "MISSED"),
    ]


# -- 8. memory after a long session ----------------------------------------------------------------

MEMORY_CHILD = r"""
import resource, sys
from trainer.engine.clock import FakeClock
from trainer.engine.moves import Say
from trainer.play import Round
from scoring import score
from trainer.scenario.library import find_scenario
s = find_scenario("legroom-en"); clock = FakeClock(); game = Round(s, clock=clock); game.opening()
for turn in range(int(sys.argv[1])):
    game.session.mood, game.session.patience = s.customer.mood, s.customer.patience
    clock.advance(30); game.play(Say(f"Daniela, I'm sorry about the seats; what happened at the gate? ({turn})"))
score(game.session.events, s)
# VmHWM is this program's own peak; ru_maxrss would carry over the parent's peak from before exec (Linux)
try:
    print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")))
except (OSError, StopIteration):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def bench_memory(turns: int) -> list[Row]:
    """Peak resident memory of a process that played and scored a long session (engine and scorer)."""
    done = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(turns)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    mb = int(done.stdout.strip().splitlines()[-1]) / 1024
    return [Row(f"resident memory after a {turns}-turn session", f"{mb:.0f} MB", "≤ 150 MB",
                "ok" if mb <= 150 else "MISSED")]


# -- 9. crash safety ----------------------------------------------------------------------------------

def bench_crash(trials: int) -> list[Row]:
    """A real `webcare play` killed with SIGKILL at random turns (bench/crash.py): turns lost must be 0."""
    import tempfile

    from bench.crash import run

    with tempfile.TemporaryDirectory(prefix="webcare-crash-") as folder:
        total, lost, unfinished = run(trials, Path(folder))
    return [Row(f"kill -9 at random turns ({total} trials): committed turns lost", str(lost), "0",
                "ok" if lost == 0 else "MISSED"),
            Row("  resumed sessions that did not finish", str(unfinished), "0", "ok" if unfinished == 0 else "MISSED")]


# -- 10. the coach's list of a large class --------------------------------------------------------------

def bench_review_listing(sessions: int, repeats: int) -> list[Row]:
    """`webcare review` over a seeded class (bench/review_listing.py), on SQLite and on PostgreSQL when installed."""
    from bench.review_listing import DIALOG_GOAL_S, LIST_GOAL_S, run

    rows = []
    for backend, f in run(sessions, repeats).items():
        if f is None:
            rows.append(Row(f"review list, {backend}", "not installed"))
            continue
        rows += [Row(f"review list, {backend}: {sessions} sessions shown", f"{f['shown']:.2f} s", f"≤ {LIST_GOAL_S:g} s",
                     "ok" if f["shown"] <= LIST_GOAL_S else "MISSED"),
                 Row("  listing query / overrides / change stamp",
                     f"{f['query'] * 1000:.0f} / {f['overrides'] * 1000:.0f} / {f['stamp'] * 1000:.1f} ms"),
                 Row("  export dialog, key to first frame", f"{f['dialog'] * 1000:.0f} ms",
                     f"≤ {DIALOG_GOAL_S * 1000:.0f} ms", "ok" if f["dialog"] <= DIALOG_GOAL_S else "MISSED")]
    return rows


# -- 11. refusing hostile and broken scenario files ---------------------------------------------------

def bench_refusals() -> list[Row]:
    """How fast bombs, deep nesting, huge files and mutants are refused (bench/refusals.py)."""
    from bench.refusals import measure

    return [Row(what, f"{seconds:.2f} s", f"< {goal:g} s", "ok" if seconds < goal else "MISSED")
            for what, seconds, goal in measure()]


# -- the table -----------------------------------------------------------------------------------

def table(rows: list[Row]) -> str:
    head = Row("measure", "value", "goal", "")
    widths = [max(len(getattr(r, f)) for r in [head, *rows]) for f in ("measure", "value", "goal")]
    lines = []
    for i, r in enumerate([head, *rows]):
        lines.append(f"{r.measure:<{widths[0]}}  {r.value:>{widths[1]}}  {r.goal:<{widths[2]}}  {r.verdict}".rstrip())
        if i == 0:
            lines.append("-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few seconds: fewer runs, shorter logs (a smoke test)")
    args = parser.parse_args(argv)
    q = args.quick
    runs, messages, spread, turns, games = (1, 30, 1, 30, 1) if q else (7, 500, 5, 500, 5)
    sections: list[tuple[str, Callable[[], list[Row]]]] = [
        ("first frame", lambda: bench_first_frame(runs, warm=not q)),
        ("transcript", lambda: bench_transcript(messages, spread)),
        ("engine", lambda: bench_engine(turns, games)),
        ("scoring", lambda: bench_scoring(0.3 if q else 2.0)),
        ("loading", lambda: bench_loading(3 if q else 15)),
        ("webcare score", lambda: bench_score_command(0.3 if q else 3.0)),
        ("streaming", lambda: bench_streaming(q)),
        ("memory", lambda: bench_memory(100 if q else 500)),
        ("crash safety", lambda: bench_crash(2 if q else 100)),
        ("review list", lambda: bench_review_listing(200 if q else 5000, 1 if q else 5)),
        ("refusals", bench_refusals),
    ]
    rows: list[Row] = []
    started = time.perf_counter()
    for name, run in sections:
        print(f"measuring {name}…", file=sys.stderr, flush=True)
        rows.extend(run())
    print(f"\nWebcare Trainer bench — {'quick, ' if q else ''}{runs} first-frame run(s) each, medians"
          f" ({time.perf_counter() - started:.0f} s)\n")
    print(table(rows))
    print(f"\n{missed_line(rows)}")
    return 0


def missed_line(rows: list[Row]) -> str:
    """The last line: how many goals were missed, and which."""
    missed = [r.measure.strip() for r in rows if r.verdict == "MISSED"]
    return f"{len(missed)} goal(s) missed" + (": " + "; ".join(missed) if missed else "")


if __name__ == "__main__":
    sys.exit(main())
