"""Shared test set-up: where the built-in scenarios are, and how to run the CLI as a user would."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["db_fixtures", "llm_fixtures"]  # stores on SQLite and PostgreSQL; a real LLM server

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
DATA = Path(__file__).resolve().parent / "data"
TESTS = Path(__file__).resolve().parent

FOLDER_MARKS = {"ui": "ui", "llm": "llm", "serve": "slow"}
"""Marks every test in a folder gets (the markers are registered in pyproject's [tool.pytest.ini_options])."""
FIXTURE_MARKS = {"llm_server": "llm", "llm_settings": "llm", "pg_server": "pg", "spare_pg_server": "pg"}


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often: a screen story makes millions of short-lived objects beside a large
    heap of long-lived ones (modules, scenarios, the detector's tables), and the default thresholds
    walk that heap so often that it costs a quarter of the suite's time. Cycles are still collected."""
    gc.freeze()  # what was imported before the tests: never garbage, never walked again
    gc.set_threshold(50_000, 20, 1_000)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()  # the collected tests and the data their modules built at import


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark by folder and by the fixtures a test asks for, so `-m "not pg"` or `-m ui` picks as one expects."""
    for item in items:
        parts = item.path.relative_to(TESTS).parts if TESTS in item.path.parents else ("",)
        marks = {FOLDER_MARKS[parts[0]]} if parts[0] in FOLDER_MARKS else set()
        marks |= {FIXTURE_MARKS[name] for name in getattr(item, "fixturenames", ()) if name in FIXTURE_MARKS}
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("db_url") == "postgres":
            marks.add("pg")
        for mark in sorted(marks):
            item.add_marker(mark)


@pytest.fixture(autouse=True)
def own_session_store(tmp_path, monkeypatch):
    """Every test keeps its sessions in its own database, never in the user's data folder."""
    for name in ("WEBCARE_DATABASE_URL", "WEBCARE_TRAINEE", "WEBCARE_COACH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WEBCARE_DB", str(tmp_path / "sessions.db"))
    # Nor the user's own scenarios: only those a test puts in WEBCARE_SCENARIOS or its data folder.
    monkeypatch.delenv("WEBCARE_SCENARIOS", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    return tmp_path / "sessions.db"


@pytest.fixture
def run_webcare(tmp_path):
    """Run `python -m trainer ARGS` in a clean process, with the given standard input."""

    def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
        env["WEBCARE_DB"] = str(tmp_path / "sessions.db")
        env["PYTHONIOENCODING"] = "utf-8"
        return subprocess.run(
            [sys.executable, "-m", "trainer", *args],
            input=stdin, capture_output=True, text=True, cwd=cwd or tmp_path, env=env, timeout=60,
        )

    return run
