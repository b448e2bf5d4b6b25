"""Run a scenario's playthroughs: scripted trainee moves, checked against the expected outcome and scores."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from scoring import Scorecard, score
from trainer.customers import BaseCustomer, ScriptedCustomer, Writes
from trainer.engine.clock import FakeClock
from trainer.engine.events import Event
from trainer.engine.moves import Say, parse_move
from trainer.engine.session import Cue
from trainer.errors import MoveError
from trainer.play import Round
from trainer.scenario.models import Playthrough, Scenario, Step
from trainer.texts import tr

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
    refused: list[tuple[int, str, str]] = field(default_factory=list)
    """The same, as (move number from 1, move, the game's message)."""
    heard: list[tuple[Cue, str]] = field(default_factory=list)
    """Every line the customer said, with the cue it answered (which lines she could pick from)."""
    fired: list[tuple[str, Step | None, str]] = field(default_factory=list)
    """Steps that fired, as (from, step, to); None is her patience running out."""

    @property
    def played(self) -> int:
        """How many of the script's moves were played (refused ones included)."""
        return len(self.playthrough.trainee) - len(self.unplayed)

    @property
    def failures(self) -> list[str]:
        """What differs from the expectation, one line each (empty: it passed)."""
        out = list(self.errors)
        expect = self.playthrough.expect
        if self.unplayed:
            total, rest = len(self.playthrough.trainee), tr("en", "count.move", n=len(self.unplayed))
            if self.scorecard.outcome == expect.outcome:
                out.append(f"it ended at move {self.played} of {total}, {expect.outcome} as expected: "
                           f"remove the {rest} after it (from {self.unplayed[0]!r})")
            else:
                out.append(f"the conversation ended at move {self.played} of {total} with {rest} unplayed, "
                           f"from {self.unplayed[0]!r}")
        if self.scorecard.outcome != expect.outcome:
            out.append(f"outcome: expected {expect.outcome}, got {self.scorecard.outcome}")
        for trade, (low, high) in expect.scores.items():
            got = self.scorecard.trades[trade].score
            if not low <= got <= high:
                out.append(f"{trade}: expected {low}–{high}, got {got}")
        return out


def overall(result: PlaythroughResult) -> float:
    """The mean of the three trades' scores: what `better_than` compares."""
    scores = [trade.score for trade in result.scorecard.trades.values()]
    return sum(scores) / len(scores) if scores else 0.0


def order_failures(results: Sequence[PlaythroughResult]) -> list[str]:
    """Where a scenario's playthroughs break the coach's ranking (`expect.better_than`), one line each."""
    by_name = {r.playthrough.name: r for r in results}
    out = []
    for r in results:
        for other in r.playthrough.expect.better_than:
            below = by_name.get(other)
            if below is not None and not overall(r) > overall(below):
                out.append(f"{r.playthrough.name} should beat {other}: {overall(r):.0f} against {overall(below):.0f} "
                           "(the mean of the three trades)")
    return out


class _Heard(BaseCustomer):
    """A customer that remembers what she was cued to say and what she said."""

    def __init__(self, customer: Writes) -> None:
        self.customer = customer
        self.said: list[tuple[Cue, str]] = []

    def write(self, cue: Cue) -> str:
        text = self.customer.write(cue)
        self.said.append((cue, text))
        return text


def play_script(scenario: Scenario, moves: Iterable[str], seed: int = 0,
                seconds_per_message: float = SECONDS_PER_MESSAGE):
    """Play scripted moves; return the round, what she said, the moves left unplayed, and the refused ones."""
    clock = FakeClock()
    heard = _Heard(ScriptedCustomer(scenario, seed))
    game = Round(scenario, seed=seed, clock=clock, customer=heard)
    game.opening()
    left = list(moves)
    refused: list[tuple[int, str, str]] = []
    number = 0
    while left and not game.session.over:
        line = left.pop(0)
        number += 1
        try:
            move = parse_move(line, scenario.language)
            clock.advance(seconds_per_message if isinstance(move, Say) else SECONDS_PER_MOVE)
            game.play(move)
        except MoveError as exc:
            refused.append((number, line, str(exc)))
    return game, heard.said, left, refused


def run_playthrough(scenario: Scenario, playthrough: Playthrough, seed: int = 0) -> PlaythroughResult:
    game, heard, left, refused = play_script(scenario, playthrough.trainee, seed)
    events = game.session.events
    errors = [f"move {line!r}: {message}" for _, line, message in refused]
    return PlaythroughResult(scenario, playthrough, events, score(events, scenario), left, errors,
                             refused, heard, list(game.session.fired))
