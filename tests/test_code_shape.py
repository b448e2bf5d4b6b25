"""The code's shape, measured: short modules and functions, simple branching, a small screen and a small app.

Issue 17's limits for trainer/ and scoring/: every module, function and the two classes within them, the
YAML syntax checker the one exception.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGES = ("trainer", "scoring")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_COMPLEXITY = 20  # ruff's C901: max-complexity in pyproject's [tool.ruff.lint.mccabe]
MAX_CLASS_LINES = {"ChatScreen": 250, "WebcareApp": 200}

# The YAML syntax checker is a decision table: one branch per way a scenario author's YAML goes wrong, each
# with its own advice, in the order the parser's errors need them. Splitting it would scatter the table, so
# it may be long and branchy (ruff's C901 is off for its file in pyproject too).
EXEMPT = {"trainer/scenario/yamlsyntax.py::syntax_problem"}


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _lines(name: str) -> int:
    path = ROOT / name
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else 0


def _definitions(path: Path) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
    """Every function and class in a module by qualified name (`Class.method`, `outer.inner`)."""
    found: dict[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found[prefix + child.name] = child
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(_tree(path), "")
    return found


def _length(node: ast.stmt) -> int:
    return (node.end_lineno or node.lineno) - node.lineno + 1


@cache
def _function_lengths() -> dict[str, int]:
    return {f"{_name(path)}::{qualname}": _length(node)
            for path in _modules() for qualname, node in _definitions(path).items()
            if not isinstance(node, ast.ClassDef)}


@cache
def _complexities() -> dict[str, int]:
    """ruff's C901 findings as {"path::qualname": complexity}, with pyproject's limit and exceptions."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "C901", "--output-format", "json", "--no-cache",
         "--exit-zero", *PACKAGES],
        cwd=ROOT, capture_output=True, text=True, check=True)
    found = {}
    for finding in json.loads(result.stdout):
        path = Path(finding["filename"])
        line = finding["location"]["row"]
        qualname = next(q for q, node in _definitions(path).items() if node.lineno == line)
        found[f"{_name(path)}::{qualname}"] = int(finding["message"].rsplit("(", 1)[1].split(" ", 1)[0])
    return found


def _class_lines(name: str) -> list[int]:
    return [_length(node) for path in _modules() for q, node in _definitions(path).items()
            if q == name and isinstance(node, ast.ClassDef)]


def test_no_module_is_over_400_lines():
    long = {_name(p): n for p in _modules() if (n := _lines(_name(p))) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_over_60_lines():
    long = {f: n for f, n in _function_lengths().items() if n > MAX_FUNCTION_LINES}
    assert {f: n for f, n in long.items() if f not in EXEMPT} == {}


def test_no_function_branches_more_than_20_ways():
    assert {f: n for f, n in _complexities().items() if f not in EXEMPT} == {}


def test_the_yaml_syntax_checker_is_the_one_exception_and_still_there():
    assert set(EXEMPT) <= set(_function_lengths())


@pytest.mark.parametrize("name", sorted(MAX_CLASS_LINES))
def test_the_chat_screen_and_the_app_are_each_one_class(name):
    assert len(_class_lines(name)) == 1


@pytest.mark.parametrize("name", sorted(MAX_CLASS_LINES))
def test_the_chat_screen_and_the_app_are_small(name):
    assert max(_class_lines(name), default=0) < MAX_CLASS_LINES[name]
