"""The session store: begin a session, record it turn by turn, finish it with its scorecard, read it back.

Every `record` is one committed transaction, so a session killed at any moment loses no
turn that was shown as played. Coaches' notes and score overrides are kept beside the
session; an override never changes the original score.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from trainer.engine.events import Event, event_from_dict
from trainer.store.backends import Backend, connect
from trainer.store.errors import StoreError
from trainer.store.location import Location, locate
from trainer.store.schema import migrate

TRADES = ("facilitator", "detective", "plumber")
ROW = ("id, trainee, scenario, title, language, channel, mode, seed, started_at, updated_at, ended_at, turns, "
       "outcome, outcome_kind, facilitator, detective, plumber, curriculum, module")
SORTABLE = {"started_at", "updated_at", "trainee", "scenario", "outcome", "turns", *TRADES}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


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
    scores: dict[str, int | None]
    curriculum: str | None = None
    """The curriculum and module this session was played for (a module's test); None: free play."""
    module: str | None = None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @classmethod
    def of(cls, row: Sequence[Any]) -> SessionRow:
        *head, fac, det, plu, curriculum, module = row
        return cls(*head, scores=dict(zip(TRADES, (fac, det, plu), strict=True)),  # type: ignore[arg-type]
                   curriculum=curriculum, module=module)


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    turn: int | None
    author: str
    text: str
    created_at: str


@dataclass(frozen=True, slots=True)
class Override:
    id: str
    trade: str
    original: int | None
    score: int
    reason: str
    author: str
    created_at: str


@dataclass(frozen=True)
class StoredSession:
    row: SessionRow
    events: list[Event]
    scorecard: dict[str, Any] | None
    manifest: dict[str, Any]
    notes: list[Note] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)

    def score(self, trade: str) -> int | None:
        """The trade's score as a coach last set it, else as the scorer gave it."""
        latest = next((o for o in reversed(self.overrides) if o.trade == trade), None)
        return latest.score if latest else self.row.scores.get(trade)


@dataclass(frozen=True, slots=True)
class ScenarioHistory:
    """A trainee's attempts at one scenario."""

    scenario: str
    title: str
    attempts: int
    finished: int
    best: dict[str, int | None]
    latest: dict[str, int | None]
    first_at: str
    last_at: str
    series: tuple[tuple[str, dict[str, int | None]], ...]
    """(finished at, scores) per finished attempt, oldest first: progress over time."""


class Store:
    def __init__(self, db: Backend, location: Location) -> None:
        self.db = db
        self.location = location
        migrate(db, location.describe())

    # ── playing ────────────────────────────────────────────────────────────────────
    def begin(self, *, trainee: str, scenario, seed: int = 0, mode: str = "practice",
              manifest: dict[str, Any] | None = None) -> str:
        """A new session row; returns its id. `scenario` is a loaded Scenario.

        A manifest's `curriculum` and `module` (a campaign's session) are kept in columns too."""
        session_id = uuid.uuid4().hex
        stamp = now()
        info = {"scenario_hash": scenario_hash(scenario), **(manifest or {})}
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO sessions (id, trainee, scenario, title, language, channel, mode, seed, started_at, "
                "updated_at, manifest, curriculum, module) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, trainee, scenario.id, scenario.title, scenario.language, scenario.channel, mode,
                 seed, stamp, stamp, json.dumps(info, ensure_ascii=False, sort_keys=True),
                 *_campaign_tag(info)),
            )
        return session_id

    def record(self, session_id: str, events: Sequence[Event], since: int) -> int:
        """Commit events[since:] in one transaction; returns how many are stored now.

        Safe to repeat: events an earlier attempt stored (its commit's answer lost) are not written twice."""
        fresh = list(events[since:])
        if not fresh:
            return since
        rows = [(session_id, since + i, e.turn, e.kind, json.dumps(e.to_dict(), ensure_ascii=False))
                for i, e in enumerate(fresh)]

        def write() -> None:
            there = self.db.execute("SELECT seq, data FROM events WHERE session_id = ? AND seq >= ? ORDER BY seq",
                                    (session_id, since))
            if [tuple(r) for r in there] != [(r[1], r[4]) for r in rows[:len(there)]]:
                raise StoreError(f"session {session_id} in {self.location.describe()} holds turns this game did "
                                 "not play: another program wrote to it meanwhile")
            if len(there) < len(rows):
                self.db.executemany("INSERT INTO events (session_id, seq, turn, kind, data) VALUES (?, ?, ?, ?, ?)",
                                    rows[len(there):])
            self.db.execute("UPDATE sessions SET turns = ?, updated_at = ? WHERE id = ?",
                            (max(e.turn for e in fresh), now(), session_id))

        self.db.transact(write)
        return since + len(fresh)

    def finish(self, session_id: str, scorecard: dict[str, Any]) -> None:
        trades = scorecard.get("trades", {})
        self.db.transact(lambda: self.db.execute(
            "UPDATE sessions SET ended_at = ?, updated_at = ?, outcome = ?, outcome_kind = ?, facilitator = ?, "
            "detective = ?, plumber = ?, scorecard = ? WHERE id = ?",
            (now(), now(), scorecard.get("outcome"), scorecard.get("outcome_kind"),
             *(trades.get(t, {}).get("score") for t in TRADES),
             json.dumps(scorecard, ensure_ascii=False), session_id),
        ))

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
        """Close an unfinished session without a score (it can't be resumed as it was); its turns stay."""
        with self.db.transaction():
            self.db.execute("UPDATE sessions SET ended_at = ?, updated_at = ?, outcome = 'abandoned' "
                            "WHERE id = ? AND ended_at IS NULL", (now(), now(), session_id))

    def discard(self, session_id: str) -> None:
        """Forget an unfinished session the trainee chose not to resume."""
        with self.db.transaction():
            self.db.execute("DELETE FROM sessions WHERE id = ? AND ended_at IS NULL", (session_id,))

    def put(self, s: StoredSession) -> bool:
        """Store a whole session from elsewhere (an import); False when it is here already.

        Notes and overrides it brings are merged by id, so importing twice changes nothing.
        """
        r = s.row
        with self.db.transaction():
            known = self.db.execute("SELECT 1 FROM sessions WHERE id = ?", (r.id,))
            if not known:
                self.db.execute(
                    f"INSERT INTO sessions ({ROW}, scorecard, manifest) VALUES ({', '.join('?' * 21)})",
                    (r.id, r.trainee, r.scenario, r.title, r.language, r.channel, r.mode, r.seed, r.started_at,
                     r.updated_at, r.ended_at, r.turns, r.outcome, r.outcome_kind,
                     *(r.scores.get(t) for t in TRADES),
                     *((r.curriculum, r.module) if r.curriculum else _campaign_tag(s.manifest)),
                     None if s.scorecard is None else json.dumps(s.scorecard, ensure_ascii=False),
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
        rows = self.db.execute(f"SELECT {ROW}, scorecard, manifest FROM sessions WHERE id = ?", (session_id,))
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
        return StoredSession(SessionRow.of(head), events, json.loads(scorecard) if scorecard else None,
                             json.loads(manifest or "{}"), notes, overrides)

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
        sql = f"SELECT {ROW} FROM sessions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} {'DESC' if descending else 'ASC'}, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [SessionRow.of(r) for r in self.db.execute(sql, params)]

    def unfinished(self, trainee: str | None = None) -> list[SessionRow]:
        """Sessions that stopped before an outcome (closed terminal, crash): the picker offers them."""
        return self.sessions(trainee=trainee, finished=False, order="updated_at")

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
        item = Override(uuid.uuid4().hex, trade, row.scores[trade], score, reason.strip(), author, now())
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO overrides (id, session_id, trade, original, score, reason, author, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, session_id, trade, item.original, score, item.reason, author, item.created_at))
        return item

    # ── the campaign ───────────────────────────────────────────────────────────────
    def scorecards(self, session_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Session id → its scorecard, for the finished sessions among `session_ids` (badges read these)."""
        out: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(session_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for session_id, card in self.db.execute(
                    f"SELECT id, scorecard FROM sessions WHERE scorecard IS NOT NULL AND id IN "
                    f"({', '.join('?' * len(chunk))})", chunk):
                out[session_id] = json.loads(card)
        return out

    def add_certificate(self, cert: CertificateRow) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO certificates (code, trainee, curriculum, title, language, coach, issued_at, details) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (cert.code, cert.trainee, cert.curriculum, cert.title, cert.language, cert.coach, cert.issued_at,
                 json.dumps(cert.details, ensure_ascii=False, sort_keys=True)))

    def certificate(self, code: str) -> CertificateRow | None:
        rows = self.db.execute(f"SELECT {CERTIFICATE} FROM certificates WHERE code = ?", (code,))
        return CertificateRow.of(rows[0]) if rows else None

    def certificates(self, *, trainee: str | None = None, curriculum: str | None = None) -> list[CertificateRow]:
        """Certificates issued, oldest first."""
        where, params = [], []
        for column, value in (("trainee", trainee), ("curriculum", curriculum)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = f"SELECT {CERTIFICATE} FROM certificates"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [CertificateRow.of(r) for r in self.db.execute(sql + " ORDER BY issued_at, code", params)]

    def set_leaderboard(self, trainee: str, curriculum: str, opt_in: bool) -> None:
        """Show (or stop showing) this trainee on the curriculum's leaderboards."""
        with self.db.transaction():
            if opt_in:
                self.db.execute("INSERT INTO leaderboard (curriculum, trainee, opted_in_at) VALUES (?, ?, ?) "
                                "ON CONFLICT (curriculum, trainee) DO NOTHING", (curriculum, trainee, now()))
            else:
                self.db.execute("DELETE FROM leaderboard WHERE curriculum = ? AND trainee = ?",
                                (curriculum, trainee))

    def leaderboard_opt_ins(self, curriculum: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT trainee FROM leaderboard WHERE curriculum = ?",
                                              (curriculum,))}

    def _require(self, session_id: str) -> SessionRow:
        rows = self.db.execute(f"SELECT {ROW} FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise StoreError(f"no session {session_id} in {self.location.describe()}")
        return SessionRow.of(rows[0])

    def close(self) -> None:
        self.db.close()


CERTIFICATE = "code, trainee, curriculum, title, language, coach, issued_at, details"


@dataclass(frozen=True, slots=True)
class CertificateRow:
    """A certificate as issued: who, which curriculum, by which coach, when, and the scores it was for."""

    code: str
    trainee: str
    curriculum: str
    title: str
    language: str
    coach: str
    issued_at: str
    details: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, row: Sequence[Any]) -> CertificateRow:
        *head, details = row
        return cls(*head, details=json.loads(details or "{}"))


def _campaign_tag(manifest: dict[str, Any]) -> tuple[str | None, str | None]:
    curriculum, module = manifest.get("curriculum"), manifest.get("module")
    return (str(curriculum) if curriculum else None, str(module) if module and curriculum else None)


def scenario_hash(scenario) -> str:
    """Which version of the scenario was played: the file's bytes when there is a file."""
    path = getattr(scenario, "path", None)
    data = path.read_bytes() if path and path.exists() else scenario.model_dump_json().encode()
    return "sha256:" + hashlib.sha256(data).hexdigest()[:16]


def open_store(db: str | None = None, env: dict[str, str] | None = None) -> Store:
    """The store `--db`, WEBCARE_DATABASE_URL, WEBCARE_DB or the user's data dir points to."""
    location = locate(db, env)
    return Store(connect(location), location)
