"""Curricula and badges are YAML beside the scenarios: loaded, schema-checked and linted with file:line:col."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.campaign.library import curricula_dir, find_curriculum, load_curricula
from trainer.campaign.lint import DIFFICULTY
from trainer.campaign.schema import json_schema
from trainer.cli import main
from trainer.errors import ScenarioError, TrainerError
from trainer.scenario.library import find_scenario

GOOD = """\
format: 1
id: my-path
title: My path
language: en
about: Two cases.
modules:
  - id: first
    title: First
    focus: facilitator
    about: Take it private.
    scenarios: [public-details-en]
    pass_mark: {facilitator: 70}
  - id: second
    title: Second
    focus: detective
    about: Find the facts.
    scenarios: legroom-en
    pass_mark: {detective: 70}
"""


def _problems(tmp_path: Path, text: str, name: str = "path.yaml"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path, load_curricula(files=[path])


def test_the_built_in_curricula_and_badges_load_without_a_single_problem():
    library = load_curricula()
    assert library.problems == []
    assert sorted(c.id for c in library.curricula) == ["onboarding-en", "onboarding-nl"]
    assert len(library.badges) >= 5


def test_the_default_onboarding_goes_easy_to_hard_with_one_trade_in_focus_per_module_in_both_languages():
    en, nl = find_curriculum("onboarding-en"), find_curriculum("onboarding-nl")
    assert [m.id for m in en.modules] == [m.id for m in nl.modules]
    assert [(m.focus, m.pass_mark) for m in en.modules] == [(m.focus, m.pass_mark) for m in nl.modules]
    for curriculum in (en, nl):
        cases = [find_scenario(m.test_scenario) for m in curriculum.modules]
        assert all(s.language == curriculum.language for s in cases)
        order = [(DIFFICULTY[s.difficulty], s.audience == "public") for s in cases]
        assert order == sorted(order), "easy → hard; within a difficulty, private before public"
        assert all(max(m.pass_mark, key=m.pass_mark.get) == m.focus for m in curriculum.modules)
    assert {m.focus for m in en.modules} == {"facilitator", "detective", "plumber"}


def test_a_good_curriculum_of_ones_own_loads_and_one_scenario_may_be_written_without_a_list(tmp_path):
    _, library = _problems(tmp_path, GOOD)
    assert library.problems == []
    [c] = library.curricula
    assert c.modules[1].scenarios == ("legroom-en",) and c.test_window_hours == 24 and c.path.name == "path.yaml"


@pytest.mark.parametrize(("change", "where", "message", "hint"), [
    (("focus: detective", "focus: detectve"), "15:12", "'detectve' is not allowed for modules › item 2 › focus",
     "did you mean 'detective'?"),
    (("    pass_mark: {detective: 70}", "    pass_mark: {detective: 170}"), "18:28",
     "modules › item 2 › pass_mark › detective must be at most 100, not 170", ""),
    (("    about: Find the facts.", "    abut: Find the facts."), "16:5", "unknown key 'abut' in modules › item 2",
     "did you mean 'about'?"),
    (("scenarios: legroom-en", "scenarios: legroom-fr"), "17:16", "no scenario has the id 'legroom-fr'",
     "did you mean 'legroom-en'?"),
    (("scenarios: legroom-en", "scenarios: legroom-nl"), "17:16", ("'legroom-nl' is in Dutch; this curriculum is in "
     "English"), "did you mean 'legroom-en'?"),
    (("  - id: second", "  - id: first"), "13:9", "the module id 'first' is used twice", ""),
    (("title: My path\n", ""), "1:1", "'title' is missing in the curriculum", "add 'title:' to the file"),
    (("    pass_mark: {detective: 70}", "    pass_mark: {charm: 70}"), "18:17",
     "'charm' is not allowed as a key in modules › item 2 › pass_mark", "choose one of: detective, facilitator"),
])
def test_a_mistake_is_reported_at_its_line_and_column_with_a_hint(tmp_path, change, where, message, hint):
    path, library = _problems(tmp_path, GOOD.replace(*change))
    errors = [p for p in library.problems if p.severity == "error"]
    assert [(p.where, p.message) for p in errors] == [(f"{path}:{where}", message)]
    assert errors[0].hint.startswith(hint)
    assert library.curricula == []


def test_broken_yaml_and_an_empty_file_speak_of_a_curriculum_not_a_scenario(tmp_path):
    path, library = _problems(tmp_path, "format: 1\nid: [oops\n")
    [problem] = library.problems
    assert problem.where.startswith(f"{path}:") and problem.severity == "error"
    _, library = _problems(tmp_path, "# only a comment\n", "empty.yaml")
    assert "scenario" not in str(library.problems[0]) and "curriculum" in library.problems[0].message


def test_lint_warns_about_a_path_that_gets_easier_a_focus_without_a_pass_mark_and_a_mark_out_of_reach(tmp_path):
    text = (GOOD.replace("scenarios: [public-details-en]", "scenarios: [usb-stick-en]")
            .replace("pass_mark: {facilitator: 70}", "pass_mark: {plumber: 99}"))
    path, library = _problems(tmp_path, text)
    warnings = {p.message: p.where for p in library.problems if p.severity == "warning"}
    assert warnings == {
        "module 'first' focuses on the facilitator but sets no pass mark for it": f"{path}:12:16",
        "module 'second' is easier than 'first' before it": f"{path}:17:16",
    }
    text = GOOD.replace("pass_mark: {facilitator: 70}", "pass_mark: {facilitator: 70, plumber: 100}")
    path, library = _problems(tmp_path, text.replace("public-details-en", "usb-stick-en"), "reach.yaml")
    assert [p.message for p in library.problems if "out of reach" in p.message] == []  # exemplary expects 88-100


def test_badges_must_name_the_scorers_criteria_and_give_a_condition(tmp_path):
    text = """\
