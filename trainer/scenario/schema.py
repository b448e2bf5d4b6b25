"""The JSON Schema editors use for completion and hover help, generated from the models."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from trainer.scenario.models import Scenario


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """Built once per process: the loader follows it for hints, `webcare schema` prints it."""
    schema = Scenario.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }
