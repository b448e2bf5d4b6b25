"""LLM settings as the ecosystem expects them: explicit overrides, then the environment, then a config file.

Environment: `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `WEBCARE_MODEL`, `WEBCARE_FIRST_TOKEN_TIMEOUT` (Azure
OpenAI: `AZURE_OPENAI_API_KEY`, `AZURE_OPENAI_ENDPOINT`, `OPENAI_API_VERSION`). The config file is TOML, `config.toml` in the user's
config folder for webcare (or the file `WEBCARE_CONFIG` names), with an `[llm]` table:

    [llm]
    model = "llama3.1"
    base_url = "http://localhost:11434/v1"   # Ollama; vLLM, LM Studio, llama.cpp alike
    timeout = 30                             # seconds per request
    retries = 2                              # extra tries after a fault
    first_token_timeout = 5                  # seconds the live customer waits for her first word (0: no limit)

The key is held in a `Secret`: it shows as `***` in every repr, message and `describe()`.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from trainer.errors import ConfigError

OPENAI_HOST = "api.openai.com"
FIRST_TOKEN_TIMEOUT = 5.0
"""The default first-word deadline: a chat partner silent for longer looks stuck. Hosted endpoints start in
well under 2 s and a local server with the model loaded in 1–3 s for her prompt (about a thousand tokens);
a model still loading misses it once, the script speaks, and a later line finds it ready."""
NO_KEY = "not-needed"
"""Sent to keyless local servers (Ollama, llama.cpp…): the client library insists on some key."""


class Secret:
    """A value that never shows itself: `reveal()` is the one way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self):  # pickling would write the key out; there is no need to
        raise TypeError("a Secret is not pickled")

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: dict) -> Secret:
        return self


@dataclass(frozen=True)
class LLMSettings:
    model: str | None = None
    """The model (for Azure OpenAI: the deployment name)."""
    base_url: str | None = None
    """The endpoint, e.g. http://localhost:11434/v1; None: OpenAI's own."""
    api_key: Secret | None = field(default=None, repr=False)
    api_version: str | None = None
    """Azure OpenAI's API version; with it, `base_url` is the Azure endpoint."""
    timeout: float = 30.0
    """Seconds one request may take (for a stream: between two chunks)."""
    retries: int = 2
    """Extra tries after a time-out, 429, 5xx, refused connection, empty, malformed or cut reply."""
    backoff: float = 0.5
    """Seconds before the first retry; doubled each time, up to `backoff_max`."""
    backoff_max: float = 8.0
    retry_after_max: float = 30.0
    """Longest Retry-After honoured; a server asking for more is given up on at once."""
    first_token_timeout: float = FIRST_TOKEN_TIMEOUT
    """Seconds the live customer waits for the first word of her line, retries included; then the script
    speaks for her. 0: no limit (each request still has `timeout`)."""
    temperature: float | None = None
    seed: int | None = None
    """Sent with each request when set (most servers honour it): the same seed, the same sampling."""
    source: str = ""
    """Where the settings came from, for messages (never the key)."""

    @property
    def configured(self) -> bool:
        """A model to ask and an endpoint that can answer (a local one needs no key)."""
        return bool(self.model) and bool(self.api_key or self.base_url)

    @property
    def azure(self) -> bool:
        return self.api_version is not None

    @property
    def host(self) -> str:
        """The endpoint's host (and port), for manifests and messages: no path, no credentials."""
        if not self.base_url:
            return OPENAI_HOST
        parts = urlsplit(self.base_url if "://" in self.base_url else f"http://{self.base_url}")
        host = parts.hostname or "?"
        return f"{host}:{parts.port}" if parts.port else host

    def key(self) -> str:
        """The key to send (a placeholder for keyless local servers)."""
        return self.api_key.reveal() if self.api_key else NO_KEY

    def describe(self) -> str:
        """`gpt-4o-mini at api.openai.com (key set)`: what a user needs to see, never the key."""
        if not self.model:
            return f"no model set ({self.host})"
        key = "key set" if self.api_key else "no key"
        kind = ", Azure OpenAI" if self.azure else ""
        return f"{self.model} at {self.host} ({key}{kind})"

    def missing(self) -> str:
        """What to set before a model can be asked (empty when `configured`)."""
        if not self.model:
            return ("no model is set: set WEBCARE_MODEL or pass --model, or add `model = \"…\"` under [llm] "
                    f"in {config_path()}")
        if not self.configured:
            return ("no endpoint is set: set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL for another "
                    f"OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp), or add them to {config_path()}")
        return ""


