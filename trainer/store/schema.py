"""The store's tables, versioned: each migration runs once, in order; a newer database is never touched."""

from __future__ import annotations

from trainer.store.backends import Backend
from trainer.store.errors import StoreError

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1 — sessions, their events turn by turn, coaches' notes and overrides
    (
        """CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            trainee TEXT NOT NULL,
            scenario TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL,
            channel TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT 'practice',
            seed INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            ended_at TEXT,
            turns INTEGER NOT NULL DEFAULT 0,
            outcome TEXT,
            outcome_kind TEXT,
            facilitator INTEGER,
            detective INTEGER,
            plumber INTEGER,
            scorecard TEXT,
            manifest TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX sessions_by_trainee ON sessions (trainee, started_at)",
        "CREATE INDEX sessions_by_scenario ON sessions (scenario, started_at)",
        """CREATE TABLE events (
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            turn INTEGER NOT NULL,
            kind TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        )""",
        """CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            turn INTEGER,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE overrides (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            trade TEXT NOT NULL,
            original INTEGER,
            score INTEGER NOT NULL,
            reason TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    ),
    # 2 — the onboarding campaign: a session's curriculum and module, certificates, leaderboard opt-ins
    (
        "ALTER TABLE sessions ADD COLUMN curriculum TEXT",
        "ALTER TABLE sessions ADD COLUMN module TEXT",
        "CREATE INDEX sessions_by_curriculum ON sessions (curriculum, module, trainee)",
        """CREATE TABLE certificates (
            code TEXT PRIMARY KEY,
            trainee TEXT NOT NULL,
            curriculum TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            coach TEXT NOT NULL,
            issued_at TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX certificates_by_trainee ON certificates (trainee, curriculum)",
        """CREATE TABLE leaderboard (
            curriculum TEXT NOT NULL,
            trainee TEXT NOT NULL,
            opted_in_at TEXT NOT NULL,
            PRIMARY KEY (curriculum, trainee)
        )""",
    ),
    # 3 — a session being played holds a lease (who plays it, until when), so no other game resumes it meanwhile
    (
        "ALTER TABLE sessions ADD COLUMN lease_holder TEXT",
        "ALTER TABLE sessions ADD COLUMN lease_until TEXT",
    ),
    # 4 — a class served in browsers: the class code, the coach's and trainees' passwords, as hashes only
    (
        """CREATE TABLE class_secrets (
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            set_at TEXT NOT NULL,
            PRIMARY KEY (role, name)
        )""",
    ),
)
VERSION = len(MIGRATIONS)
READABLE_FROM = 2
"""The oldest schema a read-only store can read: every column a reader asks for is there (not the lease)."""


def migrate(db: Backend, where: str) -> int:
    """Bring the schema up to VERSION; returns the version found before."""
    with db.transaction():
        db.lock_for_migration()
        db.execute("CREATE TABLE IF NOT EXISTS webcare_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = db.execute("SELECT value FROM webcare_meta WHERE key = 'schema_version'")
        found = int(row[0][0]) if row else 0
        if found > VERSION:
            raise StoreError(
                f"{where} was written by a newer Webcare Trainer (schema {found}; this one knows up to "
                f"{VERSION}). It was left untouched: upgrade webcare, or choose another database with --db")
        if not row and _has_foreign_tables(db):
            raise StoreError(f"{where} holds tables that are not Webcare Trainer's; it was left untouched: "
                             "choose another database with --db")
        for version in range(found + 1, VERSION + 1):
            for statement in MIGRATIONS[version - 1]:
                db.execute(statement)
        if found != VERSION:
            db.execute("INSERT INTO webcare_meta (key, value) VALUES ('schema_version', ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(VERSION),))
    return found


def check_readable(db: Backend, where: str) -> int:
    """For a store opened read-only: the schema version found, when this program can read it; never writes."""
    if not _has_table(db, "webcare_meta"):
        if _has_foreign_tables(db):
            raise StoreError(f"{where} holds tables that are not Webcare Trainer's; choose another database with --db")
        raise StoreError(f"{where} holds no Webcare Trainer sessions; choose another database with --db")
    row = db.execute("SELECT value FROM webcare_meta WHERE key = 'schema_version'")
    found = int(row[0][0]) if row else 0
    if found > VERSION:
        raise StoreError(f"{where} was written by a newer Webcare Trainer (schema {found}; this one knows up to "
                         f"{VERSION}): upgrade webcare to read it")
    if found < READABLE_FROM:
        raise StoreError(f"{where} was written by an older Webcare Trainer (schema {found}) and can't be brought up "
                         "to date where it is read-only: copy it to a writable folder and read it there")
    return found


def _has_table(db: Backend, name: str) -> bool:
    if db.dialect == "sqlite":
        return bool(db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))
    return bool(db.execute("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                           "AND table_name = ?", (name,)))


def _has_foreign_tables(db: Backend) -> bool:
    if db.dialect == "sqlite":
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    else:
        names = {r[0] for r in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
    return bool(names & {"sessions", "events", "notes", "overrides"})
