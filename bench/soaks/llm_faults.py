"""LLM faults: whole sessions against the loopback server answering with every fault → crashes 0.

Each case plays the legroom case's exemplary playthrough in plain mode against a live
customer whose endpoint answers every request with one fault (or a mix of faults and good
replies): the session must reach the outcome the scripted customer reaches, with no
exception, her scripted lines standing in where the model failed.

The slow endpoint: sessions against a server whose every answer (or every first word) comes
ten times later than her first-word deadline. Each line the model was asked for must fall
back to the script within the deadline and a margin, no line may come from the model, and
a session asks only a few times (single tries around rests, not rounds of retries). The
figure is the fallback latency, p50 / p95 / worst.
"""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path
from statistics import median, quantiles

from bench.soaks.result import Result, Size, pick

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 0.5
"""Her first-word deadline in the slow sessions (the default is 5 s; a tenth keeps the soak short)."""
LATE = 5.0
"""How late the slow server answers: ten times the deadline, within the per-request time-out."""
MARGIN = 0.5
"""Seconds past the deadline a fallback may take on a busy machine."""
MOST_REQUESTS = 4
"""Requests a slow session may make: the first line, one try on the next, one after each rest."""


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
    from trainer.play import Round
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
            served = len(server.completions)
            server.respond_with(lambda request, made=made, served=served:
                                made[(len(server.completions) - served - 1) % len(made)])
            with result.case():
                try:
                    out = io.StringIO()
                    card = play_plain(scenario, list(exemplary.trainee), out, begin=lambda: Round(
                        scenario, clock=FakeClock(), customer=LLMCustomer(scenario, settings)))
                except Exception as exc:  # noqa: BLE001 - a crash is what this check counts
                    result.fail(f"faults {plan}: {type(exc).__name__}: {exc}")
                    continue
            if card.outcome != expected:
                result.fail(f"faults {plan}: outcome {card.outcome}, expected {expected}")
    finally:
        server.stop()
    result.figures.append(f"LLM faults: {result.cases} whole sessions, crashes {result.failed}")
    _slow(result, size, scenario, list(exemplary.trainee), expected)
    return result


def _slow(result: Result, size: Size, scenario, moves: list[str], expected: str | None) -> None:
    """Whole sessions against a slow endpoint: how soon the script stands in, and how often the model is asked."""
    from llm_server import Delay, LLMServer, Reply, Slow

    from trainer.customers.llm import LLMCustomer
    from trainer.engine.clock import FakeClock
    from trainer.llm.config import LLMSettings, Secret
    from trainer.plain import play_plain
    from trainer.play import Round

    late = Reply("Sorry, I was thinking about it.")
    kinds = {"whole answer late": Delay(LATE, late), "first word late": Slow(LATE, late),
             "first word late, keep-alives": Slow(LATE, late, keepalive=0.2)}
    waits: list[float] = []
    asked: list[int] = []

    class Timed(LLMCustomer):
        """Her customer, timing each line the model was asked for (a resting line asks nothing)."""

        def write(self, cue):
            before, started = self.client.usage.requests, time.perf_counter()
            text = super().write(cue)
            if self.client.usage.requests > before:
                waits.append(time.perf_counter() - started)
            return text

    server = LLMServer().start()
    try:
        settings = LLMSettings(model="test-model", base_url=server.base_url, api_key=Secret("sk-soak"),
                               timeout=LATE * 2, first_token_timeout=DEADLINE, source="soak")
        for name, slow in kinds.items():
            server.respond_with(lambda request, slow=slow: slow)
            for run in range(pick(size, full=6, small=1)):
                case = f"slow endpoint ({name}, run {run})"
                timed = len(waits)
                with result.case():
                    try:
                        customer = Timed(scenario, settings, seed=run)
                        card = play_plain(scenario, moves, io.StringIO(), begin=lambda customer=customer, run=run: Round(
                            scenario, clock=FakeClock(), customer=customer, seed=run))
                    except Exception as exc:  # noqa: BLE001 - a crash is what this check counts
                        result.fail(f"{case}: {type(exc).__name__}: {exc}")
                        continue
                asked.append(customer.client.usage.requests)
                if card.outcome != expected:
                    result.fail(f"{case}: outcome {card.outcome}, expected {expected}")
                if any(line.by == "model" for line in customer.record.lines):
                    result.fail(f"{case}: a line {LATE:g} s late came from the model")
                if max(waits[timed:], default=0.0) > DEADLINE + MARGIN:
                    result.fail(f"{case}: the script stood in after {max(waits[timed:]):.2f} s "
                                f"(deadline {DEADLINE:g} s)")
                if asked[-1] > MOST_REQUESTS:
                    result.fail(f"{case}: {asked[-1]} requests for {len(customer.record.lines)} lines "
                                f"(at most {MOST_REQUESTS})")
    finally:
        server.stop()
    if waits:
        p95 = quantiles(waits, n=20, method="inclusive")[-1] if len(waits) > 1 else waits[0]
        result.figures.append(
            f"slow endpoint ({LATE:g} s, deadline {DEADLINE:g} s): {len(asked)} sessions, {len(waits)} lines asked, "
            f"the script stood in after p50 {median(waits):.2f} s / p95 {p95:.2f} s / worst {max(waits):.2f} s; "
            f"requests per session {min(asked)}–{max(asked)}")
