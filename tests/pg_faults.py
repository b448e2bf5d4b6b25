"""What goes wrong with a real PostgreSQL server, on purpose: dropped connections, a restart, a lock, a frozen backend.

The stories in tests/store/test_store_connection*.py and the soak's dropped-connection check use these
against a server of tests/pg_server.py; nothing is mocked.
"""

from __future__ import annotations

import io
import os
import signal
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg

from trainer.engine.clock import untimed
from trainer.plain import play_plain
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")
MOVES = next(p for p in LEGROOM.playthroughs if p.name == "exemplary").trainee
"""Nine moves that resolve the case."""
FAULT = "webcare-fault"
"""The connections that make the faults: never dropped themselves."""


def fresh_database(server) -> str:
    return server.database("c_" + uuid.uuid4().hex[:12])


def admin(server, sql: str, params=()) -> list[tuple]:
    """A statement as the server's administrator, on a connection of its own."""
    with psycopg.connect(server.url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def drop_connections(server, url: str) -> int:
    """`pg_terminate_backend` on the connections to the database at `url` (the game's, the review's); waits
    until they are gone."""
    name = url.rsplit("/", 1)[1]
    return admin(server, "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                         "WHERE datname = %s AND pid <> pg_backend_pid() AND application_name <> %s",
                 (name, FAULT))[0][0]


def drop_inside_a_turn(url: str, *, at_row: int, deferred: bool = False) -> None:
    """The connection that writes the `at_row`-th event row from now kills itself while writing it (once), or
    at its COMMIT (`deferred`): a connection lost in the middle of a turn's transaction. `rearm` sets it again."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE SEQUENCE webcare_drops")
        conn.execute("CREATE TABLE webcare_trap (at_row INTEGER NOT NULL)")
        conn.execute("INSERT INTO webcare_trap VALUES (%s)", (at_row,))
        conn.execute("""CREATE FUNCTION webcare_drop_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('webcare_drops') = (SELECT at_row FROM webcare_trap) THEN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    PERFORM pg_sleep(5);  -- dies here, before the statement is done
                END IF;
                RETURN NEW;
            END $$""")
        if deferred:
            conn.execute("CREATE CONSTRAINT TRIGGER webcare_drop AFTER INSERT ON events DEFERRABLE INITIALLY "
                         "DEFERRED FOR EACH ROW EXECUTE FUNCTION webcare_drop_once()")
        else:
            conn.execute("CREATE TRIGGER webcare_drop BEFORE INSERT ON events FOR EACH ROW "
                         "EXECUTE FUNCTION webcare_drop_once()")


def rearm(url: str, at_row: int) -> None:
    """`drop_inside_a_turn` again: at the `at_row`-th event row written from now."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT setval('webcare_drops', 1, false)")
        conn.execute("UPDATE webcare_trap SET at_row = %s", (at_row,))


def trap_sprung(url: str, at_row: int) -> bool:
    """Whether `drop_inside_a_turn` dropped the connection: rows were counted past the one it killed at."""
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute("SELECT last_value FROM webcare_drops").fetchone()[0] > at_row


def running(server) -> None:
    """The server started again if a story stopped it (so the next story finds it)."""
    import socket

    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
    except OSError:
        server.run()


@contextmanager
def events_locked(url: str):
    """Another program holds the events table: every write (and read) of a turn waits."""
    holder = psycopg.connect(url, application_name=FAULT)
    holder.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        holder.rollback()
        holder.close()


@contextmanager
def frozen(pid: int):
    """The server process behind one connection stops (SIGSTOP): it answers nothing, not even a timeout."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


@dataclass
class Played:
    """A plain-text game played to the end against a store: what was shown, and what the game holds."""

    out: str
    game: Round | None = None

    @property
    def saved(self):
        return self.game.saved if self.game is not None else None

    said: list[str] = field(default_factory=list)
    """The lines about saving: `!` lines and the database's return."""


def play(url: str, moves=MOVES, between=None) -> Played:
    """The trainee plays the legroom case in plain text, kept in the store at `url`; `between(i)` runs
    before move i is typed (what happens to the database meanwhile)."""
    store = open_store(url)
    played = Played("")

    def begin() -> Round:
        played.game = Round(LEGROOM, clock=untimed)
        played.game.keep(store, trainee="anna")
        return played.game

    def lines():
        for i, move in enumerate(moves):
            if between is not None:
                between(i)
            yield move

    out = io.StringIO()
    try:
        play_plain(LEGROOM, lines(), out, begin=begin)
    finally:
        store.close()
    played.out = out.getvalue()
    played.said = [line for line in played.out.splitlines() if line.startswith(("!", "(The session database"))]
    return played


def stored_events(url: str, session_id: str):
    store = open_store(url)
    try:
        return store.load(session_id)
    finally:
        store.close()
