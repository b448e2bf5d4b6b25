"""The annotated example in the authors' page is a real scenario: it loads, lints clean and plays as pinned."""

from __future__ import annotations

import re

from conftest import ROOT

from trainer.engine.intents import Recogniser
from trainer.playthrough import run_playthrough
from trainer.scenario.loader import check_bytes

PAGE = ROOT / "docs" / "scenario-format.md"


def _first_yaml_block() -> str:
    match = re.search(r"```yaml\n(.*?)```", PAGE.read_text("utf-8"), re.DOTALL)
    assert match, "the page has no yaml example"
    return match.group(1)


def test_the_documented_example_loads_without_errors_or_warnings(tmp_path):
    scenario, problems = check_bytes(
        _first_yaml_block().encode(), tmp_path / "example.yaml",
        recognise=lambda s, text: Recogniser(s.intents, s.language).recognise(text),
    )
    assert [str(p) for p in problems.items] == []
    assert scenario is not None and scenario.playthroughs


def test_the_documented_example_plays_as_its_playthroughs_say(tmp_path):
    scenario, _ = check_bytes(_first_yaml_block().encode(), tmp_path / "example.yaml")
    for playthrough in scenario.playthroughs:
        assert run_playthrough(scenario, playthrough).failures == [], playthrough.name


def test_the_library_page_shows_every_built_in_scenario_as_it_is_now():
    from trainer.scenario.catalogue import catalogue
    from trainer.scenario.library import load_library

    page = ROOT / "docs" / "library.md"
    expected = catalogue(load_library().scenarios)
    assert page.read_text("utf-8") == expected, "regenerate: webcare graph --library > docs/library.md"
