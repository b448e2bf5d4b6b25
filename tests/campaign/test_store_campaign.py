"""The campaign in the store: schema 2 from schema 1, tagged test sessions, certificates and leaderboard opt-ins,
on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.campaign.story import play_into
from trainer.campaign.certificates import certify, trainee_progress, verify
from trainer.campaign.library import find_curriculum
from trainer.errors import TrainerError
from trainer.review.sessionjson import session_from_dict, session_to_dict
from trainer.store import StoreError, open_store
from trainer.store.backends import connect
from trainer.store.location import locate
from trainer.store.schema import VERSION

EN = find_curriculum("onboarding-en")

SCHEMA_1 = (  # the tables as Webcare Trainer made them before the campaign (trainer/store/schema.py, schema 1)
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY, trainee TEXT NOT NULL, scenario TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL, channel TEXT NOT NULL DEFAULT '', mode TEXT NOT NULL DEFAULT 'practice',
        seed INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL, updated_at TEXT NOT NULL, ended_at TEXT,
        turns INTEGER NOT NULL DEFAULT 0, outcome TEXT, outcome_kind TEXT, facilitator INTEGER, detective INTEGER,
        plumber INTEGER, scorecard TEXT, manifest TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX sessions_by_trainee ON sessions (trainee, started_at)",
    "CREATE INDEX sessions_by_scenario ON sessions (scenario, started_at)",
    """CREATE TABLE events (
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        turn INTEGER NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (session_id, seq))""",
    """CREATE TABLE notes (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE, turn INTEGER,
        author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL)""",
    """CREATE TABLE overrides (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        trade TEXT NOT NULL, original INTEGER, score INTEGER NOT NULL, reason TEXT NOT NULL, author TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE TABLE webcare_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO webcare_meta (key, value) VALUES ('schema_version', '1')",
    ("INSERT INTO sessions (id, trainee, scenario, title, language, started_at, updated_at, ended_at, outcome, "
    "facilitator, detective, plumber, scorecard) VALUES ('old1', 'anna', 'legroom-en', 'The legroom', 'en', "
    "'2025-01-06T09:00:00Z', '2025-01-06T09:10:00Z', '2025-01-06T09:10:00Z', 'resolved', 80, 70, 60, '{}')"),
)


def _by_hand(db_url: str, statements) -> None:
    db = connect(locate(db_url))
    try:
        with db.transaction():
            for statement in statements:
                db.execute(statement)
    finally:
        db.close()


def _version(db_url: str) -> int:
    db = connect(locate(db_url))
    try:
        return int(db.execute("SELECT value FROM webcare_meta WHERE key = 'schema_version'")[0][0])
    finally:
        db.close()


def test_a_schema_1_store_is_migrated_and_keeps_its_sessions(db_url):
    _by_hand(db_url, SCHEMA_1)
    store = open_store(db_url)
    try:
        [old] = store.sessions()
        assert (old.id, old.trainee, old.scores["facilitator"], old.curriculum, old.module) == \
            ("old1", "anna", 80, None, None)
        assert store.history("anna")[0].best["plumber"] == 60
        store.set_leaderboard("anna", "onboarding-en", True)
        assert store.leaderboard_opt_ins("onboarding-en") == {"anna"}
    finally:
        store.close()
    assert _version(db_url) == VERSION == 4
    open_store(db_url).close()  # opening again migrates nothing twice


def test_a_store_from_a_newer_version_is_still_refused(db_url):
    open_store(db_url).close()
    _by_hand(db_url, [f"UPDATE webcare_meta SET value = '{VERSION + 1}' WHERE key = 'schema_version'"])
    with pytest.raises(StoreError, match=f"newer Webcare Trainer \\(schema {VERSION + 1}"):
        open_store(db_url)


