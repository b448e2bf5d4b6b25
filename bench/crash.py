"""Crash safety: a real `webcare play` is killed with SIGKILL at a random turn; no turn it showed may be lost.

One trial plays the legroom case in plain mode through a pipe, waits until the echo of a
randomly chosen message is on screen (shown only after the turn is committed), optionally
sends the next line so the kill lands mid-move, then kills the process. The store must
hold every message that was shown; `webcare play --resume`, sent only the moves the store does
not hold, must then finish the game as the same moves played without a kill would have.
Used by `make test` (one trial per file), `make soak` and `make bench` (a hundred).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MESSAGES = (
    "Hi Daniela, I'm so sorry: you paid for extra legroom and sat ten hours without it. What happened?",
    "/lookup booking",
    "/lookup seat_record",
    "Can you tell me more about what happened at the gate?",
    "/lookup contact_history",
    "Our seat system released seats 14A and 14C after an aircraft change; that was our mistake.",
    "/do refund_seats 160",
    "The €160 is refunded to your card; you'll see it within five working days.",
    "I'm logging the fault with IT so it won't happen to others; I'll DM you by Friday.",
    "/do log_fault",
)


@dataclass
class Trial:
    shown: list[str]
    """Messages whose echo was on screen before the kill."""
    stored: list[str]
    """The trainee's messages the store holds afterwards."""
    resumed_outcome: str | None
    seed: int = 0
    """The game's seed, to play the same moves again without a kill."""
    replayed: list[str] = field(default_factory=list)
    """The moves sent to the resumed game: those the store did not hold."""
    events: list[tuple] = field(default_factory=list)
    """The session's events once resumed to its end, as `story` tells them."""

    @property
    def lost(self) -> int:
        return sum(1 for text in self.shown if text not in self.stored)


MOVE_EVENTS = ("trainee_message", "looked_up", "action_taken")
"""The event each of MESSAGES leaves in the store once its turn is committed: one per move."""


def story(events) -> list[tuple]:
    """What happened, without when: each event's kind and fields, its times left out."""
    return [(e.kind, *(getattr(e, f.name) for f in fields(e) if f.name not in ("at", "response_seconds")))
            for e in events]


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    return {**env, "WEBCARE_DB": str(db), "WEBCARE_TRAINEE": "crash-test", "PYTHONIOENCODING": "utf-8",
            "PYTHONUNBUFFERED": "1"}


def _read_until(proc: subprocess.Popen, needle: str, seen: list[str], timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    buffer = "".join(seen)
    while needle not in buffer:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if not ready:
            return False
        chunk = os.read(proc.stdout.fileno(), 65536).decode("utf-8", "replace")
        if not chunk:
            return False
        seen.append(chunk)
        buffer += chunk
    return True


def _play(folder: Path, db: Path, seed: int, lines: list[str], *resume: str) -> subprocess.CompletedProcess:
    args = ["--resume"] if resume else ["legroom-en", "--seed", str(seed)]
    return subprocess.run([sys.executable, "-m", "trainer", "play", "--plain", *args],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, env=_env(db),
                          cwd=folder, timeout=120)


def uncrashed(folder: Path, seed: int) -> list[tuple]:
    """The story of the same game, every move played in one run without a kill."""
    from trainer.store import open_store

    db = folder / f"uncrashed-{seed}.db"
    _play(folder, db, seed, list(MESSAGES))
    store = open_store(str(db))
    try:
        return story(store.load(store.sessions()[0].id).events)
    finally:
        store.close()


def trial(folder: Path, rng: random.Random) -> Trial:
    """One kill at a random turn, then a resume that plays the moves the store does not hold."""
    from trainer.engine.events import SessionEnded, TraineeMessage
    from trainer.store import open_store

    db = folder / f"crash-{rng.randrange(10**9)}.db"
    seed = rng.randrange(100)
    proc = subprocess.Popen([sys.executable, "-m", "trainer", "play", "legroom-en", "--plain", "--seed",
                             str(seed)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=_env(db), cwd=folder)
    shown = _until_killed(proc, rng)
    store = open_store(str(db))
    rows = store.sessions()
    events = list(store.load(rows[0].id).events) if rows else []
    stored = [e.text for e in events if isinstance(e, TraineeMessage)]
    rest: list[str] = []
    if rows and not rows[0].finished:
        rest = list(MESSAGES[sum(e.kind in MOVE_EVENTS for e in events):])
        if _play(folder, db, seed, rest, "--resume").returncode == 0:
            events = list(store.load(rows[0].id).events)
    store.close()
    outcome = next((e.outcome for e in events if isinstance(e, SessionEnded)), None)
    return Trial(shown, stored, outcome, seed, rest, story(events))


def _until_killed(proc: subprocess.Popen, rng: random.Random) -> list[str]:
    """Type the moves until a random one is on screen (and maybe the next sent), then SIGKILL; what was shown."""
    stop_after = rng.randrange(len(MESSAGES))
    seen: list[str] = []
    shown: list[str] = []
    try:
        for i, line in enumerate(MESSAGES):
            proc.stdin.write((line + "\n").encode())
            proc.stdin.flush()
            if not line.startswith("/"):
                if not _read_until(proc, f"you> {line}", seen):
                    break
                shown.append(line)
            if i == stop_after:
                if rng.random() < 0.5 and i + 1 < len(MESSAGES):  # kill while the next move is under way
                    proc.stdin.write((MESSAGES[i + 1] + "\n").encode())
                    proc.stdin.flush()
                    time.sleep(rng.random() * 0.05)
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return shown


def run(trials: int, folder: Path, seed: int = 7) -> tuple[int, int, int]:
    """(trials, messages lost, resumes that did not reach an outcome)."""
    rng = random.Random(seed)
    lost = unfinished = 0
    for _ in range(trials):
        result = trial(folder, rng)
        lost += result.lost
        unfinished += result.resumed_outcome is None and bool(result.stored)
    return trials, lost, unfinished


if __name__ == "__main__":
    import tempfile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        total, lost, open_ = run(n, Path(tmp))
    print(f"kill -9 at random turns: {total} trials, committed turns lost: {lost}, resumes not finished: {open_}")
    sys.exit(1 if lost or open_ else 0)
