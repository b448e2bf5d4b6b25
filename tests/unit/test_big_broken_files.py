"""An author's big broken file, just under the size limits, and what Webcare Trainer tells her about it.

The files are made here, each as large as the loader takes (MAX_BYTES, and MAX_NODES lines and
values): a quote left open over thousands of blank lines, a list of dashes with one line out of
place, brackets nested in a 1 MB file. She gets the same `file:line:column` and hint as for the
same mistake in a small file. How long that takes is the soak's business (bench/soaks/hostile.py):
here, that the slow ways are not taken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.scenario import yamlfile
from trainer.scenario.loader import check_bytes, check_file
from trainer.scenario.problems import Problem
from trainer.scenario.yamlfile import MAX_BYTES, MAX_NODES

DATA = Path(__file__).resolve().parent.parent / "data"
LEGROOM = Path(__file__).resolve().parents[2] / "scenarios" / "legroom-en.yaml"
TITLE = "title: The legroom that never was"


def under_the_limits(head: str, unit: str, tail: str, values: int = 1) -> str:
    """`head`, then `unit` as often as the loader takes (bytes, lines and commas, values), then `tail`."""
    signs = (head + tail).count("\n") + (head + tail).count(",")
    times = min((MAX_BYTES - 1_000 - len((head + tail).encode())) // len(unit.encode()),
                (MAX_NODES - 100 - signs) // max(unit.count("\n") + unit.count(","), 1),
                (MAX_NODES - 100) // values)
    return head + unit * times + tail


def legroom_with_an_open_quote(quote: str, closed: bool) -> str:
    """legroom-en.yaml whose title opens a quote and goes on over thousands of lines of blanks; closed, a
    line of text and then the keys below it follow, up to the next quote in the file."""
    text = LEGROOM.read_text("utf-8")
    assert text.count(TITLE) == 1
    head, rest = text.split(TITLE + "\n")
    return under_the_limits(head + f"title: {quote}The legroom\n", " " * 40 + "\n",
                            f"  that never was\n{rest}" if closed else "")


def problems_of(text: str, tmp_path: Path) -> list[Problem]:
    path = tmp_path / "big.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert len(text.encode("utf-8")) <= MAX_BYTES
    scenario, problems = check_file(path)
    assert scenario is None and problems.errors
    return problems.sorted()


@pytest.fixture
def python_parses(monkeypatch) -> list[int]:
    """How many times the (slow) Python parser is asked to read a file."""
    calls: list[int] = []

    class Counted(yamlfile.PythonLoader):
        def __init__(self, stream) -> None:
            calls.append(len(stream))
            super().__init__(stream)

    monkeypatch.setattr(yamlfile, "PythonLoader", Counted)
    return calls


# ── A quote left open ────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_left_open_over_thousands_of_blank_lines_is_blamed_on_the_quote(tmp_path, quote):
    text = legroom_with_an_open_quote(quote, closed=True)
    assert text.count("\n") > 20_000 and len(text) > 900_000
    problem = problems_of(text, tmp_path)[0]
    assert (problem.line, problem.column) == (10, 8)
    assert problem.message == f"the quote {quote} that starts here is not closed on this line"
    assert problem.hint == f"end the value with a closing {quote} on the same line"


def test_a_quote_never_closed_in_a_file_of_a_megabyte_is_blamed_on_the_quote(tmp_path):
    problem = problems_of(legroom_with_an_open_quote('"', closed=False), tmp_path)[0]
    assert (problem.line, problem.column) == (10, 8)
    assert problem.message == 'the quote " that starts here is never closed'


# ── What libyaml refuses, said without reading the file again ──────────────────────────────


def test_a_big_file_with_a_line_out_of_place_gets_the_same_message_as_a_small_one(tmp_path, python_parses):
    small = problems_of("- - - x\n" * 3 + " bad: [\n", tmp_path)[0]
    assert len(python_parses) == 1, "a small file is read again by the Python parser, for its messages"
    big_text = under_the_limits("", "- - - x\n", " bad: [\n", values=4)
    big = problems_of(big_text, tmp_path)[0]
    assert len(python_parses) == 1, "a big one is not: that would take seconds"
    lines = big_text.count("\n")
    assert (small.line, small.column, small.message) == (4, 2, "this line does not line up with the lines above it")
    assert (big.line, big.column, big.message) == (lines, 2, small.message)
    assert big.hint == small.hint.replace("line 3 ", f"line {lines - 1} ")


@pytest.mark.parametrize("fixture", sorted(p.stem for p in (DATA / "bad").glob("syntax-*.yaml")))
def test_each_syntax_mistake_is_explained_alike_from_libyaml_alone(fixture, monkeypatch):
    path = DATA / "bad" / f"{fixture}.yaml"
    read_again = check_file(path)[1].sorted()
    monkeypatch.setattr(yamlfile, "SLOW_PARSE", 0)  # as for a file too big to be read again
    from_libyaml = check_file(path)[1].sorted()
    assert [(p.line, p.column, p.message, p.hint) for p in from_libyaml] == \
        [(p.line, p.column, p.message, p.hint) for p in read_again]


def test_a_list_left_open_at_the_end_of_the_file_is_blamed_on_its_bracket(tmp_path):
    text = (DATA / "minimal.yaml").read_text("utf-8") + "extra: [sorry,\n"
    [problem] = problems_of(text, tmp_path)
    assert (problem.line, problem.column) == (text.count("\n"), 8)
    assert problem.message == "the '[' that opens here is not closed on this line"
    assert "']'" in problem.hint


# ── Values hidden in brackets and dashes ───────────────────────────────────────────────────


def test_a_megabyte_of_nested_brackets_is_counted_without_building_it(monkeypatch):
    def build(text):
        raise AssertionError("half a million values were built into a tree")

    monkeypatch.setattr(yamlfile, "_compose", build)
    item = "[" * 60 + "x" + "]" * 60 + ", "
    text = "a: [" + item * ((MAX_BYTES - 10) // len(item)) + "x]\n"
    _, problems = check_bytes(text.encode(), "nested.yaml")
    [problem] = problems.items
    assert problem.message == f"the file has more than {MAX_NODES:,} values; a scenario has far fewer"
    assert problem.line == 1 and problem.column > 1


def test_keys_do_not_count_as_values_so_a_file_within_the_limit_is_read_as_always():
    text = "a: {" + ", ".join(f"k{i}: v" for i in range(MAX_NODES - 10)) + "}\n"
    _, problems = check_bytes(text.encode(), "keys.yaml")
    assert not any("values" in p.message for p in problems.items), problems.items[0]
    assert any("unknown key 'a'" in p.message for p in problems.errors)
