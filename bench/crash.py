"""Crash safety: a real `webcare play` is killed with SIGKILL at a random turn; no turn it showed may be lost.

One trial plays the legroom case in plain mode through a pipe, waits until the echo of a
randomly chosen message is on screen (shown only after the turn is committed), optionally
sends the next line so the kill lands mid-move, then kills the process. The store must
hold every message that was shown; `webcare play --resume` must then finish the game.
Used by `make test` (a few trials), `make soak` and `make bench` (a hundred).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
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

    @property
    def lost(self) -> int:
        return sum(1 for text in self.shown if text not in self.stored)


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


def trial(folder: Path, rng: random.Random) -> Trial:
    """One kill at a random turn, then a resume that plays the rest."""
    from trainer.engine.events import SessionEnded, TraineeMessage
    from trainer.store import open_store

    db = folder / f"crash-{rng.randrange(10**9)}.db"
    proc = subprocess.Popen([sys.executable, "-m", "trainer", "play", "legroom-en", "--plain", "--seed",
                             str(rng.randrange(100))], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=_env(db), cwd=folder)
    said = [m for m in MESSAGES if not m.startswith("/")]
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
    store = open_store(str(db))
    rows = store.sessions()
    stored = [e.text for r in rows for e in store.load(r.id).events if isinstance(e, TraineeMessage)]
    outcome = rows[0].outcome if rows and rows[0].finished else None  # it may have ended before the kill
    if rows and not rows[0].finished:
        rest = [m for m in MESSAGES if m not in stored and (m.startswith("/") or m in said)]
        done = subprocess.run([sys.executable, "-m", "trainer", "play", "--plain", "--resume"],
                              input="\n".join(rest) + "\n", capture_output=True, text=True, env=_env(db),
                              cwd=folder, timeout=120)
        if done.returncode == 0:
            finished = store.load(rows[0].id)
            outcome = next((e.outcome for e in finished.events if isinstance(e, SessionEnded)), None)
    store.close()
    return Trial(shown, stored, outcome)


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
