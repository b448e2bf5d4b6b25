"""How fast a hostile or broken scenario file is refused: the bounds the unit tests used to assert.

Timed here, in `make bench`, since a bound asserted in a test fails on a busy machine. The tests
(tests/unit/test_scenario_errors.py) keep checking *what* is refused and where it is told.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from trainer.scenario.loader import check_bytes, check_file
from trainer.scenario.yamlfile import MAX_BYTES


def _alias_bomb() -> bytes:
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for this, last in zip("bcdefghi", "abcdefgh", strict=True):
        bomb += f"{this}: &{this} [{', '.join(['*' + last] * 9)}]\n"
    return bomb.encode()


def _sparse_file(folder: Path) -> Path:
    path = folder / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(4 * 1024**3)  # 4 GB, sparse: reading it all would take long
    return path


def cases(folder: Path) -> list[tuple[str, Callable[[], object], float]]:
    """(what, how, goal in seconds) for each refusal timed."""
    return [
        ("alias bomb (9^9 items) refused", lambda: check_bytes(_alias_bomb(), "bomb.yaml"), 3.0),
        ("brackets 100,000 deep refused", lambda: check_bytes(b"a: " + b"[" * 100_000, "deep.yaml"), 6.0),
        ("a 4 GB file refused unread", lambda: check_file(_sparse_file(folder)), 3.0),
        ("bytes over the size limit refused", lambda: check_bytes(b"a: b\n" * (MAX_BYTES // 5 + 1), "big.yaml"), 1.5),
        ("20,000 problems cut short", lambda: check_bytes(b"- !x a\n" * 20_000, "many.yaml"), 9.0),
    ]


def measure() -> list[tuple[str, float, float]]:
    """(what, seconds taken, goal in seconds) for every refusal."""
    figures = []
    with tempfile.TemporaryDirectory(prefix="webcare-refusals-") as folder:
        for what, run, goal in cases(Path(folder)):
            started = time.perf_counter()
            run()
            figures.append((what, time.perf_counter() - started, goal))
    return figures
