"""The core stays free of UI, storage and network: checked by import-linter and in a fresh interpreter."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_hold():
    beside = Path(sys.executable).parent / "lint-imports"  # this interpreter's own, before any on PATH
    lint_imports = str(beside) if beside.exists() else shutil.which("lint-imports") or "lint-imports"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken" in result.stdout


def test_the_engine_never_imports_textual_sqlite_or_openai():
    code = (
        "import sys, trainer.engine.session, trainer.play, scoring, trainer.plain;"
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


def test_the_readme_layout_and_the_architecture_page_name_every_part_of_the_code():
    """A new part of the code is placed in both maps; a part that is gone leaves them."""
    import tomllib

    root = ROOT
    readme = (root / "README.md").read_text("utf-8").split("## How the code is laid out", 1)[1]
    architecture = (root / "docs" / "architecture.md").read_text("utf-8")
    packages = sorted(p.name for p in (root / "trainer").iterdir() if (p / "__init__.py").exists())
    for name in packages:
        assert f"  {name}/" in readme, f"the README's layout does not place trainer/{name}/"
        assert f"trainer/{name}/" in architecture, f"docs/architecture.md does not describe trainer/{name}/"
    contracts = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    for layer in (part.strip(" ()") for entry in layers for part in entry.split("|")):
        path = layer.replace(".", "/")
        assert f"{path}/" in architecture or f"{path}.py" in architecture, f"{layer} is a layer the page skips"
        assert (root / path).is_dir() or (root / f"{path}.py").exists(), f"{layer} is a layer with no code"


def test_the_pickers_first_frame_imports_nothing_heavy():
    """Start-up speed is a feature: the models, the YAML reader, the store and the client load after the first
    frame (a curriculum's home screen imported its progress models for a clock helper: 160 ms); so do the
    scenario table (a DataTable, drawn once the library is read), the home screen and the scorer's report."""
    import json

    sys.path.insert(0, str(ROOT))
    from bench.run import CHILD

    heavy = ("openai", "sqlite3", "pydantic", "yaml", "trainer.campaign.models", "transitions",
             "textual.widgets._data_table", "trainer.ui.screens.home", "scoring.report")
    child = CHILD.replace('("openai", "sqlite3")', repr(heavy))
    run = subprocess.run([sys.executable, "-c", child, "ours", "100", "30"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    line = run.stdout.strip().splitlines()[0] if run.stdout.strip() else ""
    assert line, run.stderr[-3000:]
    assert [name for name, loaded in json.loads(line).items() if loaded] == []
