"""The two databases a store runs on, behind one small interface: SQLite for a laptop, PostgreSQL for a class.

SQL is written once, with `?` placeholders and types both understand; the PostgreSQL
backend (`trainer.store.postgres`) turns those placeholders into psycopg's with a tokenizer that
leaves quoted strings, names and comments alone, and is imported only when a PostgreSQL URL is used.
"""

from __future__ import annotations

import os
import shutil
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

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
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

    def check_for_writing(self) -> None:
        """Before the first write: refuse a database that is damaged (raises StoreError)."""

    def close(self) -> None:
        raise NotImplementedError


class SQLiteBackend(Backend):
    """One file, write-ahead log, every transaction synced to disk before it counts.

    `read_only` (`history`, `export`) only queries: it opens the file as any reader would (which
    tidies its `-shm` away after), and from a read-only folder or mount too, where SQLite can't
    make that file beside it.
    """

    dialect = "sqlite"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.blank = False
        """True for a read-only store whose file does not exist yet: an empty database in memory stands in."""
        self.refused: str | None = None
        """Why nothing more is written into this file (it turned out damaged), once known."""
        self._lock = threading.RLock()
        self._depth = 0
        if read_only:
            self._conn = self._open_for_reading()
            return
        file = Path(path)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise _unusable(path, exc) from None
        except OSError as exc:
            raise StoreError(f"can't open the session database {path}: {exc.strerror or exc}") from None
        if str(mode).lower() != "wal":
            raise StoreError(f"the session database {path} can't use write-ahead logging (it reports "
                             f"'{mode}'); put it on a local disk or choose another with --db")

    def _open_for_reading(self) -> sqlite3.Connection:
        file = Path(self.path)
        if not file.exists():
            self.blank = True
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        uri = file.resolve().as_uri()
        for query in ("", "?mode=ro"):  # as any reader (it tidies its -shm away after), else read-only
            try:
                return self._connect_read_only(uri + query)
            except sqlite3.Error as exc:
                if _code(exc) not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
                    raise _unusable(self.path, exc) from None
        # A read-only folder: no `-shm` can be made. Read the file as it is, unless turns still wait in the log.
        wal = Path(f"{self.path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"the session database {self.path} is in a read-only folder, and its latest turns are "
                             f"still in {wal.name}, which can only be read where it can be written: copy both "
                             "files to a writable folder and read them there")
        try:
            return self._connect_read_only(f"{uri}?mode=ro&immutable=1")
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from None

    @staticmethod
    def _connect_read_only(uri: str) -> sqlite3.Connection:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the file and its log now
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def check_for_writing(self) -> None:
        """Refuse a damaged file before anything is written into it (SQLite's quick check reads every page)."""
        found = [str(r[0]) for r in self.execute("PRAGMA quick_check(3)")]
        if found != ["ok"]:
            said = " ".join(" ".join(found).replace("*** in database main ***", "").split())  # one line
            said = said if len(said) <= 120 else said[:119] + "…"
            self.refused = _damaged(self.path, f"SQLite's check found: {said}")
            raise StoreError(self.refused)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.Error as exc:
                raise self._failed(exc) from None

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            try:
                self._conn.executemany(sql, rows)
            except sqlite3.Error as exc:
                raise self._failed(exc) from None

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
            if self.refused:
                raise StoreError(self.refused)
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._failed(exc) from None
            self._depth = 1
            try:
                yield
                try:
                    self._conn.execute("COMMIT")  # a full disk shows here: the log is written at commit
                except sqlite3.Error as exc:
                    raise self._failed(exc) from None
            except BaseException:
                self._rollback()
                raise
            finally:
                self._depth = 0

    def _rollback(self) -> None:
        """Undo what is left of a failed transaction (SQLite may have undone it already, on a full disk)."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _failed(self, exc: sqlite3.Error) -> StoreError:
        error = _unusable(self.path, exc)
        if _is_damage(exc):
            self.refused = str(error)  # nothing more is written into a damaged file
        return error

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass


def _code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code of an error (SQLITE_FULL, SQLITE_CORRUPT, …), when it gave one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return _code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or "not a database" in text \
        or "malformed" in text or "corrupt" in text


def _unusable(path: str, exc: sqlite3.Error) -> StoreError:
    """One line for the trainee: what is wrong with the database file and what to do."""
    text = str(exc)
    code = _code(exc)
    if _is_damage(exc):
        return StoreError(_damaged(path, text))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return StoreError(f"the session database {path} stayed locked by another program for "
                          f"{BUSY_MS // 1000} s; try again")
    if code == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text \
            or (code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR) and not _writable(path)):
        return StoreError(f"the session database {path} is read-only; choose a writable one with --db")
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or (code == sqlite3.SQLITE_IOERR and _disk_full(path)):
        return StoreError(f"the disk of the session database {path} is full; free some space, "
                          "or choose another database with --db")
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(f"the session database {path} could not be written ({text}); check the disk, "
                          "or choose another database with --db")
    return StoreError(f"the session database {path} failed: {text}")


def _damaged(path: str, found: str) -> str:
    return (f"{path} is not a readable session database ({found}). It was left as it is, and nothing more is "
            f"written into it: move it aside to start a new one (`sqlite3 {Path(path).name} .recover` saves what "
            "can be read), or choose another with --db")


def _writable(path: str) -> bool:
    """Can this process write the file (or create it in its folder)? False on a read-only mount or file."""
    file = Path(path)
    try:
        return os.access(file if file.exists() else file.parent, os.W_OK) and os.access(file.parent, os.W_OK)
    except OSError:
        return True


def _disk_full(path: str) -> bool:
    """Less than a megabyte left where the database is: a write that failed there failed for room."""
    try:
        return shutil.disk_usage(Path(path).parent).free < 1_000_000
    except OSError:
        return False


def connect(location: Location, *, read_only: bool = False) -> Backend:
    """The backend for a location; `read_only` (SQLite) opens the file without writing to it."""
    if location.kind == "postgres":
        from trainer.store.postgres import PostgresBackend

        return PostgresBackend(location.target)
    return SQLiteBackend(location.target, read_only=read_only)
