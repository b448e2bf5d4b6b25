"""Which customer plays: the script (offline, the default) or a model, when an endpoint is configured.

`--customer auto` (the default) goes live when a model and an endpoint are set; `llm` insists (and
says what is missing); `scripted` never asks a model. Nothing here imports `openai`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.errors import ConfigError

if TYPE_CHECKING:
    from trainer.customers.llm import LLMCustomer
    from trainer.customers.llm_intents import LLMRecogniser
    from trainer.llm.config import LLMSettings
    from trainer.scenario.models import Scenario

CHOICES = ("auto", "llm", "scripted")
DISCOVER_TIMEOUT = 5.0


def live_settings(choice: str, model: str | None = None, *,
                  env: Mapping[str, str] | None = None) -> tuple[LLMSettings | None, str]:
    """The settings her model is asked with, or None and a line saying why her lines stay scripted
    (empty when there is nothing worth saying: `auto` with no endpoint set)."""
    if choice == "scripted":
        return None, ""
    from trainer.llm.config import load_settings

    try:
        settings = load_settings({"model": model}, env=env)
    except ConfigError as exc:
        return None, str(exc)
    if not settings.model and settings.base_url:
        settings, problem = _only_model(settings)
        if problem:
            return None, problem
    if settings.configured:
        return settings, ""
    if choice == "auto" and not settings.base_url:
        return None, ""
    return None, settings.missing()


def _only_model(settings: LLMSettings) -> tuple[LLMSettings, str]:
    """No model named, an endpoint given: the one model it serves (llama.cpp, LM Studio), if it serves one."""
    from trainer.llm.client import LLMClient
    from trainer.llm.config import with_overrides
    from trainer.llm.errors import LLMUnavailable

    probe = with_overrides(settings, model="?", timeout=min(settings.timeout, DISCOVER_TIMEOUT), retries=0)
    try:
        names = LLMClient(probe).models()
    except LLMUnavailable as exc:
        return settings, f"no model is set and the endpoint could not list its models: {exc}"
    if len(names) == 1:
        return with_overrides(settings, model=names[0]), ""
    if not names:
        return settings, "no model is set and the endpoint lists none: set WEBCARE_MODEL or pass --model"
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return settings, f"no model is set and the endpoint serves several ({shown}): set WEBCARE_MODEL or pass --model"


@dataclass(frozen=True)
class Live:
    """What the command line asked for: a model for her lines and/or for reading intents, and its settings."""

    settings: LLMSettings | None = None
    problem: str = ""
    """Why there is no model although one was asked for (the game plays on, scripted)."""
    lines: bool = True
    """A model writes her lines (False: `--customer scripted` with `--llm-intents`)."""
    read_intents: bool = False

    @classmethod
    def from_args(cls, choice: str, model: str | None, llm_intents: bool,
                  env: Mapping[str, str] | None = None) -> Live:
        wanted = "llm" if llm_intents and choice == "scripted" else choice
        settings, problem = live_settings(wanted, model, env=env)
        return cls(settings, problem, lines=choice != "scripted", read_intents=llm_intents)

    def customer(self, scenario: Scenario, seed: int = 0) -> LLMCustomer | None:
        return live_customer(scenario, self.settings if self.lines else None, seed=seed)

    def intents(self, scenario: Scenario) -> LLMRecogniser | None:
        return live_intents(scenario, self.settings, self.read_intents)


def live_customer(scenario: Scenario, settings: LLMSettings | None, *, seed: int = 0) -> LLMCustomer | None:
    if settings is None:
        return None
    from trainer.customers.llm import LLMCustomer

    return LLMCustomer(scenario, settings, seed=seed)


def live_intents(scenario: Scenario, settings: LLMSettings | None, wanted: bool) -> LLMRecogniser | None:
    if settings is None or not wanted:
        return None
    from trainer.customers.llm_intents import LLMRecogniser

    return LLMRecogniser(scenario, settings)
