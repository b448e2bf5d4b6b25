"""Who is playing a session now: a lease (holder and expiry) that a running game renews and a resume respects.

A holder is `machine:pid:process start:token`, the machine a hash of its host name. A lease
is free when nobody holds it, when it has expired, or when its holder is a process of this
machine that is no longer running (`kill -9`, a closed terminal): then a resume on the same
machine need not wait for the expiry. A game on another machine that stopped renewing frees
its sessions after `LEASE_SECONDS`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

LEASE_SECONDS = 120
"""How long a lease lasts without renewal: four missed renewals (a suspended laptop, a server that was
briefly out of reach) before another machine may take the session over."""
RENEW_SECONDS = 30
"""How often a running game renews its leases, whether or not the trainee is typing."""


def _machine() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:12]


MACHINE = _machine()


def _process(pid: int) -> tuple[str, str] | None:
    """(state, start time since boot) of a process from /proc, where there is one; None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rpartition(")")[2].split()
        return fields[0], fields[19]
    except (OSError, IndexError):
        return None


def new_holder() -> str:
    """A holder id for one store in this process."""
    pid = os.getpid()
    found = _process(pid)
    return f"{MACHINE}:{pid}:{found[1] if found else ''}:{uuid.uuid4().hex[:8]}"


def until(now: datetime | None = None) -> str:
    """When a lease taken or renewed now runs out, in the store's time format."""
    moment = (now or datetime.now(UTC)) + timedelta(seconds=LEASE_SECONDS)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def free(holder: str | None, expires: str | None, me: str, now: str) -> bool:
    """May `me` take (or keep) a session whose lease is (holder, expires) at `now`?"""
    if not holder or holder == me:
        return True
    if not expires or expires < now:
        return True
    return gone(holder)


def gone(holder: str) -> bool:
    """True when the holder is a process of this machine that no longer runs; False when it runs or can't be told."""
    parts = holder.split(":")
    if len(parts) != 4 or parts[0] != MACHINE or not parts[1].isdigit() or os.name != "posix":
        return False
    pid, started = int(parts[1]), parts[2]
    if pid == os.getpid():
        return False  # another store of this very process: it runs
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it runs, as another user
    found = _process(pid)
    if found is None:
        return False
    state, start = found
    return state == "Z" or bool(started and start != started)  # a zombie, or the pid reused by another program


class Heartbeat:
    """Calls `renew` every RENEW_SECONDS in a daemon thread until stopped; a failed renewal is tried again."""

    def __init__(self, renew: Callable[[], None], every: float = RENEW_SECONDS) -> None:
        self.renew = renew
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="webcare-lease", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            with contextlib.suppress(Exception):  # the game's next save says what is wrong; a thread must not print
                self.renew()

    def stop(self) -> None:
        self._stop.set()