_NUMBERS = {"timeout": float, "retries": int, "backoff": float, "backoff_max": float,
            "retry_after_max": float, "first_token_timeout": float, "temperature": float, "seed": int}
_ENV_NUMBERS = {"WEBCARE_FIRST_TOKEN_TIMEOUT": "first_token_timeout"}
_TEXTS = ("model", "base_url", "api_key", "api_version")


def config_path(env: Mapping[str, str] | None = None) -> Path:
    """The config file: `WEBCARE_CONFIG`, else config.toml in the user's config folder for webcare."""
    env = os.environ if env is None else env
    if env.get("WEBCARE_CONFIG"):
        return Path(env["WEBCARE_CONFIG"])
    from platformdirs import user_config_path

    return user_config_path("webcare", appauthor=False) / "config.toml"


def load_settings(overrides: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None,
                  path: Path | None = None) -> LLMSettings:
    """Settings from, in order of precedence: `overrides` (e.g. `--model`), the environment, the config file.

    Raises ConfigError for a config file that can't be read or holds a wrong value.
    """
    env = os.environ if env is None else env
    path = path or config_path(env)
    values: dict[str, Any] = {}
    sources: list[str] = []
    from_file = _read_file(path)
    if from_file:
        values.update(from_file)
        sources.append(str(path))
    from_env = _from_env(env)
    if from_env:
        values.update(from_env)
        sources.append("environment")
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    if given:
        values.update(_checked(given, "the command line"))
        sources.append("command line")
    if isinstance(values.get("api_key"), str):
        values["api_key"] = Secret(values["api_key"]) if values["api_key"] else None
    return LLMSettings(**values, source=", ".join(sources) or "defaults")


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    azure = env.get("AZURE_OPENAI_ENDPOINT")
    if azure:
        out["base_url"] = azure
        out["api_version"] = env.get("OPENAI_API_VERSION") or None
        if env.get("AZURE_OPENAI_API_KEY"):
            out["api_key"] = env["AZURE_OPENAI_API_KEY"]
    if env.get("OPENAI_BASE_URL"):
        out["base_url"] = env["OPENAI_BASE_URL"]
    if env.get("OPENAI_API_KEY") and "api_key" not in out:
        out["api_key"] = env["OPENAI_API_KEY"]
    if env.get("WEBCARE_MODEL"):
        out["model"] = env["WEBCARE_MODEL"]
    for name, setting in _ENV_NUMBERS.items():
        if env.get(name, "").strip():
            out |= _checked({setting: env[name].strip()}, name, label=name)
    return out


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"{path}: can't be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("llm", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: `llm` should be a table: a line [llm] with the settings under it")
    return _checked(table, str(path))


def _checked(table: Mapping[str, Any], where: str, label: str | None = None) -> dict[str, Any]:
    """The settings in `table`, each of the right kind; `label` names a single value (an environment variable)."""
    known = {f.name for f in fields(LLMSettings)} - {"source"}
    out: dict[str, Any] = {}
    for name, value in table.items():
        if name not in known:
            import difflib

            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else f"; known: {', '.join(sorted(known))}"
            raise ConfigError(f"{where}: unknown LLM setting `{name}`{hint}")
        if name in _NUMBERS:
            what = label or f"{where}: `{name}`"
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise ConfigError(f"{what} should be a number")
            try:
                value = _NUMBERS[name](value)
                if math.isnan(value):
                    raise ValueError
            except ValueError:
                raise ConfigError(f"{what} should be a number, not {table[name]!r}") from None
            if value < 0:
                raise ConfigError(f"{what} can't be negative")
        elif name in _TEXTS and not isinstance(value, str | Secret):
            raise ConfigError(f"{where}: `{name}` should be text in quotes")
        out[name] = value
    return out


def with_overrides(settings: LLMSettings, **changes: Any) -> LLMSettings:
    """A copy with some settings changed (tests use it for tiny time-outs and back-offs)."""
    if isinstance(changes.get("api_key"), str):
        changes["api_key"] = Secret(changes["api_key"])
    return replace(settings, **changes)


def judge_settings(wanted: bool, model: str | None = None) -> tuple[LLMSettings | None, str]:
    """For `--judge`: the settings to judge with, or None and one line saying what is missing."""
    if not wanted:
        return None, ""
    try:
        settings = load_settings({"model": model})
    except ConfigError as exc:
        return None, str(exc)
    if not settings.configured:
        return None, settings.missing()
    return settings, ""
