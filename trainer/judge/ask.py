"""The optional LLM judge: one request asks a model to rate every criterion 0–3 with a quote and a reason.

A second opinion beside the deterministic scorer, never instead of it: `judged()` returns the same
scorecard with a `judge` attached. Any fault (no model set, time-outs, bad replies…) gives a
Judgement that says in one line why it is unavailable; nothing here raises for those.
Quotes are checked against the trainee's own messages; one that is not there is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from scoring.judgement import Judgement, JudgeRating, band, unavailable
from scoring.scorecard import Scorecard
from trainer.engine.events import Event, TraineeMessage
from trainer.judge.prompt import PROMPT, asked, prompt
from trainer.judge.quotes import clean, find_quote
from trainer.scenario.models import Scenario

if TYPE_CHECKING:
    from trainer.llm.client import LLMClient
    from trainer.llm.config import LLMSettings

MAX_TOKENS = 1500


class _Rated(BaseModel):
    model_config = ConfigDict(extra="ignore")
    criterion: str
    rating: int = Field(ge=0, le=3)
    quote: str = ""
    reason: str = ""


class _Reply(BaseModel):
    model_config = ConfigDict(extra="ignore")
    ratings: list[_Rated] = Field(min_length=1)


def judged(card: Scorecard, events: Sequence[Event], scenario: Scenario, **kwargs: Any) -> Scorecard:
    """The same scorecard with the judge's second opinion attached (see `judge`)."""
    return replace(card, judge=judge(card, events, scenario, **kwargs))


def judge(card: Scorecard, events: Sequence[Event], scenario: Scenario, *, settings: LLMSettings | None = None,
          client: LLMClient | None = None) -> Judgement:
    """Ask the model configured in `settings` (default: env and config file) or through `client`, and wait."""
    asking = _client(scenario, settings, client)
    if isinstance(asking, Judgement):
        return asking
    return asking.run(_ask(card, events, scenario, asking))


async def ajudge(card: Scorecard, events: Sequence[Event], scenario: Scenario, *,
                 settings: LLMSettings | None = None, client: LLMClient | None = None) -> Judgement:
    """`judge` as a coroutine (the scorecard's worker): cancelled, its request is closed at once."""
    asking = _client(scenario, settings, client)
    if isinstance(asking, Judgement):
        return asking
    try:
        return await _ask(card, events, scenario, asking)
    finally:
        if client is None:  # made here: its connections go with it
            await asking.aclose()


async def _ask(card: Scorecard, events: Sequence[Event], scenario: Scenario, asking: LLMClient) -> Judgement:
    from trainer.llm.errors import LLMError, LLMUnavailable

    s, language = asking.settings, _language(scenario)
    criteria = asked(card)
    if not criteria:
        return Judgement(s.model or "", s.host, language)
    known = {key for key, _ in criteria}

    def parse(data: Any) -> _Reply:
        reply = _Reply.model_validate(data)
        if not any(r.criterion.strip() in known for r in reply.ratings):
            raise ValueError("it rated none of the criteria asked about")
        return reply

    try:
        reply, meta = await asking.achat_json(prompt(card, events, scenario), parse, max_tokens=MAX_TOKENS)
    except LLMUnavailable as exc:
        return unavailable(exc.kind, exc.detail, model=s.model or "", host=s.host, language=language)
    except LLMError as exc:  # pragma: no cover - every LLMError the client raises is an LLMUnavailable
        return unavailable("rejected", str(exc), model=s.model or "", host=s.host, language=language)
    return _judgement(criteria, reply, meta, events, s, language)


def _language(scenario: Scenario) -> str:
    return scenario.language if scenario.language in PROMPT else "en"


def _client(scenario: Scenario, settings: LLMSettings | None, client: LLMClient | None) -> LLMClient | Judgement:
    """The client to ask through, or a Judgement saying why there is none."""
    from trainer.errors import ConfigError
    from trainer.llm.client import LLMClient
    from trainer.llm.config import load_settings

    if client is not None:
        return client
    try:
        settings = settings or load_settings()
        return LLMClient(settings)
    except ConfigError as exc:
        model, host = (settings.model or "", settings.host) if settings else ("", "")
        return unavailable("not_configured", str(exc), model=model, host=host, language=_language(scenario))


def _judgement(criteria: list[tuple[str, float]], reply: _Reply, meta: Any, events: Sequence[Event],
               s: LLMSettings, language: str) -> Judgement:
    """The model's ratings beside the scorer's, each quote checked against the trainee's own messages."""
    messages = [(e.turn, e.text) for e in events if isinstance(e, TraineeMessage)]
    given = {r.criterion.strip(): r for r in reply.ratings}
    ratings = []
    for key, criterion_score in criteria:
        trade, criterion = key.split(".", 1)
        scorer = band(criterion_score)
        rated = given.get(key)
        if rated is None:
            ratings.append(JudgeRating(trade, criterion, scorer))
            continue
        found = find_quote(rated.quote, messages)
        ratings.append(JudgeRating(
            trade, criterion, scorer, rated.rating,
            quote=found[0] if found else None, turn=found[1] if found else None,
            reason=" ".join(rated.reason.split()),
            rejected_quote=None if found else (clean(rated.quote) or None),
        ))
    return Judgement(meta.model or s.model or "", s.host, language, tuple(ratings), usage=meta.usage.to_dict())
