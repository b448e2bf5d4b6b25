"""The core stays free of UI, storage and network: checked by import-linter and in a fresh interpreter."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def test_import_contracts_hold():
    lint_imports = shutil.which("lint-imports") or str(ROOT / ".venv" / "bin" / "lint-imports")
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_the_engine_never_imports_textual_sqlite_or_openai():
    code = (
        "import sys, trainer.engine.session, trainer.game, scoring, trainer.plain;"
        "bad = [m for m in ('textual', 'sqlite3', 'openai', 'httpx') if m in sys.modules];"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_building_the_command_line_imports_nothing_heavy():
    """Every `webcare` command starts with the parser: it stays cheap (the heavy work is imported in run())."""
    code = (
        "import sys, trainer.cli; trainer.cli._parser();"
        "heavy = ('textual', 'openai', 'pydantic', 'sqlite3', 'trainer.authoring', 'trainer.scenario.models', 'rich');"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
