"""The JSON Schema editors use for completion and hover help, generated from the models."""

from __future__ import annotations

from typing import Any

from trainer.scenario.models import Scenario

def json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }
