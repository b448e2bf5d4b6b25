"""Shared set-up for the unit tests: the legroom scenario, and games played on a fake clock."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scoring import score
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage, Event
from trainer.engine.moves import Say, parse_move
from trainer.play import Round
from trainer.scenario.loader import load_scenario
from trainer.scenario.models import Scenario

# The same names as tests/conftest.py: both are imported as the module `conftest`, and the
# tests one level up do `from conftest import ROOT, SCENARIOS`, whichever of the two that is.
ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
DATA = ROOT / "tests" / "data"
LEGROOM_EN = SCENARIOS / "legroom-en.yaml"
LEGROOM_NL = SCENARIOS / "legroom-nl.yaml"

MESSAGE_SECONDS = 30.0
"""Game time a trainee takes to write a message: well inside every channel's norm."""
MOVE_SECONDS = 10.0
"""Game time a look-up or action takes."""


class PlayedGame:
    """A `Game` on a fake clock, played line by line as a trainee types them."""

    def __init__(self, scenario: Scenario, *, seed: int = 0, opening: bool = True) -> None:
        self.scenario = scenario
        self.clock = FakeClock()
        self.game = Round(scenario, seed=seed, clock=self.clock)
        self.opening = self.game.opening() if opening else []

    @property
    def session(self):
        return self.game.session

    @property
    def events(self) -> list[Event]:
        return self.session.events

    def play(self, *lines: str, wait: float | None = None) -> list[Event]:
        """Type each line after `wait` seconds (default: a brisk trainee); the events it caused."""
        out: list[Event] = []
        for line in lines:
            move = parse_move(line)
            self.clock.advance(wait if wait is not None else
                               MESSAGE_SECONDS if isinstance(move, Say) else MOVE_SECONDS)
            out += self.game.play(move)
        return out

    def of(self, kind: type, events: list[Event] | None = None) -> list:
        """The events of one kind, from the whole log or from the given events."""
        return [e for e in (self.events if events is None else events) if isinstance(e, kind)]

    def her_last_line(self) -> str:
        return self.of(CustomerMessage)[-1].text

    def scorecard(self) -> dict[str, Any]:
        return score(self.events, self.scenario).to_dict()

    def criteria(self) -> dict[str, dict[str, Any]]:
        """Every criterion of the scorecard by id, as in the JSON."""
        card = self.scorecard()
        return {c["id"]: c for t in card["trades"].values() for c in t["criteria"]}


@pytest.fixture(scope="session")
def legroom() -> Scenario:
    """The English legroom scenario, as the game loads it."""
    return load_scenario(LEGROOM_EN)


class _WordsStayWords(yaml.SafeLoader):
    """Like the game's reader: `on:` is a key, not the boolean True (YAML 1.1 would make it one)."""


_WordsStayWords.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.fixture(scope="session")
def legroom_nl() -> Scenario:
    """The Dutch legroom scenario, as the game loads it."""
    return load_scenario(LEGROOM_NL)


@pytest.fixture(scope="session")
def legroom_raw() -> dict[str, Any]:
    """The legroom YAML as plain data, to edit into variants."""
    raw = yaml.load(LEGROOM_EN.read_text(encoding="utf-8"), Loader=_WordsStayWords)
    assert "on" in raw["states"]["complaint"]
    return raw


@pytest.fixture
def game(legroom) -> Callable[..., PlayedGame]:
    """Start a game (default: legroom-en, seed 0) on a fake clock; she has already opened."""

    def start(scenario: Scenario | None = None, *, seed: int = 0, opening: bool = True) -> PlayedGame:
        return PlayedGame(scenario or legroom, seed=seed, opening=opening)

    return start


@pytest.fixture
def variant(legroom_raw, tmp_path) -> Callable[[Callable[[dict], None]], Scenario]:
    """The legroom scenario with an edit to its YAML, loaded through the real loader."""
    count = 0

    def make(edit: Callable[[dict], None]) -> Scenario:
        nonlocal count
        count += 1
        raw = copy.deepcopy(legroom_raw)
        raw.pop("playthroughs", None)  # their pinned scores belong to the original
        edit(raw)
        path = tmp_path / f"legroom-variant-{count}.yaml"
        path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return load_scenario(path)

    return make
