"""A user configures the model as the ecosystem expects: env vars, a config file, or --model; the key never shows."""

from __future__ import annotations

import pytest
from llm_fixtures import TEST_KEY

from trainer.errors import ConfigError
from trainer.llm.client import LLMClient, LLMNotConfigured
from trainer.llm.config import LLMSettings, Secret, config_path, load_settings


def test_the_environment_sets_key_endpoint_and_model(tmp_path):
    env = {"OPENAI_API_KEY": TEST_KEY, "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "WEBCARE_MODEL": "llama3.1"}
    settings = load_settings(env=env, path=tmp_path / "none.toml")
    assert settings.configured
    assert settings.model == "llama3.1" and settings.base_url == "http://127.0.0.1:11434/v1"
    assert settings.api_key.reveal() == TEST_KEY
    assert settings.host == "127.0.0.1:11434"
    assert settings.source == "environment"


def test_a_config_file_in_the_config_folder_is_read_and_the_environment_and_command_line_win(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[llm]\nmodel = "from-file"\nbase_url = "http://127.0.0.1:8080/v1"\ntimeout = 12\nretries = 4\n')
    from_file = load_settings(env={"WEBCARE_CONFIG": str(path)})
    assert (from_file.model, from_file.timeout, from_file.retries) == ("from-file", 12.0, 4)
    assert from_file.configured, "a local server needs no key"
    with_env = load_settings(env={"WEBCARE_CONFIG": str(path), "WEBCARE_MODEL": "from-env"})
    assert with_env.model == "from-env" and with_env.timeout == 12.0
    with_flag = load_settings({"model": "from-flag"}, env={"WEBCARE_CONFIG": str(path), "WEBCARE_MODEL": "x"})
    assert with_flag.model == "from-flag"
    assert with_flag.source == f"{path}, environment, command line"


def test_the_default_config_file_lives_in_the_users_config_folder_for_webcare():
    path = config_path({})
    assert path.name == "config.toml" and path.parent.name == "webcare"


def test_azure_openai_is_configured_from_its_own_variables(tmp_path):
    env = {"AZURE_OPENAI_ENDPOINT": "https://example-resource.openai.azure.com", "AZURE_OPENAI_API_KEY": TEST_KEY,
           "OPENAI_API_VERSION": "2024-06-01", "WEBCARE_MODEL": "my-deployment"}
    settings = load_settings(env=env, path=tmp_path / "none.toml")
    assert settings.azure and settings.host == "example-resource.openai.azure.com"
    assert settings.describe() == "my-deployment at example-resource.openai.azure.com (key set, Azure OpenAI)"


@pytest.mark.parametrize("content, message", [
    ("[llm\nmodel = 1", "not valid TOML"),
    ('[llm]\nmodle = "x"', "unknown LLM setting `modle`; did you mean `model`?"),
    ('[llm]\ntimeout = "soon"', "`timeout` should be a number"),
    ("[llm]\nretries = -1", "`retries` can't be negative"),
    ('llm = "gpt"', "`llm` should be a table"),
])
def test_a_wrong_config_file_is_told_clearly(tmp_path, content, message):
    path = tmp_path / "config.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(env={}, path=path)
    assert message in str(caught.value) and str(path) in str(caught.value)


def test_the_key_never_shows_in_repr_str_or_describe(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[llm]\nmodel = "gpt-4o-mini"\napi_key = "{TEST_KEY}"\n')
    settings = load_settings(env={}, path=path)
    client = LLMClient(settings)
    for shown in (repr(settings), str(settings), settings.describe(), repr(client), str(settings.api_key),
                  repr(settings.api_key), f"{settings.api_key}"):
        assert TEST_KEY not in shown
        assert TEST_KEY[:10] not in shown
    assert settings.describe() == "gpt-4o-mini at api.openai.com (key set)"
    assert settings.host == "api.openai.com"


def test_without_a_model_or_an_endpoint_the_client_says_what_to_set():
    with pytest.raises(LLMNotConfigured, match="WEBCARE_MODEL or pass --model"):
        LLMClient(LLMSettings())
    with pytest.raises(LLMNotConfigured, match=r"OPENAI_API_KEY .* OPENAI_BASE_URL"):
        LLMClient(LLMSettings(model="gpt-4o-mini"))
    assert LLMSettings(model="m", api_key=Secret(TEST_KEY)).configured


def test_the_readme_config_example_is_a_working_config_file(tmp_path):
    import re

    from conftest import ROOT

    example = re.search(r"```toml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.DOTALL).group(1)
    path = tmp_path / "config.toml"
    path.write_text(example)
    settings = load_settings(env={}, path=path)
    assert settings.configured and settings.model == "llama3.1" and settings.host == "localhost:11434"


def test_settings_can_be_copied_but_the_key_is_never_pickled():
    import copy
    import pickle

    settings = LLMSettings(model="m", api_key=Secret(TEST_KEY))
    assert copy.deepcopy(settings).api_key.reveal() == TEST_KEY
    with pytest.raises(TypeError):
        pickle.dumps(settings)


def test_the_first_word_deadline_comes_from_the_environment_or_the_config_file_and_defaults_to_5_s(tmp_path):
    path = tmp_path / "config.toml"
    assert load_settings(env={}, path=path).first_token_timeout == 5.0
    path.write_text("[llm]\nfirst_token_timeout = 12\n")
    assert load_settings(env={}, path=path).first_token_timeout == 12.0
    assert load_settings(env={"WEBCARE_FIRST_TOKEN_TIMEOUT": "2.5"}, path=path).first_token_timeout == 2.5
    assert load_settings(env={"WEBCARE_FIRST_TOKEN_TIMEOUT": "0"}, path=path).first_token_timeout == 0.0


@pytest.mark.parametrize("value, message", [
    ("soon", "WEBCARE_FIRST_TOKEN_TIMEOUT should be a number, not 'soon'"),
    ("-3", "WEBCARE_FIRST_TOKEN_TIMEOUT can't be negative"),
    ("nan", "WEBCARE_FIRST_TOKEN_TIMEOUT should be a number, not 'nan'"),
])
def test_a_wrong_first_word_deadline_in_the_environment_is_told_in_one_line(tmp_path, value, message):
    with pytest.raises(ConfigError) as caught:
        load_settings(env={"WEBCARE_FIRST_TOKEN_TIMEOUT": value}, path=tmp_path / "none.toml")
    assert str(caught.value) == message
