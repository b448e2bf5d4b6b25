"""Disks that misbehave, for the store's tests and the soak: a file-size limit (a disk that fills), read-only files.

A full disk is simulated with RLIMIT_FSIZE in the child process: every write past the limit
fails as it would on a full disk (SQLite sees the write fail at COMMIT, when the log is
written), and nothing else on the machine is touched. Read-only files are made with
`chattr +i` when the tests run as root (who ignores file modes), else with chmod.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

LEGROOM_LINES = (
    "Hi Daniela, I'm so sorry about the legroom you paid for. What happened?",
    "/lookup booking",
    "/lookup seat_record",
    "Our seat system released seats 14A and 14C after an aircraft change; that was our mistake.",
    "/do refund_seats 160",
    "The €160 is refunded to your card; you'll see it within five working days.",
    "I'm logging the fault with IT so it won't happen to others; I'll DM you by Friday.",
    "/do log_fault",
)


def play_plain(db: Path, lines=LEGROOM_LINES, *, file_limit: int | None = None,
               args: tuple[str, ...] = ("legroom-en",)) -> subprocess.CompletedProcess[str]:
    """`webcare play … --plain` in a child process, its files limited to `file_limit` bytes each."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    env.update(WEBCARE_DB=str(db), WEBCARE_TRAINEE="anna", PYTHONIOENCODING="utf-8")

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([sys.executable, "-m", "trainer", "play", *args, "--plain"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, env=env, cwd=db.parent,
                          timeout=120, preexec_fn=limit if file_limit is not None else None, check=False)


def needs_file_limits() -> None:
    try:
        import resource  # noqa: F401
    except ImportError:
        pytest.skip("needs RLIMIT_FSIZE (POSIX)")


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """The files and folders are read-only for this process until the block ends."""
    if os.name != "posix":
        pytest.skip("read-only files are made the POSIX way here")
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", *map(str, paths)],
                                                            capture_output=True, check=False).returncode:
            pytest.skip("running as root on a file system without immutable files")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        return
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        yield
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