def test_a_modules_test_is_tagged_through_the_manifest_and_the_tag_survives_export_and_import(store, tmp_path):
    tagged = play_into(store, "public-details-en", "mediocre", mode="test", curriculum="onboarding-en",
                       module="protect-first")
    free = play_into(store, "public-details-en", "mediocre", mode="test")
    rows = {r.id: r for r in store.sessions()}
    assert (rows[tagged].curriculum, rows[tagged].module, rows[tagged].mode) == \
        ("onboarding-en", "protect-first", "test")
    assert (rows[free].curriculum, rows[free].module) == (None, None)
    assert [r.id for r in store.sessions(curriculum="onboarding-en", module="protect-first")] == [tagged]
    exported = json.loads(json.dumps(session_to_dict(store.load(tagged))))
    other = open_store(str(tmp_path / "elsewhere.db"))
    try:
        assert other.put(session_from_dict(exported))
        [moved] = other.sessions()
        assert (moved.curriculum, moved.module) == ("onboarding-en", "protect-first")
    finally:
        other.close()


def test_fail_practise_pass_unlock_earn_a_badge_and_get_a_verifiable_certificate(store):
    later = datetime.now(UTC) + timedelta(hours=25)  # past the attempt window
    play_into(store, "public-details-en", "mediocre")
    play_into(store, "public-details-en", "asked-in-public", mode="test", curriculum=EN.id, module="protect-first")
    p = trainee_progress(store, EN, "anna")
    assert p.current.module.id == "protect-first" and p.current.tests == 1 and p.current.test_open_at
    with pytest.raises(TrainerError, match="has not passed every module of onboarding-en yet"):
        certify(store, EN, "anna", "coach Kim")
    play_into(store, "public-details-en", "exemplary")
    assert trainee_progress(store, EN, "anna", later).current.next_mode == "test"
    play_into(store, "public-details-en", "exemplary", mode="test", curriculum=EN.id, module="protect-first")
    p = trainee_progress(store, EN, "anna", later)
    assert p.modules[0].passed and p.current.module.id == "find-the-facts" and p.current.unlocked
    assert {"every-question", "taken-private"} <= {b.badge.id for b in p.badges}
    assert trainee_progress(store, EN, "anna").streak_days == 1  # played today

    for module in EN.modules[1:]:
        play_into(store, module.test_scenario, "exemplary")
        play_into(store, module.test_scenario, "exemplary", mode="test", curriculum=EN.id, module=module.id)
    cert = certify(store, EN, "anna", "coach Kim")
    assert cert.code.startswith("WCT-") and cert.trainee == "anna" and cert.coach == "coach Kim"
    assert [m["id"] for m in cert.modules] == [m.id for m in EN.modules]
    assert all(m["scores"]["facilitator"] >= m["pass_mark"]["facilitator"] for m in cert.modules)
    assert certify(store, EN, "anna", "coach Kim").code == cert.code  # asked again: the same certificate
    assert verify(store, cert.code.lower().replace("-", " ")) == cert
    assert verify(store, "WCT-2222-2222-2222") is None and verify(store, "") is None


def test_certificates_and_leaderboard_opt_ins_are_kept(store):
    from trainer.store import CertificateRow

    row = CertificateRow("WCT-ABCD-EFGH-JKLM", "anna", "onboarding-en", "Webcare onboarding", "en", "Kim",
                         "2026-03-09T10:00:00Z", {"modules": [{"id": "protect-first", "scores": {"plumber": 90}}]})
    store.add_certificate(row)
    assert store.certificate(row.code) == row and store.certificate("WCT-NOPE") is None
    assert store.certificates(trainee="anna") == [row] and store.certificates(curriculum="other") == []
    store.set_leaderboard("anna", "onboarding-en", True)
    store.set_leaderboard("anna", "onboarding-en", True)
    store.set_leaderboard("bram", "onboarding-en", True)
    store.set_leaderboard("bram", "onboarding-en", False)
    assert store.leaderboard_opt_ins("onboarding-en") == {"anna"} and store.leaderboard_opt_ins("x") == set()
