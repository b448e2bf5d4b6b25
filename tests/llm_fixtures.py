"""LLM fixtures for any test: no user settings leak in, and a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import os

import pytest
from llm_server import LLMServer

from trainer.llm.config import LLMSettings, Secret

TEST_KEY = "sk-test-4f9c2e7a1b8d6e3f0a5c9b2d7e1f4a8c"
"""A key-shaped secret: tests assert it reaches the Authorization header and nowhere else."""


@pytest.fixture(autouse=True)
def no_user_llm_settings(tmp_path, monkeypatch):
    """Tests never see the developer's OPENAI_* variables or config file, and never reach a real model."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "AZURE_OPENAI_")) or name == "WEBCARE_MODEL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("WEBCARE_CONFIG", str(tmp_path / "webcare-config.toml"))


@pytest.fixture
def llm_server():
    server = LLMServer().start()
    yield server
    server.stop()


@pytest.fixture
def llm_settings(llm_server) -> LLMSettings:
    """Settings for the test server: a key, tiny time-out and back-off so a fault costs milliseconds."""
    return LLMSettings(model="test-model", base_url=llm_server.base_url, api_key=Secret(TEST_KEY),
                       timeout=0.5, retries=2, backoff=0.01, backoff_max=0.05, retry_after_max=2.0,
                       source="test")
