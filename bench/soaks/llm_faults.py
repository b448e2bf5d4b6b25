"""LLM faults: whole sessions against the loopback server answering with every fault → crashes 0.

Each case plays the legroom case's exemplary playthrough in plain mode against a live
customer whose endpoint answers every request with one fault (or a mix of faults and good
replies): the session must reach the outcome the scripted customer reaches, with no
exception, her scripted lines standing in where the model failed.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from bench.soaks.result import Result, Size, pick

ROOT = Path(__file__).resolve().parents[2]


def _faults():
    from llm_server import Cut, Delay, Empty, Hangup, Malformed, Reply, Status

    return {
        "time-out": lambda: Delay(2.0),
        "429": lambda: Status(429, retry_after=0.01),
        "500": lambda: Status(500),
        "503": lambda: Status(503),
        "empty": Empty,
        "malformed": Malformed,
        "cut stream": Cut,
        "hang-up": Hangup,
        "out of character": lambda: Reply("As an AI language model I cannot help with that."),
        "good": lambda: Reply("Fine. Go on, then."),
    }


def check(size: Size) -> Result:
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from llm_server import LLMServer

    from trainer.customers.llm import LLMCustomer
    from trainer.engine.clock import FakeClock
    from trainer.llm.config import LLMSettings, Secret
    from trainer.plain import play_plain
    from trainer.playthrough import run_playthrough
    from trainer.scenario.library import find_scenario

    result = Result()
    scenario = find_scenario("legroom-en")
    exemplary = next(p for p in scenario.playthroughs if p.name == "exemplary")
    expected = run_playthrough(scenario, exemplary).scorecard.outcome
    faults = _faults()
    rng = random.Random(11)
    plans = [[name] for name in faults] + [
        [rng.choice(list(faults)) for _ in range(12)] for _ in range(pick(size, full=30, small=2))]
    server = LLMServer().start()
    try:
        settings = LLMSettings(model="test-model", base_url=server.base_url, api_key=Secret("sk-soak"),
                               timeout=0.3, retries=1, backoff=0.01, backoff_max=0.02, retry_after_max=1.0,
                               source="soak")
        for plan in plans:
            made = [faults[name]() for name in plan]
            server.respond_with(lambda request, made=made: made[len(server.completions()) % len(made)])
            with result.case():
                try:
                    out = io.StringIO()
                    card = play_plain(scenario, list(exemplary.trainee), out, clock=FakeClock(),
                                      customer=LLMCustomer(scenario, settings))
                except Exception as exc:  # noqa: BLE001 - a crash is what this check counts
                    result.fail(f"faults {plan}: {type(exc).__name__}: {exc}")
                    continue
            if card.outcome != expected:
                result.fail(f"faults {plan}: outcome {card.outcome}, expected {expected}")
    finally:
        server.stop()
    result.figures.append(f"LLM faults: {result.cases} whole sessions, crashes {result.failed}")
    return result
