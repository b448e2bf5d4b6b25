"""Messages that cross screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from trainer.game import Game
    from trainer.scenario.library import Library
    from trainer.scenario.models import Scenario


@dataclass
class StartSession(Message):
    """Request: play this scenario in this mode."""

    scenario: Scenario
    mode: str


@dataclass
class SessionFinished(Message):
    """Event: a conversation ended; its game holds the full log."""

    game: Game
    rewound_from: Game | None = None
    """For a what-if replay: the game it branched from, to compare scorecards."""


@dataclass
class LibraryLoaded(Message):
    """Event: the scenarios are read and validated (in a worker, after the first frame)."""

    library: Library
