"""The suite tells the truth about what it did not run: a missing PostgreSQL server is one line, and an error in CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

WITHOUT_A_SERVER = '''
import db_fixtures

db_fixtures.server_programs = lambda: None  # as on a machine without PostgreSQL's server


def test_a_store_on_postgres(pg_server):
    pass


def test_another(pg_server):
    pass


def test_one_that_needs_no_server():
    pass
'''


def run_pytest(folder: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    (folder / "test_pg.py").write_text(WITHOUT_A_SERVER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(ROOT)])
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # db_fixtures alone: the screenshots', Hypothesis's and xdist's plugins start slowly
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "db_fixtures", "-p", "no:cacheprovider",
                           "-q", "-c", os.devnull, "--rootdir", str(folder), str(folder)],
                          capture_output=True, text=True, cwd=folder, env=env, timeout=120)


def test_without_a_server_the_postgres_tests_skip_and_one_line_says_how_to_run_them(tmp_path):
    run = run_pytest(tmp_path, ci=False)
    assert run.returncode == 0, run.stdout
    assert "1 passed, 2 skipped" in run.stdout
    [line] = [line for line in run.stdout.splitlines() if "PostgreSQL" in line]
    assert line.startswith("2 PostgreSQL test(s) skipped") and ".ci/run" in line and "apt-get install postgresql" in line


def test_in_ci_a_missing_server_fails_the_postgres_tests(tmp_path):
    run = run_pytest(tmp_path, ci=True)
    assert run.returncode == 1
    assert "2 errors" in run.stdout or "2 failed" in run.stdout, run.stdout
    assert "CI is set" in run.stdout


FILES = ["tests/ui/test_palette.py", "tests/llm/test_llm_config.py", "tests/store/test_store.py"]


def marked_items(request, marks: set[str]) -> tuple[list[str], list[str]]:
    """The tests of FILES that `-m` with any of `marks` picks, and those it leaves: read off this run's own
    collection (marks set by tests/conftest.py), or collected in a process of its own when run alone."""
    items = [i for i in request.session.items if i.nodeid.split("::")[0] in FILES]
    if {i.nodeid.split("::")[0] for i in items} == set(FILES):
        picked = [i.nodeid for i in items if marks & {m.name for m in i.iter_markers()}]
        return picked, [i.nodeid for i in items if i.nodeid not in picked]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def collected(expression: str) -> list[str]:
        run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider",
                              "-m", expression, *FILES], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        return [line for line in run.stdout.splitlines() if "::" in line]

    either = " or ".join(sorted(marks))
    return collected(either), collected(f"not ({either})")


def test_marks_pick_the_screen_llm_and_postgres_tests(request):
    picked, left = marked_items(request, {"ui", "llm", "pg"})
    assert {line.split("::")[0] for line in picked} == set(FILES)
    assert all(line.endswith("[postgres]") for line in picked if "tests/store/" in line)
    assert left and all(line.startswith("tests/store/") and "[postgres]" not in line for line in left)
