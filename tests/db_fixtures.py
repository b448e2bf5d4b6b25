"""Store fixtures for any test: SQLite in a temporary file, and a real PostgreSQL server started for the run."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from pg_server import server_programs, start_server

from trainer.store import open_store


@pytest.fixture(scope="session")
def pg_server():
    if server_programs() is None:
        pytest.skip("PostgreSQL's server is not installed (make test installs Debian's postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="webcare-pg-"))
    os.chmod(folder, 0o755)
    server = start_server(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def spare_pg_server():
    """A server of the module's own, to stop, restart and freeze without disturbing other tests."""
    if server_programs() is None:
        pytest.skip("PostgreSQL's server is not installed (make test installs Debian's postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="webcare-pg-spare-"))
    os.chmod(folder, 0o755)
    server = start_server(folder)
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """Where a fresh store lives: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "sessions.db")
    server = request.getfixturevalue("pg_server")
    return server.database("t_" + uuid.uuid4().hex[:12])


@pytest.fixture
def store(db_url):
    store = open_store(db_url)
    yield store
    store.close()
