"""Recognise what the trainee meant from the scenario's intents."""

from __future__ import annotations

from collections.abc import Mapping

from trainer.engine.matching import matches_any, words
from trainer.scenario.models import Intent


class Recogniser:
    """Finds every intent whose phrases occur in a message, in the scenario's order."""

    def __init__(self, intents: Mapping[str, Intent]) -> None:
        self._intents = dict(intents)
        self._known: dict[str, tuple[str, ...]] = {}
        """Messages recognised before (a trainee repeats herself; `webcare explore` does all the time)."""

    def recognise(self, text: str) -> tuple[str, ...]:
        found = self._known.get(text)
        if found is None:
            text_words = words(text)
            found = tuple(
                name for name, intent in self._intents.items() if matches_any(intent.match, text_words)
            )
            if len(self._known) < 4096:
                self._known[text] = found
        return found

    def wrong(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Those of `names` that state something the facts contradict."""
        return tuple(n for n in names if self._intents[n].wrong)
