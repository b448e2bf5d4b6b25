"""`webcare play --plain` on a real terminal (a pseudo-terminal: line editing, echo and all): text pasted with escape
sequences in it is shown as text, never obeyed: the title stays, nothing turns red. (Issue 19.)"""

from __future__ import annotations

import os
import sys
import time

import pytest

pty = pytest.importorskip("pty")
select = pytest.importorskip("select")

PASTED = b"\x1b[200~abc \x1b]0;PWNED\x07 \x1b[31mRED def\x1b[201~\r"
"""A paste that sets the terminal's title and turns the text red, if a program echoes it raw."""


def _read(fd: int, seconds: float) -> bytes:
    out, end = b"", time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:  # the game has ended
                break
    return out


def test_escape_sequences_pasted_at_a_terminal_are_shown_not_obeyed(tmp_path):
    pid, fd = pty.fork()
    if pid == 0:  # the game, on the terminal
        os.environ.update(PYTHONPATH=os.pathsep.join(sys.path), WEBCARE_DB=str(tmp_path / "sessions.db"))
        os.execv(sys.executable, [sys.executable, "-m", "trainer", "play", "legroom-en", "--plain", "--no-save"])
    try:
        out = _read(fd, 5)
        os.write(fd, b"\r")  # the briefing is read
        out += _read(fd, 3)
        os.write(fd, PASTED)
        out += _read(fd, 3)
        os.write(fd, b"/end\r")
        out += _read(fd, 5)
    finally:
        os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert "abc" in text and "RED def" in text  # the line was read and echoed…
    assert "\x1b]0;" not in text and "\x1b[31m" not in text  # …as text: no title set, nothing red
    assert "FACILITATOR" in text  # and the game went on to its scorecard
