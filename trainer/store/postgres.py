"""The PostgreSQL backend: a class's server, over a connection that may drop or stall.

Every psycopg error becomes a `StoreError`. A lost connection (a server restart, a failover,
`pg_terminate_backend`, an idle-session timeout) and a database that doesn't answer in time
become `StoreUnavailable`. A lost connection is made again once before giving up: at BEGIN,
for a statement outside a transaction (the store only reads there), and for a whole
transaction run by `transact`, whose work is idempotent. `psycopg` is imported only here.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from trainer.store.backends import Backend
from trainer.store.errors import StoreError, StoreUnavailable
from trainer.store.location import redact

T = TypeVar("T")

logging.getLogger("psycopg").addHandler(logging.NullHandler())  # its "error ignored" notes about a connection
# already lost (said here in one line) never reach the trainee's terminal; an app that logs still gets them

TIMEOUT_S = 5.0
"""How long one statement may take before the trainee is told the database is away (WEBCARE_DB_TIMEOUT).

A turn is committed before the customer's reply is shown, so this is how long the game can stand
still: a turn's few rows commit in milliseconds on a healthy server, and 5 s covers a busy class
server's checkpoint or a short lock, while telling the trainee before the game looks frozen."""
GRACE_S = 2.0
"""After the timeout, how long the server gets to say so itself before the connection is cut here
(a server that answers nothing at all: stopped, or gone from the network)."""
OPEN_TIMEOUT_S = 10
"""How long opening the store may wait for the server to take the connection."""


def timeout_setting(env: dict[str, str] | None = None) -> float:
    """WEBCARE_DB_TIMEOUT in seconds (0: no limit), else TIMEOUT_S."""
    raw = (os.environ if env is None else env).get("WEBCARE_DB_TIMEOUT", "").strip()
    if not raw:
        return TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not (0 <= value < 86_400):
        raise StoreError(f"WEBCARE_DB_TIMEOUT is seconds a database statement may take (0: no limit), "
                         f"not '{raw[:40]}'")
    return value


