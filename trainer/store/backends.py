"""The two databases a store runs on, behind one small interface: SQLite for a laptop, PostgreSQL for a class.

SQL is written once, with `?` placeholders and types both understand; the PostgreSQL
backend swaps the placeholders. `psycopg` is imported only when a PostgreSQL URL is used.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from trainer.store.errors import StoreError
from trainer.store.location import Location, redact

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


class PostgresBackend(Backend):
    """A server many machines write to: each turn its own transaction."""

    dialect = "postgres"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("WEBCARE_DATABASE_URL points to PostgreSQL, but the psycopg package is missing: "
                             "pip install 'webcare-trainer[postgres]'") from None
        self._psycopg = psycopg
        self.url = url
        self._lock = threading.RLock()
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"can't reach the session database {redact(url)}: {_first_line(exc)}") from None
        self._tx = None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            try:
                cur = self._conn.execute(self._sql(sql), tuple(params))
                return cur.fetchall() if cur.description else []
            except self._psycopg.Error as exc:
                raise StoreError(f"the session database {redact(self.url)} failed: {_first_line(exc)}") from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            try:
                with self._conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
            except self._psycopg.Error as exc:
                raise StoreError(f"the session database {redact(self.url)} failed: {_first_line(exc)}") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock, self._conn.transaction():
            yield

    def lock_for_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(4242)")

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connect(location: Location) -> Backend:
    if location.kind == "postgres":
        return PostgresBackend(location.target)
    return SQLiteBackend(location.target)