format: 1
badges:
  - id: asks-well
    icon: "?"
    title: {en: Asks well, nl: Vraagt goed}
    about: {en: Open questions., nl: Open vragen.}
    when:
      criteria: {ask: 100}
"""
    path, library = _problems(tmp_path, text, "badges.yaml")
    [problem] = library.problems
    assert (problem.where, problem.message) == (f"{path}:8:18", "the scorer has no criterion 'ask'")
    assert problem.hint == "did you mean 'asks'?"
    _, library = _problems(tmp_path, text.replace("      criteria: {ask: 100}\n", "      {}\n").replace(
        "    when:\n      {}", "    when: {}"), "none.yaml")
    assert "a badge needs a condition" in library.problems[0].message
    _, library = _problems(tmp_path, text.replace("nl: Vraagt goed", "fr: Demande bien"), "fr.yaml")
    assert any("'fr'" in p.message for p in library.problems)


def test_find_a_curriculum_by_id_or_path_or_get_a_did_you_mean(tmp_path):
    assert find_curriculum("onboarding-nl").language == "nl"
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, "utf-8")
    assert find_curriculum(str(path)).id == "my-path"
    with pytest.raises(TrainerError, match="Did you mean onboarding-en"):
        find_curriculum("onbording-en")
    path.write_text(GOOD.replace("focus: detective", "focus: detectve"), "utf-8")
    with pytest.raises(ScenarioError):
        find_curriculum(str(path))


def test_webcare_check_checks_curricula_beside_scenarios(tmp_path, capsys):
    assert main(["check", str(curricula_dir())]) == 0
    assert "3 files checked: 0 errors, 0 warnings." in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("legroom-en", "legroom-fr"), "utf-8")
    case = tmp_path / "case.yaml"
    case.write_text(find_scenario("legroom-en").path.read_text("utf-8"), "utf-8")
    assert main(["check", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:17:16: no scenario has the id 'legroom-fr'" in captured.err
    assert "2 files checked: 1 error" in captured.out


def test_the_committed_schemas_are_generated_from_the_models_and_every_file_points_at_one():
    assert json.loads((curricula_dir() / "schema.json").read_text("utf-8")) == json_schema("curriculum"), \
        "regenerate it: webcare schema curriculum > curricula/schema.json"
    assert json.loads((curricula_dir() / "badges.schema.json").read_text("utf-8")) == json_schema("badges"), \
        "regenerate it: webcare schema badges > curricula/badges.schema.json"
    for path in curricula_dir().glob("*.yaml"):
        first = path.read_text("utf-8").splitlines()[0]
        expected = "badges.schema.json" if path.name == "badges.yaml" else "schema.json"
        assert first == f"# yaml-language-server: $schema={expected}", path.name


def test_every_field_of_the_curriculum_format_is_described_for_the_editor():
    for kind in ("curriculum", "badges"):
        schema = json_schema(kind)
        for model, definition in [("top", schema), *schema["$defs"].items()]:
            for name, value in definition.get("properties", {}).items():
                assert value.get("description") and value.get("examples"), f"{kind} {model}.{name}"


def test_a_pass_mark_no_playthrough_reaches_is_flagged_as_out_of_reach(tmp_path):
    legroom = find_scenario("legroom-en")
    capped = legroom.model_copy(update={"playthroughs": tuple(
        p.model_copy(update={"expect": p.expect.model_copy(update={"scores": {"detective": (10, 80)}})})
        for p in legroom.playthroughs)})
    path = tmp_path / "path.yaml"
    path.write_text(GOOD.replace("{detective: 70}", "{detective: 85}"), "utf-8")
    library = load_curricula(files=[path], scenarios={"legroom-en": capped,
                                                      "public-details-en": find_scenario("public-details-en")})
    [warning] = [p for p in library.problems if "out of reach" in p.message]
    assert warning.where == f"{path}:18:28" and warning.severity == "warning"
    assert "no playthrough of 'legroom-en' expects more than 80 as detective; a pass mark of 85" in warning.message


def test_two_curricula_with_one_id_the_second_is_refused_with_where_the_first_is(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(GOOD, "utf-8")
    second.write_text(GOOD, "utf-8")
    library = load_curricula(files=[first, second])
    assert [c.path for c in library.curricula] == [first]
    [problem] = library.problems
    assert (problem.where, problem.message) == (f"{second}:2:5", "the id 'my-path' is already used by a.yaml")
