"""An organisation's own scenarios: an author keeps cases outside the game (WEBCARE_SCENARIOS, `--scenarios`, the
user's data folder), sees them listed beside the built-in ones, is told what is wrong in them, reads the docs the
installed game carries, and gets a schema modeline that outlives the installed package."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from trainer.cli import main
from trainer.commands import docs
from trainer.commands.parser import build
from trainer.scenario.library import builtin_dir, find_scenario
from trainer.scenario.shelves import ENV, added

BROKEN = "format: 1\nid: broken\ntitle: [oops\n"
"""A case with an unclosed bracket on line 3, column 8."""


def own_folder(tmp_path: Path, *, broken: bool = False) -> Path:
    """An author's folder with one good case (`minimal`) and, if asked, one broken one."""
    folder = tmp_path / "our-cases"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(DATA / "minimal.yaml", folder / "minimal.yaml")
    if broken:
        (folder / "broken.yaml").write_text(BROKEN, "utf-8")
    return folder


def listed(out: str) -> dict[str, str]:
    """`webcare list`'s lines by scenario id."""
    return {line.split()[0]: line for line in out.splitlines() if line.strip()}


def test_an_author_puts_a_case_in_webcare_scenarios_and_webcare_list_shows_it_marked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path)))
    assert main(["list"]) == 0
    lines = listed(capsys.readouterr().out)
    assert lines["minimal"].endswith("The late suitcase  [yours]")
    assert "legroom-en" in lines and "[yours]" not in lines["legroom-en"]  # the built-in ones, unmarked


def test_without_her_folder_her_case_is_not_listed(capsys):
    assert main(["list"]) == 0
    assert "minimal" not in listed(capsys.readouterr().out)


def test_a_case_in_the_user_data_folder_is_listed_too(tmp_path, monkeypatch, capsys):
    data = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    own_folder(tmp_path)
    shutil.copytree(tmp_path / "our-cases", data / "webcare" / "scenarios")
    assert main(["list"]) == 0
    assert "[yours]" in listed(capsys.readouterr().out)["minimal"]


def test_a_broken_file_is_told_on_stderr_with_where_and_the_rest_are_still_listed(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path, broken=True)))
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'our-cases' / 'broken.yaml'}:3:8: the '[' that opens here is not closed" in err
    assert "1 problem in your own scenario files" in err and "left out of the list" in err
    assert "minimal" in listed(out) and "legroom-nl" in listed(out)


def test_a_folder_in_webcare_scenarios_that_is_not_there_is_said_not_ignored(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, os.pathsep.join([str(tmp_path / "typo"), str(own_folder(tmp_path))]))
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'typo'}:1:1: there is no folder here, though {ENV}" in err
    assert "minimal" in listed(out)


def test_her_case_with_a_built_in_id_is_refused_and_the_built_in_one_stays(tmp_path, monkeypatch, capsys):
    folder = own_folder(tmp_path)
    text = (folder / "minimal.yaml").read_text("utf-8").replace("id: minimal", "id: legroom-en")
    (folder / "minimal.yaml").write_text(text, "utf-8")
    monkeypatch.setenv(ENV, str(folder))
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert f"{folder / 'minimal.yaml'}:3:5: the id 'legroom-en' is a built-in scenario's (legroom-en.yaml)" in err
    assert "give your scenario an id of its own" in err
    assert "[yours]" not in listed(out)["legroom-en"]
    assert find_scenario("legroom-en").path == builtin_dir() / "legroom-en.yaml"


def test_webcare_check_alone_checks_her_cases_with_the_built_in_ones(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path, broken=True)))
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert "broken.yaml:3:8: the '[' that opens here is not closed" in err
    scenarios, curricula = (len(list(folder.glob("*.yaml"))) for folder in (builtin_dir(), ROOT / "curricula"))
    assert out.startswith(f"{scenarios + 2 + curricula} files checked: 1 error")  # the built-in ones, hers, curricula


def test_find_scenario_finds_her_case_by_id(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV, str(own_folder(tmp_path)))
    assert find_scenario("minimal").path == tmp_path / "our-cases" / "minimal.yaml"


def test_scenarios_dir_lets_her_play_her_case_by_id(run_webcare, tmp_path):
    folder = own_folder(tmp_path)
    result = run_webcare("play", "--plain", "--no-save", "--scenarios", str(folder), "minimal",
                         stdin="I'm sorry your suitcase was late.\n")
    assert result.returncode == 0, result.stderr
    assert "The late suitcase" in result.stdout and "Traceback" not in result.stderr

    without = run_webcare("play", "--plain", "--no-save", "minimal", stdin="")
    assert without.returncode == 1 and "No scenario called 'minimal'" in without.stderr


