"""Run a scenario's playthroughs: scripted trainee moves, checked against the expected outcome and scores."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring import Scorecard, score
from trainer.engine.clock import FakeClock
from trainer.engine.events import Event
from trainer.engine.moves import Say, parse_move
from trainer.errors import MoveError
from trainer.game import Game
from trainer.scenario.models import Playthrough, Scenario

SECONDS_PER_MESSAGE = 45.0
"""Game time a scripted trainee takes per message: brisk but human."""
SECONDS_PER_MOVE = 10.0


@dataclass
class PlaythroughResult:
    scenario: Scenario
    playthrough: Playthrough
    events: list[Event]
    scorecard: Scorecard
    unplayed: list[str] = field(default_factory=list)
    """Moves left when the conversation ended early."""
    errors: list[str] = field(default_factory=list)
    """Moves the game refused, with its message."""

    @property
    def failures(self) -> list[str]:
        """What differs from the expectation, one line each (empty: it passed)."""
        out = list(self.errors)
        if self.unplayed:
            out.append(f"the conversation ended with {len(self.unplayed)} move(s) unplayed, "
                       f"from {self.unplayed[0]!r}")
        expect = self.playthrough.expect
        if self.scorecard.outcome != expect.outcome:
            out.append(f"outcome: expected {expect.outcome}, got {self.scorecard.outcome}")
        for trade, (low, high) in expect.scores.items():
            got = self.scorecard.trades[trade].score
            if not low <= got <= high:
                out.append(f"{trade}: expected {low}–{high}, got {got}")
        return out


def run_playthrough(scenario: Scenario, playthrough: Playthrough, seed: int = 0) -> PlaythroughResult:
    clock = FakeClock()
    game = Game(scenario, seed=seed, clock=clock)
    game.opening()
    moves = list(playthrough.trainee)
    errors: list[str] = []
    while moves and not game.session.over:
        line = moves.pop(0)
        try:
            move = parse_move(line)
            clock.advance(SECONDS_PER_MESSAGE if isinstance(move, Say) else SECONDS_PER_MOVE)
            game.play(move)
        except MoveError as exc:
            errors.append(f"move {line!r}: {exc}")
    events = game.session.events
    return PlaythroughResult(scenario, playthrough, events, score(events, scenario), moves, errors)
