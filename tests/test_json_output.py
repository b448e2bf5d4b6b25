"""Scripts read `webcare list`, `history`, `curriculum`, `check` and `doctor` as JSON: one object each, with its
format and version, and text from files, the store or an endpoint as JSON strings that no terminal obeys."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import DATA, ROOT
from llm_fixtures import TEST_KEY

from trainer.cli import main
from trainer.commands.doctor import diagnose
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.scenario.shelves import ENV
from trainer.store import open_store

RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What a terminal would obey: C0 (but newline and tab, which JSON's indentation uses), DEL, C1, bidi marks."""


def read_json(capsys, kind: str) -> dict:
    out = capsys.readouterr().out
    assert RAW.findall(out) == [], "raw control characters on the terminal"
    data = json.loads(out)
    assert data["format"] == f"webcare-{kind}" and data["version"] == 1
    return data


def hostile_folder(tmp_path):
    """An author's folder: a case whose title holds escape sequences, and one that is broken."""
    folder = tmp_path / "our-cases"
    folder.mkdir()
    text = (DATA / "minimal.yaml").read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    (folder / "minimal.yaml").write_text(text.replace(title, 'title: "Late\\e[2J\\x9b suitcase \\u202eevil"', 1),
                                         "utf-8")
    (folder / "broken.yaml").write_text("format: 1\nid: broken\ntitle: [oops\n", "utf-8")
    return folder


def test_a_script_reads_the_scenarios_and_what_is_wrong_in_its_own_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV, str(hostile_folder(tmp_path)))
    assert main(["list", "--format", "json"]) == 0
    data = read_json(capsys, "list")
    scenarios = {s["id"]: s for s in data["scenarios"]}
    assert scenarios["minimal"]["title"] == "Late\x1b[2J\x9b suitcase \u202eevil"  # the same text, only escaped
    assert scenarios["minimal"]["own"] is True and scenarios["legroom-en"]["own"] is False
    assert set(scenarios["legroom-en"]) >= {"id", "title", "language", "channel", "audience", "difficulty", "own"}
    assert scenarios["legroom-nl"]["language"] == "nl"
    [problem] = data["problems"]
    assert problem["file"].endswith("broken.yaml") and (problem["line"], problem["column"]) == (3, 8)
    assert problem["severity"] == "error" and problem["message"] and "hint" in problem


