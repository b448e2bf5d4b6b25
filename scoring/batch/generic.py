"""The generic rubric: a scenario with no case behind it, for transcripts scored without one.

It has no facts, intents, back office or rubric, so the criteria that need a case's facts
say "not applicable" and the general ones (tone, own words, asking, naming her…) still score.
"""

from __future__ import annotations

from functools import lru_cache

from trainer.scenario.models import Scenario

GENERIC_ID = "generic"
UNKNOWN_NAME = "?"
"""A name with no words in it: nothing to look for when no customer name is given."""

@lru_cache(maxsize=64)
def generic_scenario(language: str = "en", channel: str = "chat", customer_name: str | None = None) -> Scenario:
    """The generic rubric's scenario (built once per language, channel and name)."""
    title = {"en": "Imported conversation", "nl": "Geïmporteerd gesprek"}.get(language, "Imported conversation")
    return Scenario.model_validate({
        "format": 1,
        "id": GENERIC_ID,
        "title": title,
        "teaser": title,
        "language": language,
        "channel": channel,
        "audience": "public" if channel == "twitter" else "private",
        "difficulty": "medium",
        "briefing": title,
        "customer": {
            "name": customer_name or UNKNOWN_NAME,
            "handle": "",
            "persona": "",
            "mood": 50,
            "patience": 50,
        },
        "start": "conversation",
        "states": {"conversation": {"lines": "…"}},
        "outcomes": {"ended": {"kind": "resolved", "summary": title}},
        "when_patience_runs_out": "ended",
    })