class PostgresBackend(Backend):
    """A server many machines write to: each turn its own transaction."""

    dialect = "postgres"

    def __init__(self, url: str, timeout: float | None = None) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("WEBCARE_DATABASE_URL points to PostgreSQL, but the psycopg package is missing: "
                             "pip install 'webcare-trainer[postgres]'") from None
        self._psycopg = psycopg
        self.url = url
        self.where = redact(url)
        self.timeout = timeout_setting() if timeout is None else timeout
        self._lock = threading.RLock()
        self._depth = 0
        self._watchdog = Watchdog()
        self._conn: Any = None
        self._conn = self._connect(OPEN_TIMEOUT_S)

    # ── the connection ─────────────────────────────────────────────────────────────
    def _connect(self, wait: float | None = None) -> Any:
        psycopg = self._psycopg
        wait = wait or (max(2, math.ceil(self.timeout)) if self.timeout else OPEN_TIMEOUT_S)
        options: dict[str, Any] = {"connect_timeout": int(wait), "keepalives": 1, "keepalives_idle": 30,
                                   "keepalives_interval": 10, "keepalives_count": 3}
        if self.timeout:  # data the server never acknowledges (it vanished from the network) ends the connection
            options["tcp_user_timeout"] = int((self.timeout + GRACE_S) * 1000)
        try:
            conn = psycopg.connect(self.url, autocommit=True, **options)
        except psycopg.Error as exc:
            raise StoreUnavailable(f"can't reach the session database {self.where}: {_first_line(exc)}") from None
        try:
            with self._answer_within(conn, threading.Event()):
                conn.execute("SELECT set_config('statement_timeout', %s, false)", (f"{int(self.timeout * 1000)}",))
        except psycopg.Error as exc:
            conn.close()
            raise StoreUnavailable(f"can't reach the session database {self.where}: {_first_line(exc)}") from None
        return conn

    def _lost(self) -> bool:
        return self._conn is None or self._conn.closed or self._conn.broken

    def _live(self) -> Any:
        """The connection, made again when the last one was lost."""
        if self._lost():
            if self._conn is not None:
                self._conn.close()
            self._conn = None
            self._conn = self._connect()
        return self._conn

    def _run(self, call: Callable[[Any], T]) -> T:
        """One statement on the connection, its errors said as the store's.

        Outside a transaction, a connection found lost is made again and the statement run once more."""
        psycopg = self._psycopg
        with self._lock:
            for attempt in (1, 2):
                conn = self._live()
                cut = threading.Event()
                try:
                    with self._answer_within(conn, cut):
                        return call(conn)
                except psycopg.Error as exc:
                    if attempt == 1 and not self._depth and self._lost():
                        continue  # a connection cut for not answering too: a stuck one, or one a failover left
                    raise self._said(exc, cut.is_set()) from None
            raise AssertionError("unreachable")

    @contextmanager
    def _answer_within(self, conn: Any, cut: threading.Event) -> Iterator[None]:
        """Cut the connection if the server says nothing for the timeout and a grace (it answers a
        statement timeout itself; a stopped or vanished server doesn't)."""
        if not self.timeout:
            yield
            return
        job = self._watchdog.watch(conn, self.timeout + GRACE_S, cut)
        try:
            yield
        finally:
            self._watchdog.done(job)

    def _said(self, exc: Exception, cut: bool) -> StoreError:
        errors = self._psycopg.errors
        if cut or isinstance(exc, errors.QueryCanceled):
            return StoreUnavailable(f"the session database {self.where} did not answer within {self.timeout:g} s "
                                    "(WEBCARE_DB_TIMEOUT)")
        if self._lost() or isinstance(exc, self._psycopg.OperationalError | self._psycopg.InterfaceError):
            return StoreUnavailable(f"lost the connection to the session database {self.where}: "
                                    f"{_first_line(exc)}")
        return StoreError(f"the session database {self.where} failed: {_first_line(exc)}")

    # ── the interface ──────────────────────────────────────────────────────────────
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        def run(conn: Any) -> list[tuple[Any, ...]]:
            cur = conn.execute(pyformat(sql), tuple(params))
            return cur.fetchall() if cur.description else []

        return self._run(run)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        def run(conn: Any) -> None:
            with conn.cursor() as cur:
                cur.executemany(pyformat(sql), rows)

        self._run(run)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:  # inside another: part of it, as on SQLite
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._run(lambda conn: conn.execute("BEGIN"))  # a connection lost since the last turn is made again
            self._depth = 1
            try:
                yield
            except BaseException:
                self._roll_back()
                raise
            else:
                self._run(lambda conn: conn.execute("COMMIT"))  # never repeated here: `transact` knows if it may
            finally:
                self._depth = 0

    def transact(self, work: Callable[[], T]) -> T:
        """`work` in one transaction; if the connection is lost after BEGIN, once more on a new one."""
        with self._lock:
            if self._depth:
                return work()
            began = False
            try:
                with self.transaction():
                    began = True
                    return work()
            except StoreUnavailable:
                if not (began and self._lost()):
                    raise  # no server to begin on, or a statement timed out: again would only wait again
            with self.transaction():
                return work()

    def _roll_back(self) -> None:
        if self._lost():
            return  # the server rolled back when the connection went
        try:
            with self._answer_within(self._conn, threading.Event()):
                self._conn.execute("ROLLBACK")
        except self._psycopg.Error:
            pass  # a connection that fails now is found lost at the next BEGIN

    def lock_for_migration(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(4242)")

    def close(self) -> None:
        with self._lock:
            self._watchdog.stop()
            if self._conn is not None:
                self._conn.close()


_SQL_TOKENS = re.compile(r"""
      '(?:[^']|'')*'              # a string literal ('' is a quote inside it)
    | "(?:[^"]|"")*"              # a quoted name
    | \$(\w*)\$.*?\$\1\$          # a dollar-quoted string
    | --[^\n]*                    # a comment to the end of the line
    | /\*.*?\*/                   # a block comment
    | ['"]                        # a quote never closed
    | [?%]                        # a placeholder; a percent sign
""", re.VERBOSE | re.DOTALL)


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """The store's SQL, written with SQLite's `?` placeholders, in psycopg's: each `?` outside quotes and comments
    becomes `%s`, and every `%` (psycopg reads them in literals too) `%%`. A `?` in a literal stays a `?`."""

    def token(match: re.Match[str]) -> str:
        text = match.group()
        if text == "?":
            return "%s"
        if text in ("'", '"'):
            raise StoreError(f"a quote is never closed in this SQL: {sql[:80]}")
        return text.replace("%", "%%")

    return _SQL_TOKENS.sub(token, sql)


class Watchdog:
    """One thread per backend, started on first use: it cuts the connection of a statement that runs past its
    deadline (the blocked read then sees the connection end; libpq's own state is left to its thread)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._job: tuple[float, Any, threading.Event] | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._wakes_at = math.inf
        """When the thread looks again by itself: a job due later needs no wake-up (one a turn at most)."""

    def watch(self, conn: Any, seconds: float, cut: threading.Event) -> tuple[float, Any, threading.Event]:
        job = (time.monotonic() + seconds, conn, cut)
        with self._cond:
            self._job = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="webcare-db-watchdog", daemon=True)
                self._thread.start()
            if job[0] < self._wakes_at:
                self._cond.notify()
        return job

    def done(self, job: tuple[float, Any, threading.Event]) -> None:
        with self._cond:
            if self._job is job:
                self._job = None

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def _run(self) -> None:
        with self._cond:
            while not self._stopped:
                if self._job is None:
                    self._wakes_at = math.inf
                    self._cond.wait()
                    continue
                deadline, conn, cut = self._job
                left = deadline - time.monotonic()
                if left > 0:
                    self._wakes_at = deadline
                    self._cond.wait(left)
                    continue
                self._job = None
                cut.set()
                with contextlib.suppress(Exception):  # a connection already gone needs no cutting
                    sock = socket.socket(fileno=conn.pgconn.socket)
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    finally:
                        sock.detach()  # the descriptor stays libpq's, to close


def _first_line(exc: Exception) -> str:
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return line.removeprefix("connection failed: ")
