"""The session store: begin a session, record it turn by turn, finish it with its scorecard, read it back.

A scorecard goes in and comes out as a `scoring.Scorecard`; its JSON (`to_dict`) is what is kept.

Every `record` is one committed transaction, so a session killed at any moment loses no
turn that was shown as played. Coaches' notes and score overrides are kept beside the
session; an override never changes the original score.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scoring.scorecard import Scorecard, as_scorecard  # plain dataclasses: cheap to import
from trainer.engine.events import Event, event_from_dict
from trainer.scenario.kinds import TRADES, Trade
from trainer.store import lease
from trainer.store.backends import Backend, connect
from trainer.store.campaign import CampaignRecords
from trainer.store.classroom import ClassRecords
from trainer.store.errors import StoreError
from trainer.store.leasing import Leasing
from trainer.store.listing import ListingStamp
from trainer.store.location import Location, locate
from trainer.store.records import (
    Note,
    Override,
    ScenarioHistory,
    StoredSession,
    campaign_tag,
    now,
    scenario_hash,
    stored_card,
    trade_columns,
)
from trainer.store.schema import check_readable, migrate

if TYPE_CHECKING:
    from trainer.scenario.models import Scenario

__all__ = ["TRADES", "Note", "Override", "SessionRow", "Store", "open_store"]
"""With the trades and a stored note and override: what a rebuilt session (`trainer.review`) names from here."""

ROW = ("id, trainee, scenario, title, language, channel, mode, seed, started_at, updated_at, ended_at, turns, "
       "outcome, outcome_kind, facilitator, detective, plumber, curriculum, module")
SORTABLE = {"started_at", "updated_at", "trainee", "scenario", "outcome", "turns", *TRADES}


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One session as a list shows it."""

    id: str
    trainee: str
    scenario: str
    title: str
    language: str
    channel: str
    mode: str
    seed: int
    started_at: str
    updated_at: str
    ended_at: str | None
    turns: int
    outcome: str | None
    outcome_kind: str | None
    scores: dict[Trade, int | None]
    curriculum: str | None = None
    """The curriculum and module this session was played for (a module's test); None: free play."""
    module: str | None = None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @classmethod
    def of(cls, row: Sequence[Any]) -> SessionRow:
        (id_, trainee, scenario, title, language, channel, mode, seed, started_at, updated_at, ended_at, turns,
         outcome, outcome_kind, fac, det, plu, curriculum, module) = row  # the columns of ROW, in its order
        return cls(id_, trainee, scenario, title, language, channel, mode, seed, started_at, updated_at, ended_at,
                   turns, outcome, outcome_kind, scores=dict(zip(TRADES, (fac, det, plu), strict=True)),
                   curriculum=curriculum, module=module)


