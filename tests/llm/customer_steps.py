"""Helpers for the live-customer stories: the legroom case played against the loopback server."""

from __future__ import annotations

import io
from collections.abc import Iterable

from llm_server import LLMServer, Reply, Request

from scoring import score
from trainer.customers.llm import LLMCustomer
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage, StateChanged
from trainer.llm.config import LLMSettings
from trainer.plain import play_plain
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.scenario.text import fill

LEGROOM = "legroom-en"


def legroom(language: str = "en"):
    return find_scenario(f"legroom-{language}")


def exemplary(scenario) -> list[str]:
    return list(next(p for p in scenario.playthroughs if p.name == "exemplary").trainee)


def in_character(request: Request) -> Reply:
    """A model that answers every cue in character (it echoes the first example line it was given)."""
    prompt = request.json["messages"][-1]["content"]
    lines = [ln[2:] for ln in prompt.splitlines() if ln.startswith("- ")]
    example = next((ln for ln in lines if ln and not ln.startswith("The ") and "nothing" not in ln), "Go on.")
    return Reply("Model says: " + example[:200])


def play(scenario, settings: LLMSettings, moves: Iterable[str], *, seed: int = 0):
    """Plain play against a live customer; returns (scorecard, output, customer)."""
    out = io.StringIO()
    customer = LLMCustomer(scenario, settings, seed=seed)
    card = play_plain(scenario, moves, out, begin=lambda: Round(scenario, seed=seed, clock=FakeClock(), customer=customer))
    return card, out.getvalue(), customer


def her_lines(game: Round) -> list[str]:
    return [e.text for e in game.session.events if isinstance(e, CustomerMessage)]


def story(events) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """What the state machine decided: the states it went through, and the scores."""
    return [(e.source, e.dest) for e in events if isinstance(e, StateChanged)], {}


def decided(game: Round) -> tuple:
    """Everything a model must never change: states, outcome, mood and patience, facts, scores."""
    s = game.session
    card = score(s.events, s.scenario)
    states = [(e.turn, e.source, e.dest) for e in s.events if isinstance(e, StateChanged)]
    return states, s.outcome, s.mood, s.patience, dict(s.known), {t: v.score for t, v in card.trades.items()}


def scripted_options(cue, scenario) -> set[str]:
    values = scenario.placeholders()
    return {fill(line.strip(), values) for line in cue.lines}


__all__ = ["LLMServer", "Reply"]
