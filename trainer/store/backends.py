"""The two databases a store runs on, behind one small interface: SQLite for a laptop, PostgreSQL for a class.

SQL is written once, with `?` placeholders and types both understand; the PostgreSQL
backend (`trainer.store.postgres`) swaps the placeholders, and is imported only when a
PostgreSQL URL is used.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from trainer.store.errors import StoreError
from trainer.store.location import Location

T = TypeVar("T")

BUSY_MS = 15_000
"""How long a writer waits for another process's turn to commit before giving up."""


class Backend:
    dialect = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def transact(self, work: Callable[[], T]) -> T:
        """`work` in one transaction; a backend whose connection can drop runs it again on a new one,
        so `work` must be idempotent (safe to run twice when the first commit's answer was lost)."""
        with self.transaction():
            return work()

    def lock_for_migration(self) -> None:
        """Inside a transaction: keep other processes out while the schema is checked."""

    def close(self) -> None:
        raise NotImplementedError


class SQLiteBackend(Backend):
    """One file, write-ahead log, every transaction synced to disk before it counts."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        file = Path(path)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise _unusable(path, exc) from None
        except OSError as exc:
            raise StoreError(f"can't open the session database {path}: {exc.strerror or exc}") from None
        if str(mode).lower() != "wal":
            raise StoreError(f"the session database {path} can't use write-ahead logging (it reports "
                             f"'{mode}'); put it on a local disk or choose another with --db")
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.DatabaseError as exc:
                raise _unusable(self.path, exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            try:
                self._conn.executemany(sql, rows)
            except sqlite3.DatabaseError as exc:
                raise _unusable(self.path, exc) from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise _unusable(self.path, exc) from None
            self._depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _unusable(path: str, exc: sqlite3.DatabaseError) -> StoreError:
    text = str(exc)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"{path} is not a readable session database ({text}). It was left as it is: "
                          "move it aside to start a new one, or choose another with --db")
    if "locked" in text or "busy" in text:
        return StoreError(f"the session database {path} stayed locked by another program for "
                          f"{BUSY_MS // 1000} s; try again")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"the session database {path} is read-only; choose a writable one with --db")
    return StoreError(f"the session database {path} failed: {text}")


def connect(location: Location) -> Backend:
    if location.kind == "postgres":
        from trainer.store.postgres import PostgresBackend

        return PostgresBackend(location.target)
    return SQLiteBackend(location.target)
