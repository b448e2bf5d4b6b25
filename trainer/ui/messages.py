"""Messages that cross screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from trainer.campaign.models import Curriculum
    from trainer.campaign.progress import Progress
    from trainer.play import Round
    from trainer.scenario.kinds import Trade
    from trainer.scenario.library import Library
    from trainer.scenario.models import Scenario
    from trainer.store import SessionRow, Store


@dataclass
class StartSession(Message):
    """Request: play this scenario in this mode."""

    scenario: Scenario
    mode: str


@dataclass
class SessionFinished(Message):
    """Event: a conversation ended; its round holds the full log (and, for a what-if, the round it branched from)."""

    game: Round


@dataclass
class LibraryLoaded(Message):
    """Event: the scenarios are read and validated (in a worker, after the first frame)."""

    library: Library


@dataclass
class StoreOpened(Message):
    """Event: the session store is open (in a worker); with the trainee's unfinished sessions and best scores."""

    store: Store | None
    unfinished: list[SessionRow]
    best: dict[str, dict[Trade, int]]
    problem: str | None = None
    """Why sessions are not being saved, when the store could not be opened."""


@dataclass
class CampaignLoaded(Message):
    """Event: the trainee's curriculum and their progress in it are read (in a worker, with the store)."""

    curriculum: Curriculum | None
    progress: Progress | None
    on_board: bool = False
    """The trainee opted in to the curriculum's leaderboard."""
    problem: str | None = None
    """Why the curriculum could not be opened (a wrong id, a broken file)."""
