"""A coach opens any CSV Webcare writes in a spreadsheet: no cell runs as a formula, whoever wrote its text.

Formula payloads go where people's words end up in each CSV: a trainee's name, a session id,
a scenario, an outcome, a transcript's file name. Every cell starting with `=`, `+`, `-`, `@`,
a tab or a carriage return must come out with a leading `'`.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from trainer import csvsafe
from trainer.cli import main
from trainer.playthrough import run_playthrough
from trainer.review.cohort import write_cohort
from trainer.review.sessionjson import session_from_dict, session_to_dict
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
HIDDEN = "Anna\r=cmd|' /C calc'!A0"
"""Not a formula itself, but a bare carriage return starts a new row in a spreadsheet, and that row's cell would be."""


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def _runnable(text: str) -> list[str]:
    return [c for c in _cells(text) if c.startswith(csvsafe.FORMULA_STARTS)]


@pytest.fixture
def hostile_store(tmp_path):
    """Sessions whose every text column starts like a formula (they came in by `webcare import`)."""
    store = open_store(str(tmp_path / "s.db"))
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[1])
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    store.record(session_id, result.events, 0)
    store.finish(session_id, result.scorecard.to_dict())
    played = session_to_dict(store.load(session_id))
    for n, formula in enumerate(FORMULAS):
        data = copy.deepcopy(played)
        data.update(id=f"{formula}{n}", trainee=formula, scenario=formula, language=formula, mode=formula,
                    outcome=formula, outcome_kind=formula)
        store.put(session_from_dict(data))
    data = copy.deepcopy(played)
    data.update(id="hidden", trainee=HIDDEN)
    store.put(session_from_dict(data))
    yield store
    store.close()


def test_the_cell_neutraliser_quotes_formula_text_and_leaves_numbers_as_numbers():
    assert [csvsafe.cell(f) for f in FORMULAS] == ["'" + f for f in FORMULAS]
    assert csvsafe.cell("-1") == "'-1", "text is text, even when it looks like a number"
    assert csvsafe.cell(-1) == -1 and csvsafe.cell(2.5) == 2.5 and csvsafe.cell(None) is None
    assert csvsafe.cell("Anna =1") == "Anna =1" and csvsafe.cell("") == ""


def test_export_as_csv_neutralises_every_column_people_wrote(hostile_store, tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main(["export", "--db", db, "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert len(list(csv.reader(io.StringIO(text)))) == 1 + 1 + len(FORMULAS) + 1
    assert _runnable(text) == []
    assert HIDDEN.replace("\r", "\\x0d") in _cells(text), "on the screen the carriage return is shown, not obeyed"
    for formula in FORMULAS:  # trainee, scenario, language, mode, outcome and its kind
        assert _cells(text).count("'" + formula.replace("\r", "\\x0d").replace("\t", "\t")) == 6
    written = tmp_path / "out"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(written)]) == 0
    kept = written.read_bytes().decode("utf-8")  # as written: no newline translation
    assert _runnable(kept) == []
    assert HIDDEN in _cells(kept), "in a file the carriage return stays inside its (quoted) cell"


def test_the_cohort_csv_from_the_review_screen_neutralises_every_column(hostile_store, tmp_path):
    path = tmp_path / "cohort.csv"
    write_cohort(hostile_store, hostile_store.sessions(), "csv", path)
    text = path.read_text("utf-8")
    assert _runnable(text) == []
    assert "'" + FORMULAS[0] + "0" in _cells(text), "the session id too"


def test_score_as_csv_neutralises_file_names_trainees_and_scenarios(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=HYPERLINK(1).txt").write_text("Customer: my seats!\nAgent: sorry, let me check\n", "utf-8")
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[1])
    from scoring.batch.sessionfile import session_dict

    session = session_dict(result.events, scenario="legroom-en", language="en", trainee="@SUM(1+1)*cmd|' /C calc'!A0")
    (tmp_path / "-played.json").write_text(json.dumps(session), "utf-8")
    assert main(["score", "--format", "csv", "=HYPERLINK(1).txt", "--", "-played.json"]) == 0
    text = capsys.readouterr().out
    assert len(list(csv.reader(io.StringIO(text)))) == 3
    assert _runnable(text) == []
    cells = _cells(text)
    assert "'=HYPERLINK(1).txt" in cells and "'-played.json" in cells and "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
