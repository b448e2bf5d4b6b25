"""Coaches move sessions between machines and read a trainee's history from the command line."""

from __future__ import annotations

import json

import pytest

from trainer.cli import main
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


@pytest.fixture
def laptop(tmp_path):
    path = str(tmp_path / "laptop.db")
    store = open_store(path)
    for name in ("copy-paste", "mediocre", "exemplary"):
        result = run_playthrough(LEGROOM, next(p for p in LEGROOM.playthroughs if p.name == name))
        session_id = store.begin(trainee="anna", scenario=LEGROOM)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
    store.close()
    return path


def test_export_then_import_merges_a_laptops_sessions_into_the_class_store(laptop, db_url, tmp_path, capsys):
    out = tmp_path / "anna.json"
    assert main(["export", "--db", laptop, "--trainee", "anna", "-o", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))) == 3
    assert main(["import", str(out), "--db", db_url]) == 0
    assert "3 imported, 0 already there" in capsys.readouterr().out
    assert main(["import", str(out), "--db", db_url]) == 0
    assert "0 imported, 3 already there" in capsys.readouterr().out
    assert len(open_store(db_url).sessions(trainee="anna")) == 3


def test_exports_as_csv_markdown_and_html(laptop, tmp_path, capsys):
    assert main(["export", "--db", laptop, "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 4
    folder = tmp_path / "md"
    assert main(["export", "--db", laptop, "--format", "markdown", "-o", str(folder)]) == 0
    assert len(list(folder.glob("anna-legroom-en-*.md"))) == 3
    assert main(["export", "--db", laptop, "--format", "html", "--outcome", "resolved"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_import_says_what_is_wrong_with_each_bad_file_and_keeps_the_good_ones(laptop, tmp_path, capsys):
    good = tmp_path / "good.json"
    main(["export", "--db", laptop, "-o", str(good)])
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\xff\xfe not json")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "something-else"}', "utf-8")
    target = str(tmp_path / "class.db")
    capsys.readouterr()
    assert main(["import", str(junk), str(wrong), str(good), str(tmp_path / "missing.json"), "--db", target]) == 1
    captured = capsys.readouterr()
    assert "junk.json: can't be read" in captured.err
    assert "wrong.json: not a Webcare session" in captured.err
    assert "missing.json: can't be read" in captured.err
    assert "3 imported, 0 already there, 3 failed" in captured.out
    assert "Traceback" not in captured.err


def test_history_shows_attempts_best_latest_and_progress(laptop, capsys):
    assert main(["history", "--trainee", "anna", "--db", laptop]) == 0
    out = capsys.readouterr().out
    assert "anna: 3 attempts at 1 scenarios" in out
    assert "legroom-en" in out and "100/100/100" in out and "progress:" in out
