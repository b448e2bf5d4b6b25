"""The short `make soak`: every registered check at its small size passes, and the runner tells failures.

`make soak` runs the same checks at full size and prints the figures; see bench/soak.py.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import soak  # noqa: E402
from bench.soaks import exports, hostile, malformed  # noqa: E402
from bench.soaks.result import Result  # noqa: E402

SOAK_ONLY = {"a class in the browser"}
"""Checks too slow at their small size for `make test` (20–30 s: three games started and typed into at once);
tests/serve/ plays the class in browsers there instead."""
SHORT = [c for c in soak.CHECKS if c.name not in SOAK_ONLY]
MARKS = {"dropped PostgreSQL connections": [pytest.mark.pg, pytest.mark.slow],
         "crash safety (kill -9)": [pytest.mark.slow], "LLM faults": [pytest.mark.llm]}


@pytest.mark.parametrize("check", [pytest.param(c, id=c.name, marks=MARKS.get(c.name, [])) for c in SHORT])
def test_every_soak_check_passes_at_its_small_size(check):
    row = soak.run_check(check, "small")
    if row.result.skipped:  # a server missing on this machine: said in one line (and failed when CI is set)
        pytest.skip(row.result.skipped)
    assert row.result.cases > 0, f"{check.name} ran no case"
    assert row.ok, "\n".join([f"{check.name}: {row.result.failed} failure(s)", *row.result.failures])


def test_every_check_left_out_here_is_a_registered_one():
    assert {c.name for c in soak.CHECKS} >= SOAK_ONLY


def test_the_table_names_every_check_and_a_failure_makes_the_exit_code_1():
    passing = soak.Check("always fine", lambda size: Result(cases=3, worst=0.002), "nothing")

    def failing(size):
        result = Result(cases=2)
        result.fail("mutant 7: not placed as file:line:col")
        return result

    def raising(size):
        raise RuntimeError("the check itself is broken")

    out = io.StringIO()
    code = soak.run([passing, soak.Check("sometimes not", failing, "no failures"),
                     soak.Check("broken", raising, "runs")], "small", out)
    table = out.getvalue()
    assert code == 1
    assert "always fine" in table and "2 ms" in table and "ok" in table
    assert "mutant 7: not placed" in table and "RuntimeError: the check itself is broken" in table
    assert "1 of 3 checks passed; FAILED: sometimes not, broken" in table
    assert soak.run([passing], "small", io.StringIO()) == 0


def test_a_check_without_its_server_is_skipped_in_one_line_but_fails_in_ci(monkeypatch):
    def needs_a_server(size):
        result = Result()
        result.skip("the server is not installed: install it")
        return result

    check = soak.Check("needs a server", needs_a_server, "runs")
    monkeypatch.delenv("CI", raising=False)
    out = io.StringIO()
    assert soak.run([check], "small", out) == 0
    assert "skipped: the server is not installed: install it" in out.getvalue()
    assert "0 of 1 checks passed; skipped: needs a server." in out.getvalue()
    monkeypatch.setenv("CI", "true")
    out = io.StringIO()
    assert soak.run([check], "small", out) == 1
    assert "FAILED: needs a server" in out.getvalue()


def test_a_problem_without_its_place_or_an_internal_error_breaks_the_malformed_rule():
    from trainer.scenario.problems import Problems

    raw = b"format: 1\nid: x\n"
    unplaced = Problems("other-name.yaml", raw.decode())
    unplaced.add(0, 0, "something")
    assert "not placed" in malformed.rule_broken(raw, "mutant.yaml", None, unplaced)
    internal = Problems("mutant.yaml", raw.decode())
    internal.add(0, 0, "Webcare Trainer could not check this file (an internal error: KeyError: 'x')")
    assert "internal error" in malformed.rule_broken(raw, "mutant.yaml", None, internal)
    assert "without a single error" in malformed.rule_broken(raw, "mutant.yaml", None, Problems("mutant.yaml"))


def test_every_mutation_kind_changes_the_file():
    import random

    text = (ROOT / "scenarios" / "legroom-en.yaml").read_text("utf-8")
    lines = text.split("\n")
    for mutation in malformed.LINE_MUTATIONS:
        rng = random.Random(1)
        changed = sum(mutation(lines, rng) != lines for _ in range(20))
        assert changed >= 15, mutation.__name__


def test_the_export_rules_catch_active_markup_links_and_formulas():
    assert exports.html_problems('<p>hi</p><img src=x onerror=alert(1)>')
    assert exports.html_problems('<div><a href="javascript:alert(1)">x</a></div>')
    assert exports.html_problems("<div>unclosed")
    assert not exports.html_problems("<p>&lt;script&gt;</p>")
    assert exports.markdown_problems("[click](http://evil.example)")
    assert exports.markdown_problems("<http://evil.example>")
    assert not exports.markdown_problems("\\[click\\](http://evil.example) \\<script\\>")
    assert exports.csv_problems("trainee\n=HYPERLINK(1)\n") and not exports.csv_problems("trainee\n'=x\n-2\n")


def test_the_hostile_cases_include_every_kind_the_issue_names():
    names = " ".join(c.name for c in hostile.cases("small"))
    for kind in ("alias bomb", "10,000-deep", "MB file", "!!python tag"):
        assert kind in names