def test_scenarios_dir_lets_her_graph_and_explore_her_case_by_id(tmp_path, capsys):
    folder = str(own_folder(tmp_path))
    assert main(["graph", "minimal", "--scenarios", folder]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD")
    assert main(["explore", "minimal", "--scenarios", folder]) == 0
    assert "Exploring minimal" in capsys.readouterr().out


def test_scenarios_names_a_folder_that_exists(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["list", "--scenarios", str(tmp_path / "nowhere")])
    assert f"there is no folder '{tmp_path / 'nowhere'}'" in capsys.readouterr().err


def test_serve_hands_its_folders_to_the_game_processes_it_starts(tmp_path, monkeypatch):
    """`serve` runs inside `added`: each game process it starts inherits WEBCARE_SCENARIOS with the folders first."""
    monkeypatch.setenv(ENV, "/elsewhere")
    folder = own_folder(tmp_path)
    args = build(lambda _: 0).parse_args(["serve", "--scenarios", str(folder)])
    with added(args.scenarios):
        assert os.environ[ENV] == os.pathsep.join([str(folder.resolve()), "/elsewhere"])
    assert os.environ[ENV] == "/elsewhere"


def test_her_curriculum_beside_her_cases_is_listed_marked_and_found(tmp_path, monkeypatch, capsys):
    from trainer.campaign.library import find_curriculum

    folder = own_folder(tmp_path)
    shutil.copyfile(DATA / "campaign" / "legroom-course.yaml", folder / "legroom-course.yaml")
    monkeypatch.setenv(ENV, str(folder))
    assert main(["curriculum"]) == 0
    out = capsys.readouterr().out
    assert "legroom-course" in out and "[yours]" in out.split("legroom-course", 1)[1].splitlines()[0]
    assert "onboarding-en" in out
    assert find_curriculum("legroom-course").title == "Legroom course"
    assert main(["list"]) == 0  # a curriculum beside her cases is not a broken scenario
    assert capsys.readouterr().err == ""


# -- the docs the installed game carries ---------------------------------------------------------------------


def test_webcare_docs_scenario_format_prints_the_format(capsys):
    assert main(["docs", "scenario-format"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "scenario-format.md").read_text("utf-8")


def test_webcare_docs_alone_lists_the_topics(capsys):
    assert main(["docs"]) == 0
    out = capsys.readouterr().out
    for topic in ("scenario-format", "authoring", "curricula"):
        assert topic in out


def test_webcare_docs_with_an_unknown_topic_suggests_the_nearest(capsys):
    assert main(["docs", "scenario-formats"]) == 1
    err = capsys.readouterr().err
    assert "no documentation called 'scenario-formats'; did you mean `webcare docs scenario-format`?" in err
    assert main(["docs", "nosuch"]) == 1
    assert "The topics: architecture, authoring, curricula" in capsys.readouterr().err


def test_a_page_with_an_escape_sequence_is_shown_not_obeyed(tmp_path, monkeypatch, capsys):
    (tmp_path / "authoring.md").write_text("# Title\x1b[2J\n", "utf-8")
    monkeypatch.setattr(docs, "docs_dir", lambda: tmp_path)
    assert main(["docs", "authoring"]) == 0
    assert capsys.readouterr().out == "# Title\\x1b[2J\n"


def test_the_wheel_carries_the_docs_where_webcare_docs_finds_them(tmp_path):
    """The wheel's layout, as pyproject.toml's force-include lays it out: the docs land in trainer/_docs."""
    include = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]["build"]["targets"][
        "wheel"]["force-include"]
    assert include["docs"] == "trainer/_docs"
    for source, target in include.items():
        shutil.copytree(ROOT / source, tmp_path / target)
    assert docs.docs_dir(tmp_path / "trainer") == tmp_path / "trainer" / "_docs"
    assert set(docs.topics(docs.docs_dir(tmp_path / "trainer"))) == {p.stem for p in (ROOT / "docs").glob("*.md")}


def test_error_messages_point_at_webcare_docs_not_at_a_checkout(tmp_path, capsys):
    empty = tmp_path / "empty.yaml"
    empty.write_text("", "utf-8")
    assert main(["check", str(empty)]) == 1
    err = capsys.readouterr().err
    assert "`webcare docs scenario-format`" in err and "docs/scenario-format.md" not in err
    topics = docs.topics()
    for source in (ROOT / "trainer").rglob("*.py"):  # every page a message names is there
        for topic in re.findall(r"webcare docs ([a-z][a-z-]*)", source.read_text("utf-8")):
            assert topic in topics, f"{source.name}: `webcare docs {topic}` has no page"


# -- `webcare new`: a modeline that outlives the installed package -------------------------------------------


def test_webcare_new_puts_the_schema_beside_the_file_outside_the_venv(tmp_path):
    path = tmp_path / "drafts" / "case.yaml"
    assert main(["new", str(path), "--defaults"]) == 0
    modeline = path.read_text("utf-8").splitlines()[0]
    target = (path.parent / modeline.split("$schema=", 1)[1]).resolve()
    assert target == path.parent / "schema.json" and target.is_file()
    assert Path(sys.prefix).resolve() not in target.parents and builtin_dir().resolve() not in target.parents
    assert json.loads(target.read_text("utf-8")) == json.loads((builtin_dir() / "schema.json").read_text("utf-8"))


def test_an_old_schema_beside_her_cases_is_refreshed_and_a_current_one_kept(tmp_path):
    old = tmp_path / "schema.json"
    old.write_text('{"title": "last year\'s"}', "utf-8")
    os.utime(old, (0, 0))  # older than the game's
    assert main(["new", str(tmp_path / "one.yaml"), "--defaults"]) == 0
    assert old.read_bytes() == (builtin_dir() / "schema.json").read_bytes()
    os.utime(old, (1, 1))
    assert main(["new", str(tmp_path / "two.yaml"), "--defaults"]) == 0
    assert os.stat(old).st_mtime == 1  # the same schema: left alone