def test_check_as_json_gives_every_problem_with_where_and_a_hint(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: \"a\\e[2J\" [oops\n", "utf-8")
    assert main(["check", "--format", "json", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""  # everything is in the object
    data = json.loads(captured.out)
    assert data["format"] == "webcare-check" and (data["files"], data["errors"], data["warnings"]) == (1, 1, 0)
    [problem] = data["problems"]
    assert problem == {"file": str(bad), "line": 3, "column": 17, "severity": "error",
                       "message": "there is more text after the closing quote", "hint": problem["hint"]}
    assert problem["hint"].startswith("put the whole value between quotes")


def test_check_as_json_of_the_built_in_library_finds_no_errors(capsys):
    assert main(["check", "--format", "json", str(ROOT / "scenarios" / "legroom-en.yaml")]) == 0
    data = read_json(capsys, "check")
    assert data["errors"] == 0 and all(p["severity"] == "warning" for p in data["problems"])


def test_check_watch_is_for_people_json_for_scripts(tmp_path, capsys):
    assert main(["check", "--watch", "--format", "json"]) == 1
    assert "--format json checks once" in capsys.readouterr().err


@pytest.fixture
def anna(tmp_path):
    """A store where anna played the legroom case three times, once under a name with escape sequences."""
    legroom = find_scenario("legroom-en")
    path = str(tmp_path / "laptop.db")
    store = open_store(path)
    for trainee, name in [("anna", "copy-paste"), ("anna", "exemplary"), ("anna\x1b[2J", "exemplary")]:
        result = run_playthrough(legroom, next(p for p in legroom.playthroughs if p.name == name))
        session_id = store.begin(trainee=trainee, scenario=legroom)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
    store.close()
    return path


def test_a_coach_scripts_a_trainees_history(anna, capsys):
    assert main(["history", "--trainee", "anna", "--db", anna, "--format", "json"]) == 0
    data = read_json(capsys, "history")
    assert data["trainee"] == "anna"
    [legroom] = data["scenarios"]
    assert legroom["scenario"] == "legroom-en" and legroom["attempts"] == 2 and legroom["finished"] == 2
    assert legroom["best"] == {"facilitator": 100, "detective": 100, "plumber": 100}
    assert [a["scores"] for a in legroom["series"]][-1] == legroom["latest"]
    assert legroom["series"][0]["scores"]["facilitator"] < 100  # the copy-paste attempt came first


def test_history_as_json_shows_a_hostile_name_escaped(anna, capsys):
    assert main(["history", "--trainee", "anna\x1b[2J", "--db", anna, "--format", "json"]) == 0
    assert read_json(capsys, "history")["trainee"] == "anna\x1b[2J"
    assert main(["history", "--trainee", "nobody", "--db", anna, "--format", "json"]) == 0
    assert read_json(capsys, "history")["scenarios"] == []


def test_curricula_and_a_trainees_progress_as_json(anna, capsys):
    assert main(["curriculum", "--format", "json"]) == 0
    curricula = {c["id"]: c for c in read_json(capsys, "curricula")["curricula"]}
    assert curricula["onboarding-nl"]["language"] == "nl" and curricula["onboarding-en"]["modules"] >= 1
    assert main(["curriculum", "onboarding-en", "--trainee", "anna", "--db", anna, "--format", "json"]) == 0
    data = read_json(capsys, "curriculum-progress")
    assert data["curriculum"]["id"] == "onboarding-en" and data["trainee"] == "anna" and data["passed"] is False
    first = data["modules"][0]
    assert first["status"] == "open" and set(first["pass_mark"]) <= {"facilitator", "detective", "plumber"}
    assert [m["status"] for m in data["modules"][1:]] == ["locked"] * (len(data["modules"]) - 1)
    assert data["next_step"]


def test_doctor_as_json_names_each_check_and_never_the_key(llm_server, tmp_path):
    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_API_KEY": TEST_KEY,
           "OPENAI_BASE_URL": llm_server.base_url, "WEBCARE_MODEL": "test-model"}
    out = io.StringIO()
    assert diagnose(None, out, env=env, as_json=True) == 0
    data = json.loads(out.getvalue())
    assert data["format"] == "webcare-doctor" and data["ok"] is True
    checks = {c["name"]: c for c in data["checks"]}
    for name in ("endpoint", "model_listed", "completion", "streaming", "ready"):
        assert checks[name]["ok"] is True and checks[name]["status"] == "ok", name
    assert all(set(c) == {"name", "ok", "status", "detail"} for c in data["checks"])
    assert TEST_KEY not in out.getvalue()


def test_doctor_as_json_says_what_failed_and_shows_an_endpoints_words_escaped(llm_server, tmp_path):
    llm_server.models = ("test-model", "\x1b[2J\x1b]0;owned\x07", "gpt\u202eevil")
    out = io.StringIO()
    assert diagnose(None, out, env={"WEBCARE_CONFIG": str(tmp_path / "none.toml"),
                                    "OPENAI_BASE_URL": llm_server.base_url}, as_json=True) == 1
    assert RAW.findall(out.getvalue()) == []
    data = json.loads(out.getvalue())
    assert data["ok"] is False
    [failed] = [c for c in data["checks"] if not c["ok"]]
    assert failed["name"] == "model_set" and failed["status"] == "failed"
    assert "\x1b[2J\x1b]0;owned\x07" in failed["detail"]  # the same words, as JSON escapes


def test_doctor_as_json_from_the_command_line_when_nothing_is_set_up(tmp_path, monkeypatch, capsys):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "WEBCARE_MODEL", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WEBCARE_CONFIG", str(tmp_path / "none.toml"))
    assert main(["doctor", "--format", "json"]) == 1
    data = read_json(capsys, "doctor")
    assert data["checks"][-1]["name"] == "configured" and data["checks"][-1]["ok"] is False


def test_the_json_shapes_are_documented_for_every_command():
    page = (ROOT / "docs" / "json-output.md").read_text("utf-8")
    for kind in ("list", "history", "curricula", "curriculum-progress", "check", "doctor"):
        assert f'"webcare-{kind}"' in page, kind
