"""Editors complete scenario files from scenarios/schema.json: it must match the models."""

from __future__ import annotations

import json

from conftest import SCENARIOS
from trainer.scenario.schema import json_schema


def test_the_committed_schema_is_generated_from_the_models():
    committed = json.loads((SCENARIOS / "schema.json").read_text("utf-8"))
    assert committed == json_schema(), "regenerate it: webcare schema > scenarios/schema.json"


def test_every_scenario_points_its_editor_at_the_schema():
    for path in SCENARIOS.glob("*.yaml"):
        first = path.read_text("utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=schema.json", path.name


def test_the_schema_describes_fields_for_hover_help():
    schema = json_schema()
    customer = schema["$defs"]["Customer"]["properties"]
    assert "livid" in customer["mood"]["description"]
