"""Recognise what the trainee meant from the scenario's intents, through the meaning layer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from trainer.engine.events import Event
from trainer.meaning.intents import Recognition, reader, specs_of
from trainer.meaning.matching import matches_any, words
from trainer.scenario.models import Intent


class Recogniser:
    """Finds every intent a message expresses, in the scenario's order, with the reason for each."""

    def __init__(self, intents: Mapping[str, Intent], language: str = "en", *, understand: bool = True) -> None:
        """`understand` reads through the meaning layer (negation, mood, time, who acts, resemblance to the
        examples); off, phrases decide as they always have, which the library's playthroughs are pinned to
        until they are re-pinned on the meaning layer."""
        self._intents = dict(intents)
        self._reader = reader(specs_of(intents), language) if understand else None
        self._known: dict[str, tuple[Recognition, ...]] = {}
        """Messages recognised before (a trainee repeats herself; `webcare explore` does all the time)."""

    def explain(self, text: str) -> tuple[Recognition, ...]:
        found = self._known.get(text)
        if found is None:
            found = self._reader.recognise(text) if self._reader else _phrases(self._intents, text)
            if len(self._known) < 4096:
                self._known[text] = found
        return found

    def recognise(self, text: str) -> tuple[str, ...]:
        return tuple(r.name for r in self.explain(text))

    def wrong(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """Those of `names` that state something the facts contradict."""
        return tuple(n for n in names if self._intents[n].wrong)

    # What a reader that asks someone else (a model: `--llm-intents`) adds; the patterns need none of it.

    def attach(self, events: Sequence[Event]) -> None:
        """The session's log, read and never written (a model is shown the customer's last line)."""
        return

    def ready(self, text: str) -> bool:
        """Whether `recognise(text)` answers at once; if not, `prepare(text)` asks ahead, off the UI thread."""
        return True

    def prepare(self, text: str) -> None:
        return None

    def manifest(self) -> dict[str, Any] | None:
        """How messages are read, for the session's manifest; None: the scenario's own patterns."""
        return None


class Reads(Protocol):
    """What reads the trainee's intents: the patterns (`Recogniser`) or a model with them to fall back on."""

    def explain(self, text: str) -> tuple[Recognition, ...]: ...
    def recognise(self, text: str) -> tuple[str, ...]: ...
    def wrong(self, names: tuple[str, ...]) -> tuple[str, ...]: ...
    def attach(self, events: Sequence[Event]) -> None: ...
    def ready(self, text: str) -> bool: ...
    def prepare(self, text: str) -> None: ...
    def manifest(self) -> dict[str, Any] | None: ...



def _phrases(intents: Mapping[str, Intent], text: str) -> tuple[Recognition, ...]:
    """Phrases only: an intent counts wherever one of its phrases occurs."""
    found = words(text)
    return tuple(Recognition(n, "phrase", p) for n, i in intents.items() if (p := matches_any(i.match, found)))
