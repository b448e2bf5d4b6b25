"""A coach exports every session to `export.md`: one file comes out, not a folder of that name."""

from __future__ import annotations

import pytest

from trainer.cli import main
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


@pytest.fixture
def class_db(tmp_path) -> str:
    path = str(tmp_path / "class.db")
    store = open_store(path)
    for name in ("copy-paste", "exemplary"):
        result = run_playthrough(LEGROOM, next(p for p in LEGROOM.playthroughs if p.name == name))
        session_id = store.begin(trainee="anna", scenario=LEGROOM)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
    store.close()
    return path


@pytest.mark.parametrize("options", [["--format", "markdown"], []])
def test_export_o_export_md_writes_one_markdown_file_with_every_session(class_db, tmp_path, options):
    target = tmp_path / "export.md"
    assert main(["export", "--db", class_db, *options, "-o", str(target)]) == 0
    assert target.is_file(), "a file, not a folder"
    text = target.read_text("utf-8")
    assert text.startswith("#") and text.count("The legroom that never was") >= 2  # both sessions, as Markdown


def test_export_o_class_html_writes_one_page(class_db, tmp_path):
    target = tmp_path / "class.html"
    assert main(["export", "--db", class_db, "-o", str(target)]) == 0
    assert target.is_file() and target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_export_o_a_name_without_a_suffix_is_still_a_folder_of_files(class_db, tmp_path):
    folder = tmp_path / "sessions"
    assert main(["export", "--db", class_db, "--format", "markdown", "-o", str(folder)]) == 0
    assert folder.is_dir() and len(list(folder.glob("anna-legroom-en-*.md"))) == 2
