"""A database that isn't ours, is damaged, or is newer than this program is refused, and never overwritten."""

from __future__ import annotations

import sqlite3

import pytest

from trainer.store import StoreError, open_store
from trainer.store.location import locate, redact
from trainer.store.schema import VERSION


def test_a_damaged_file_gets_a_clear_message_and_is_left_as_it_was(tmp_path):
    path = tmp_path / "sessions.db"
    junk = b"this is not a database at all\x00\x01" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match=r"not a readable session database.*left as it is"):
        open_store(str(path))
    assert path.read_bytes() == junk


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "sessions.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE webcare_meta SET value = ? WHERE key = 'schema_version'", (str(VERSION + 1),))
    before = path.read_bytes()
    with pytest.raises(StoreError, match=f"newer Webcare Trainer \\(schema {VERSION + 1}.*upgrade webcare"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_someone_elses_database_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE sessions (who TEXT)")
    with pytest.raises(StoreError, match="not Webcare Trainer's"):
        open_store(str(path))


def test_an_unreachable_postgres_server_is_said_plainly_without_the_password():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://coach:hunter2@127.0.0.1:9/class")
    assert "can't reach" in str(caught.value) and "hunter2" not in str(caught.value)
    assert "coach:***@127.0.0.1:9/class" in str(caught.value)


def test_where_the_store_is_comes_from_the_flag_then_the_environment_then_the_data_dir(tmp_path):
    assert locate("x.db", {}).kind == "sqlite"
    assert locate(None, {"WEBCARE_DATABASE_URL": "postgresql://h/db"}).kind == "postgres"
    assert locate(None, {"WEBCARE_DB": str(tmp_path / "a.db")}).target == str(tmp_path / "a.db")
    assert locate(str(tmp_path / "b.db"), {"WEBCARE_DB": "a.db"}).target.endswith("b.db")
    assert locate(None, {}).target.endswith("sessions.db")
    assert redact("postgresql://u:p@h/d") == "postgresql://u:***@h/d" and redact("postgresql://h/d") == "postgresql://h/d"
