"""Random play (hypothesis): any sequence of moves on any built-in scenario keeps the engine's promises.

Moves are drawn from the scenario's own intent examples, random text, `/lookup` and `/do`
with real and made-up names and amounts, `/hint`, `/help`, `/end` and junk commands, with
the clock moved on between them (sometimes past the channel's reply time). After every
move: only MoveError is ever raised, mood stays in 0–100 and patience at 0 or more, and
once patience is 0 the conversation has ended: in the scenario's `when_patience_runs_out`,
unless a step of that same move reached another outcome (docs/scenario-format.md). At the end the
scorer gives every trade a score from 0 to 100.

tests/soak/test_random_play.py runs `the_engine_keeps_its_promises` under pytest with few
examples; the soak check runs it with many.
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any

from bench.soaks.result import Result, Size, pick

JUNK = ["", " ", "/", "//", "/unknown", "/lookup", "/do", "/do  ", "/hint extra", "\x00", "\u202e", "😀" * 50,
        "{customer.name}", "{", "}", "x" * 2_000]
WAITS = (0.0, 5.0, 45.0, 120.0, 4_000.0)
"""Seconds between moves: from instant to slower than any channel's reply time."""


@cache
def builtin_scenarios() -> tuple[Any, ...]:
    from trainer.scenario.library import load_library

    return tuple(load_library().scenarios)


def moves(scenario):
    """A strategy for one trainee line (a message or a command) on `scenario`."""
    from hypothesis import strategies as st

    examples = sorted({e for i in scenario.intents.values() for e in i.examples}) or ["hello"]
    lookups = sorted(scenario.lookups) + ["nosuch", "b", ""]
    actions = sorted(scenario.actions) + ["nosuch", "r", ""]
    amounts = st.one_of(st.just(""), st.integers(-10, 10**7).map(str), st.sampled_from(["1e9", "80.5", "€160",
                        "160,00", "nan", "inf", "-0", "1.234"]), st.text(max_size=6))
    return st.one_of(
        st.sampled_from(examples),
        st.text(max_size=120),
        st.builds(lambda a, b: f"{a} {b}", st.sampled_from(examples), st.sampled_from(examples)),
        st.builds(lambda n, arg: f"/lookup {n} {arg}".rstrip(), st.sampled_from(lookups), st.text(max_size=8)),
        st.builds(lambda n, amount: f"/do {n} {amount}".rstrip(), st.sampled_from(actions), amounts),
        st.sampled_from(["/hint", "/help", "/end", "/bye", "/?"]),
        st.sampled_from(JUNK),
    )


def scenario_named(scenario_id: str):
    return next(s for s in builtin_scenarios() if s.id == scenario_id)


def games():
    """A strategy for (scenario id, seed, mode, [(wait, line), …]); an id keeps a failing example short."""
    from hypothesis import strategies as st

    def one(scenario_id):
        plays = st.lists(st.tuples(st.sampled_from(WAITS), moves(scenario_named(scenario_id))), max_size=40)
        return st.tuples(st.just(scenario_id), st.integers(0, 2**16), st.sampled_from(["practice", "test"]), plays)

    return st.sampled_from([s.id for s in builtin_scenarios()]).flatmap(one)


def the_engine_keeps_its_promises(scenario, seed: int, mode: str, plays: list[tuple[float, str]]):
    """Play `plays` on a fresh game and return its session; AssertionError (or what the engine raised) if a
    promise is broken."""
    from scoring import score
    from trainer.engine.clock import FakeClock
    from trainer.engine.events import StateChanged
    from trainer.engine.moves import Help, Hint, parse_move
    from trainer.errors import MoveError
    from trainer.play import Round

    clock = FakeClock()
    game = Round(scenario, seed=seed, clock=clock, mode=mode)
    game.opening()
    session = game.session
    for wait, line in plays:
        clock.advance(wait)
        was_over = session.over
        before = len(session.events)
        try:
            move = parse_move(line)
            if isinstance(move, Hint):
                session.hint()
            elif not isinstance(move, Help):
                game.play(move)
            assert not was_over or isinstance(move, Help | Hint), f"{line!r} was played after the end"
        except MoveError as exc:
            assert str(exc).strip(), f"{line!r}: a MoveError without a message"
        assert 0 <= session.mood <= 100, f"mood {session.mood} after {line!r}"
        assert session.patience >= 0, f"patience {session.patience} after {line!r}"
        if session.patience == 0:
            assert session.over, f"patience 0 after {line!r}, but the conversation goes on"
            ended_by_a_step = any(isinstance(e, StateChanged) and e.dest == session.outcome
                                  and e.trigger != "patience ran out" for e in session.events[before:])
            assert session.outcome == scenario.when_patience_runs_out or was_over or ended_by_a_step, (
                f"patience ran out after {line!r}: the outcome is {session.outcome!r}, "
                f"not {scenario.when_patience_runs_out!r}, and no step of that move led there")
        if session.over:
            assert session.cue is None, "a customer line is pending after the end"
    card = score(session.events, scenario)
    for trade, result in card.trades.items():
        assert 0 <= result.score <= 100, f"{trade} scored {result.score}"
    card.to_dict()
    return session


def check(size: Size) -> Result:
    from hypothesis import HealthCheck, given, settings

    result = Result()
    examples = pick(size, full=3_000, small=20)  # tests/soak/test_random_play.py plays 40 more
    seen = {"n": 0}

    @settings(max_examples=examples, deadline=None, database=None, derandomize=size == "small",
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(games())
    def run(game) -> None:
        scenario_id, seed, mode, plays = game
        started = time.perf_counter()
        try:
            the_engine_keeps_its_promises(scenario_named(scenario_id), seed, mode, plays)
        finally:
            seen["n"] += 1
            result.worst = max(result.worst, time.perf_counter() - started)

    try:
        run()
    except Exception as exc:  # noqa: BLE001 - hypothesis re-raises the shrunk failure: the finding
        notes = "\n".join(getattr(exc, "__notes__", []))
        result.fail(f"{type(exc).__name__}: {exc}\n{notes}".strip())
    result.cases = seen["n"]
    result.figures.append(f"{len(builtin_scenarios())} scenarios; {examples:,} examples asked for")
    return result
