"""The cohort CSV carries each coach's override beside the scorer's score, with its reason and author, from the
command line and from the review screen alike; what a coach typed is neutralised as every text cell is."""

from __future__ import annotations

import csv
import io

import pytest

from trainer import csvsafe
from trainer.cli import main
from trainer.playthrough import run_playthrough
from trainer.review.cohort import write_cohort
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")
REASON = "=HYPERLINK(\"http://evil.example\",\"x\")"


@pytest.fixture
def class_db(tmp_path):
    path = str(tmp_path / "class.db")
    store = open_store(path)
    run = run_playthrough(LEGROOM, LEGROOM.playthroughs[0])
    ids = []
    for trainee in ("anna", "bram"):
        session_id = store.begin(trainee=trainee, scenario=LEGROOM)
        store.record(session_id, run.events, 0)
        store.finish(session_id, run.scorecard.to_dict())
        ids.append(session_id)
    store.override(ids[1], "plumber", 40, reason="too generous", author="kim")
    store.override(ids[1], "plumber", 35, reason=REASON, author="@lex")  # the latest one counts
    store.close()
    return path


def by_trainee(text: str) -> dict[str, dict[str, str]]:
    return {r["trainee"]: r for r in csv.DictReader(io.StringIO(text))}


def check(text: str) -> None:
    rows = by_trainee(text)
    header = next(csv.reader(io.StringIO(text)))
    assert header.index("plumber_coach") == header.index("plumber") + 1, "beside the scorer's score"
    anna, bram = rows["anna"], rows["bram"]
    assert anna["plumber_coach"] == "" and anna["plumber_coach_reason"] == ""
    assert bram["plumber"] == anna["plumber"] != "35", "the scorer's score stays as it was"
    assert bram["plumber_coach"] == "35"
    assert bram["plumber_coach_reason"] == "'" + REASON and bram["plumber_coach_by"] == "'@lex"
    assert bram["facilitator_coach"] == "" and bram["detective_coach"] == ""
    runnable = [c for row in csv.reader(io.StringIO(text)) for c in row if c.startswith(csvsafe.FORMULA_STARTS)]
    assert runnable == []


def test_the_cohort_csv_of_the_export_command_carries_the_coachs_overrides(class_db, capsys):
    assert main(["export", "--db", class_db, "--format", "csv"]) == 0
    check(capsys.readouterr().out)


def test_the_cohort_csv_of_the_review_screen_carries_the_coachs_overrides(class_db, tmp_path):
    store = open_store(class_db)
    path = tmp_path / "cohort.csv"
    write_cohort(store, store.sessions(), "csv", path)
    store.close()
    check(path.read_text("utf-8"))
