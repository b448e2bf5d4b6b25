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

PG_MISSING = "PostgreSQL's server is not installed"
PG_HOW = ("install it (Debian: apt-get install postgresql) or run .ci/run, which installs it, to run the "
          "PostgreSQL tests")


def _no_server() -> None:
    """Skip a PostgreSQL test where the server is missing (one summary line tells how), but fail it in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{PG_MISSING} and CI is set: {PG_HOW}", pytrace=False)
    pytest.skip(f"{PG_MISSING}: {PG_HOW}")


def pytest_terminal_summary(terminalreporter) -> None:
    """PostgreSQL tests skipped for want of a server: said once, with how to run them."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if PG_MISSING in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} PostgreSQL test(s) skipped: {PG_MISSING}; {PG_HOW}.",
                                    yellow=True)


@pytest.fixture(scope="session")
def pg_server():
    if server_programs() is None:
        _no_server()
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
        _no_server()
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
