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


def _properties(schema: dict):
    """Every property of the schema and of its definitions, as (where, name, its schema)."""
    yield from (("Scenario", name, value) for name, value in schema.get("properties", {}).items())
    for model, definition in schema.get("$defs", {}).items():
        yield from ((model, name, value) for name, value in definition.get("properties", {}).items())


def test_every_field_has_a_description_and_an_example_for_the_editor():
    lacking = [f"{model}.{name}: {what}" for model, name, value in _properties(json_schema())
               for what in ("description", "examples") if not value.get(what)]
    assert lacking == [], "add description= and examples= to these fields in trainer/scenario/models.py"


def test_every_example_in_the_schema_is_valid_where_it_can_be_checked_alone():
    from typing import Annotated

    from pydantic import TypeAdapter

    from trainer.scenario import models

    for model, name, value in _properties(json_schema()):
        cls = getattr(models, model)
        field = cls.model_fields.get(name) or next(f for f in cls.model_fields.values() if f.alias == name)
        for example in value["examples"]:
            kind = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
            TypeAdapter(kind).validate_python(example)