class Store(Leasing, CampaignRecords, ClassRecords, ListingStamp):
    """Sessions in one database. A store that begins or resumes a session holds its lease until it finishes,
    releases it, or closes (see `trainer.store.lease`): no other game resumes it meanwhile.

    `read_only` (for `history` and `export`) never writes: no migration, no lease, nothing begun.
    """

    def __init__(self, db: Backend, location: Location, *, read_only: bool = False) -> None:
        self.db = db
        self.location = location
        self.read_only = read_only
        self.holder = lease.new_holder()
        self._held: set[str] = set()
        self._heartbeat: lease.Heartbeat | None = None
        try:
            if read_only and not getattr(db, "blank", False):
                check_readable(db, location.describe())
                return
            if not read_only:
                db.check_for_writing()
            migrate(db, location.describe())
            if not read_only:
                with db.transaction():  # can anything be written here (read-only file, full disk)? Told now, once.
                    db.execute("UPDATE webcare_meta SET value = value WHERE key = 'schema_version'")
        except BaseException:
            db.close()
            raise

    # ── playing ────────────────────────────────────────────────────────────────────
    def begin(self, *, trainee: str, scenario: Scenario, seed: int = 0, mode: str = "practice",
              manifest: dict[str, Any] | None = None) -> str:
        """A new session row; returns its id. `scenario` is a loaded Scenario.

        A manifest's `curriculum` and `module` (a campaign's session) are kept in columns too."""
        session_id = uuid.uuid4().hex
        stamp = now()
        info = {"scenario_hash": scenario_hash(scenario), **(manifest or {})}
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO sessions (id, trainee, scenario, title, language, channel, mode, seed, started_at, "
                "updated_at, manifest, curriculum, module, lease_holder, lease_until) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, trainee, scenario.id, scenario.title, scenario.language, scenario.channel, mode,
                 seed, stamp, stamp, json.dumps(info, ensure_ascii=False, sort_keys=True),
                 *campaign_tag(info), self.holder, lease.until()),
            )
        self._hold(session_id)
        return session_id

    def record(self, session_id: str, events: Sequence[Event], since: int) -> int:
        """Commit events[since:] in one transaction, renewing the session's lease; returns how many are stored now.

        SessionHeld when another game took the session over meanwhile (this one's lease had run out). Safe to
        repeat: events an earlier attempt stored (its commit's answer lost) are not written twice."""
        fresh = list(events[since:])
        if not fresh:
            return since
        rows = [(session_id, since + i, e.turn, e.kind, json.dumps(e.to_dict(), ensure_ascii=False))
                for i, e in enumerate(fresh)]

        def write() -> None:
            self.db.execute("UPDATE sessions SET turns = ?, updated_at = ?, lease_until = ? "
                            "WHERE id = ? AND lease_holder = ? AND ended_at IS NULL",
                            (max(e.turn for e in fresh), now(), lease.until(), session_id, self.holder))
            self._still_held(session_id)
            there = self.db.execute("SELECT seq, data FROM events WHERE session_id = ? AND seq >= ? ORDER BY seq",
                                    (session_id, since))
            if [tuple(r) for r in there] != [(r[1], r[4]) for r in rows[:len(there)]]:
                raise StoreError(f"session {session_id} in {self.location.describe()} holds turns this game did "
                                 "not play: another program wrote to it meanwhile")
            if len(there) < len(rows):
                self.db.executemany("INSERT INTO events (session_id, seq, turn, kind, data) VALUES (?, ?, ?, ?, ?)",
                                    rows[len(there):])

        self.db.transact(write)
        return since + len(fresh)

    def finish(self, session_id: str, scorecard: Scorecard | Mapping[str, Any]) -> None:
        """Close the session with its scorecard and let go of its lease.

        The scorecard's JSON (`to_dict()`) may still be given instead, as callers did before it was typed."""
        card = as_scorecard(scorecard)
        stamp = now()

        def write() -> None:
            self.db.execute(
                "UPDATE sessions SET ended_at = ?, updated_at = ?, outcome = ?, outcome_kind = ?, facilitator = ?, "
                "detective = ?, plumber = ?, scorecard = ?, lease_holder = NULL, lease_until = NULL "
                "WHERE id = ? AND lease_holder = ? AND ended_at IS NULL",
                (stamp, stamp, card.outcome, card.outcome_kind, *trade_columns(card),
                 json.dumps(card.to_dict(), ensure_ascii=False), session_id, self.holder),
            )
            self._still_held(session_id, ended_at=stamp)  # a retry finds it ended at this stamp: done before

        self.db.transact(write)
        self._held.discard(session_id)

    def amend_manifest(self, session_id: str, extra: dict[str, Any]) -> None:
        """Add to a session's manifest (what a live customer cost, known only at the end); keys in `extra` win."""
        with self.db.transaction():
            rows = self.db.execute("SELECT manifest FROM sessions WHERE id = ?", (session_id,))
            if not rows:
                raise StoreError(f"no session {session_id} in {self.location.describe()}")
            info = {**json.loads(rows[0][0] or "{}"), **extra}
            self.db.execute("UPDATE sessions SET manifest = ? WHERE id = ?",
                            (json.dumps(info, ensure_ascii=False, sort_keys=True), session_id))

    def abandon(self, session_id: str) -> None:
        """Close an unfinished session without a score (it can't be resumed as it was); its turns stay.

        SessionHeld when another game is playing it."""
        with self.db.transaction():
            self.take(session_id)
            self.db.execute("UPDATE sessions SET ended_at = ?, updated_at = ?, outcome = 'abandoned', "
                            "lease_holder = NULL, lease_until = NULL WHERE id = ? AND ended_at IS NULL",
                            (now(), now(), session_id))
        self._held.discard(session_id)

    def discard(self, session_id: str) -> None:
        """Forget an unfinished session the trainee chose not to resume (SessionHeld when another game plays it)."""
        with self.db.transaction():
            self.take(session_id)
            self.db.execute("DELETE FROM sessions WHERE id = ? AND ended_at IS NULL", (session_id,))
        self._held.discard(session_id)

    def put(self, s: StoredSession) -> bool:
        """Store a whole session from elsewhere (an import); False when it is here already.

        Notes and overrides it brings are merged by id, so importing twice changes nothing.
        """
        r = s.row
        with self.db.transaction():
            known = self.db.execute("SELECT 1 FROM sessions WHERE id = ?", (r.id,))
            if not known:
                self.db.execute(
                    f"INSERT INTO sessions ({ROW}, scorecard, manifest) VALUES ({', '.join('?' * 21)})",  # noqa: S608 - constant columns, placeholders only
                    (r.id, r.trainee, r.scenario, r.title, r.language, r.channel, r.mode, r.seed, r.started_at,
                     r.updated_at, r.ended_at, r.turns, r.outcome, r.outcome_kind,
                     *(r.scores.get(t) for t in TRADES),
                     *((r.curriculum, r.module) if r.curriculum else campaign_tag(s.manifest)),
                     None if s.scorecard is None else json.dumps(s.scorecard.to_dict(), ensure_ascii=False),
                     json.dumps(s.manifest, ensure_ascii=False, sort_keys=True)))
                self.db.executemany(
                    "INSERT INTO events (session_id, seq, turn, kind, data) VALUES (?, ?, ?, ?, ?)",
                    [(r.id, i, e.turn, e.kind, json.dumps(e.to_dict(), ensure_ascii=False))
                     for i, e in enumerate(s.events)])
            for n in s.notes:
                self.db.execute("INSERT INTO notes (id, session_id, turn, author, text, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                                (n.id, r.id, n.turn, n.author, n.text, n.created_at))
            for o in s.overrides:
                self.db.execute(
                    "INSERT INTO overrides (id, session_id, trade, original, score, reason, author, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    (o.id, r.id, o.trade, o.original, o.score, o.reason, o.author, o.created_at))
        return not known

    # ── reading ────────────────────────────────────────────────────────────────────
    def load(self, session_id: str) -> StoredSession:
        rows = self.db.execute(f"SELECT {ROW}, scorecard, manifest FROM sessions WHERE id = ?",  # noqa: S608 - constant columns
                               (session_id,))
        if not rows:
            raise StoreError(f"no session {session_id} in {self.location.describe()}")
        *head, scorecard, manifest = rows[0]
        events = [event_from_dict(json.loads(data)) for (data,) in self.db.execute(
            "SELECT data FROM events WHERE session_id = ? ORDER BY seq", (session_id,))]
        notes = [Note(*r) for r in self.db.execute(
            "SELECT id, turn, author, text, created_at FROM notes WHERE session_id = ? ORDER BY created_at, id",
            (session_id,))]
        overrides = [Override(*r) for r in self.db.execute(
            "SELECT id, trade, original, score, reason, author, created_at FROM overrides WHERE session_id = ? "
            "ORDER BY created_at, id", (session_id,))]
        return StoredSession(SessionRow.of(head), events, stored_card(scorecard), json.loads(manifest or "{}"), notes,
                             overrides)

    def sessions(self, *, trainee: str | None = None, scenario: str | None = None, outcome: str | None = None,
                 finished: bool | None = None, since: str | None = None, until: str | None = None,
                 order: str = "started_at", descending: bool = True, limit: int | None = None,
                 curriculum: str | None = None, module: str | None = None) -> list[SessionRow]:
        """Sessions that match every filter given, sorted."""
        if order not in SORTABLE:
            raise StoreError(f"can't sort by '{order}'; choose one of: {', '.join(sorted(SORTABLE))}")
        where, params = [], []
        for column, value in (("trainee", trainee), ("scenario", scenario), ("outcome", outcome),
                              ("curriculum", curriculum), ("module", module)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if finished is not None:
            where.append("ended_at IS NOT NULL" if finished else "ended_at IS NULL")
        if since:
            where.append("started_at >= ?")
            params.append(since)
        if until:
            where.append("started_at < ?")
            params.append(until)
        sql = f"SELECT {ROW} FROM sessions"  # noqa: S608 - constant columns; `order` is one of SORTABLE; values are parameters
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} {'DESC' if descending else 'ASC'}, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [SessionRow.of(r) for r in self.db.execute(sql, params)]

    def unfinished(self, trainee: str | None = None, *, held: bool = False) -> list[SessionRow]:
        """Sessions that stopped before an outcome (closed terminal, crash) and that no other game is playing now:
        the picker and `--resume` offer these. `held=True`: those another game plays now, instead."""
        rows = self.sessions(trainee=trainee, finished=False, order="updated_at")
        if not rows:
            return rows
        sql = "SELECT id, lease_holder, lease_until FROM sessions WHERE ended_at IS NULL"
        leases = {r[0]: (r[1], r[2]) for r in self.db.execute(sql + (" AND trainee = ?" if trainee else ""),
                                                         (trainee,) if trainee else ())}
        stamp = now()
        return [r for r in rows if lease.free(*leases.get(r.id, (None, None)), self.holder, stamp) != held]

    def overridden(self) -> dict[str, dict[str, int]]:
        """Session id → trade → the coach's latest score, for every session a coach has changed."""
        out: dict[str, dict[str, int]] = {}
        for session_id, trade, score in self.db.execute(
                "SELECT session_id, trade, score FROM overrides ORDER BY created_at, id"):
            out.setdefault(session_id, {})[trade] = score
        return out

    def trainees(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT trainee FROM sessions ORDER BY trainee")]

    def history(self, trainee: str) -> list[ScenarioHistory]:
        """Attempts per scenario with best and latest scores: a trainee's progress."""
        by_scenario: dict[str, list[SessionRow]] = {}
        for row in self.sessions(trainee=trainee, order="started_at", descending=False):
            by_scenario.setdefault(row.scenario, []).append(row)
        out = []
        for scenario, rows in by_scenario.items():
            done = [r for r in rows if r.finished]
            top = max(done, key=lambda r: sum(v for v in r.scores.values() if v is not None), default=None)
            best = dict(top.scores) if top else dict.fromkeys(TRADES)  # one attempt: trades never mixed
            latest = done[-1].scores if done else dict.fromkeys(TRADES)
            out.append(ScenarioHistory(
                scenario, rows[-1].title, len(rows), len(done), best, latest, rows[0].started_at,
                rows[-1].updated_at, tuple((r.ended_at or "", r.scores) for r in done),
            ))
        return out

    # ── coaching ───────────────────────────────────────────────────────────────────
    def add_note(self, session_id: str, text: str, *, author: str, turn: int | None = None) -> Note:
        if not text.strip():
            raise StoreError("a note needs some text")
        self._require(session_id)
        note = Note(uuid.uuid4().hex, turn, author, text.strip(), now())
        with self.db.transaction():
            self.db.execute("INSERT INTO notes (id, session_id, turn, author, text, created_at) "
                            "VALUES (?, ?, ?, ?, ?, ?)", (note.id, session_id, turn, author, note.text, note.created_at))
        return note

    def override(self, session_id: str, trade: str, score: int, *, reason: str, author: str) -> Override:
        """A coach's score for a trade, with why; the scorer's stays visible as `original`."""
        if trade not in TRADES:
            raise StoreError(f"unknown trade '{trade}'; one of: {', '.join(TRADES)}")
        if not 0 <= score <= 100:
            raise StoreError(f"a score is 0–100, not {score}")
        if not reason.strip():
            raise StoreError("say why you override the score: the trainee and other coaches will read it")
        row = self._require(session_id)
        item = Override(uuid.uuid4().hex, trade, row.scores[Trade(trade)], score, reason.strip(), author, now())
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO overrides (id, session_id, trade, original, score, reason, author, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, session_id, trade, item.original, score, item.reason, author, item.created_at))
        return item

    # ── the campaign ───────────────────────────────────────────────────────────────
    def scorecards(self, session_ids: Sequence[str]) -> dict[str, Scorecard]:
        """Session id → its scorecard, for the finished sessions among `session_ids` (badges read these)."""
        out: dict[str, Scorecard] = {}
        ids = list(dict.fromkeys(session_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for session_id, card in self.db.execute(
                    f"SELECT id, scorecard FROM sessions WHERE scorecard IS NOT NULL AND id IN "  # noqa: S608 - placeholders only
                    f"({', '.join('?' * len(chunk))})", chunk):
                out[session_id] = Scorecard.from_dict(json.loads(card))
        return out

    def _require(self, session_id: str) -> SessionRow:
        rows = self.db.execute(f"SELECT {ROW} FROM sessions WHERE id = ?", (session_id,))  # noqa: S608 - constant columns
        if not rows:
            raise StoreError(f"no session {session_id} in {self.location.describe()}")
        return SessionRow.of(rows[0])

    def close(self) -> None:
        """Let go of the leases still held (a game left before its end can be resumed at once), then close."""
        if self._heartbeat is not None:
            self._heartbeat.stop()
        if self._held:
            self._held.clear()
            try:
                with self.db.transaction():
                    self.db.execute("UPDATE sessions SET lease_holder = NULL, lease_until = NULL "
                                    "WHERE lease_holder = ?", (self.holder,))
            except StoreError:
                pass  # a full disk or a lost server: the leases run out by themselves
        self.db.close()


def open_store(db: str | None = None, env: dict[str, str] | None = None, *, read_only: bool = False) -> Store:
    """The store `--db`, WEBCARE_DATABASE_URL, WEBCARE_DB or the user's data dir points to.

    `read_only`: for reading only (`history`, `export`), also from a read-only folder or mount."""
    location = locate(db, env)
    return Store(connect(location, read_only=read_only), location, read_only=read_only)
