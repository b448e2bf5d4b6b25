"""Who may sign in as whom: a trainee by name (with the class code, or their own password), the coach by theirs.

A name with its own password can only be used with that password, so no one signs in as that trainee with
the class code. Names are matched regardless of case: "anna" signs in as the "Anna" already in the store.
Failed attempts slow an address down (`Throttle`) rather than let it guess.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from trainer.classroom.secrets import matches
from trainer.store import Store

MAX_NAME = 40


@dataclass(frozen=True)
class Identity:
    name: str
    role: Literal["trainee", "coach"]


class Refused(Exception):
    """Why a sign-in was refused: a catalogue key (and its values), said on the page."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def trainee_name(text: str) -> str:
    """The name as it will be kept: spaces tidied; refused when empty, too long, or not a person's name."""
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if not name:
        raise Refused("class.refused.no_name")
    if len(name) > MAX_NAME:
        raise Refused("class.refused.long_name", most=MAX_NAME)
    if not all(c.isalnum() or c in " .-'_" for c in name):
        raise Refused("class.refused.bad_name")
    return name


class Roster:
    """Sign-in decisions against the secrets kept in the store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def open(self) -> bool:
        """No class code set: anyone who reaches the page signs in with a name alone."""
        return self.store.secret("class") is None

    @property
    def coached(self) -> bool:
        """A coach password is set: the review is offered in the browser."""
        return self.store.secret("coach") is not None

    def trainee(self, typed_name: str, secret: str) -> Identity:
        name = self._known_spelling(trainee_name(typed_name))
        own = self.store.secret("trainee", name.casefold())
        if own is not None:
            if not matches(secret, own):
                raise Refused("class.refused.password")
            return Identity(name, "trainee")
        code = self.store.secret("class")
        if code is not None and not matches(secret, code):
            raise Refused("class.refused.code")
        return Identity(name, "trainee")

    def coach(self, secret: str) -> Identity:
        kept = self.store.secret("coach")
        if kept is None:
            raise Refused("class.refused.no_coach")
        if not matches(secret, kept):
            raise Refused("class.refused.password")
        return Identity("coach", "coach")

    def _known_spelling(self, name: str) -> str:
        """The spelling already in the store for this name, if any: one trainee, one set of sessions."""
        folded = name.casefold()
        return next((t for t in self.store.trainees() if t.casefold() == folded), name)


@dataclass
class Throttle:
    """After `allowed` failures from one address within `window` seconds, it waits `pause` seconds."""

    allowed: int = 5
    window: float = 60.0
    pause: float = 30.0
    clock: Callable[[], float] = time.monotonic
    failures: dict[str, list[float]] = field(default_factory=dict)

    def wait(self, address: str) -> float:
        """Seconds this address must still wait before trying again (0: it may try)."""
        now = self.clock()
        recent = [t for t in self.failures.pop(address, []) if now - t < self.window]
        if recent:
            self.failures[address] = recent  # an address that stopped failing is forgotten
        if len(recent) < self.allowed:
            return 0.0
        return max(0.0, recent[-1] + self.pause - now)

    def failed(self, address: str) -> None:
        self.failures.setdefault(address, []).append(self.clock())

    def passed(self, address: str) -> None:
        self.failures.pop(address, None)
