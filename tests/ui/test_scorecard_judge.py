"""With --judge the scorecard is up at once; the LLM judge's ratings fill in beside each criterion when it answers."""

from __future__ import annotations

import json
import re

from llm_server import Delay, Malformed, Reply

from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from trainer.llm.config import with_overrides
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.score_judge import JudgeLine, JudgeSummary


def rate_everything(rating: int):
    def respond(request):
        body = request.json["messages"][1]["content"]
        criteria = re.findall(r"^- ((?:facilitator|detective|plumber)\.\w+):", body, re.MULTILINE)
        ratings = [{"criterion": c, "rating": rating, "reason": "Reads like a form letter.",
                    "quote": "We regret any inconvenience this may have caused."} for c in criteria]
        return Reply(json.dumps({"ratings": ratings}))

    return respond


async def judged(pilot) -> ScorecardScreen:
    """Wait until the scorecard is up and its judge has answered."""
    for _ in range(50):
        if isinstance(pilot.app.screen, ScorecardScreen) and pilot.app.screen.judge_worker is not None:
            break
        await pilot.pause()
    screen = pilot.app.screen
    await screen.judge_worker.wait()
    await pilot.pause()
    return screen


def shown(widget) -> str:
    return str(widget.render())


async def test_the_judges_column_fills_in_after_the_scorecard_is_shown(app_factory, llm_server, llm_settings):
    llm_server.respond_with(rate_everything(0))
    app = app_factory(scenario="legroom-en", judge=llm_settings)
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        screen = await judged(pilot)
        lines = list(screen.query(JudgeLine))
        applying = [c for t in screen.card.trades.values() for c in t.criteria if c.score is not None]
        assert len(lines) == len(applying)
        first = shown(lines[0])
        assert first.startswith("⚖ judge 0/3 (scorer ")
        assert "“We regret any inconvenience this may have caused.” — Reads like a form letter." in first
        summary = shown(screen.query_one(JudgeSummary))
        assert re.match(r"LLM judge \(test-model at 127\.0\.0\.1:\d+\): agrees with the scorer within one point on "
                        r"\d+ of \d+ criteria", summary)
        assert screen.card.judge is not None and screen.card.judge.available
        assert all(t.score <= 30 for t in screen.card.trades.values()), "the scores are still the scorer's"


async def test_while_the_judge_thinks_the_scorecard_says_judging(app_factory, llm_server, llm_settings):
    llm_server.fault(Delay(1.5)).respond_with(rate_everything(2))
    settings = with_overrides(llm_settings, timeout=5.0)
    app = app_factory(scenario="legroom-en", judge=settings)
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        screen = app.screen
        assert shown(screen.query_one(JudgeSummary)) == "LLM judge: judging…"
        assert all(shown(line) == "⚖ …" for line in screen.query(JudgeLine))
        assert "Dear Mrs Maduro" in " ".join(str(e.render()) for e in screen.query(".score-evidence"))
        await judged(pilot)
        assert "agrees with the scorer" in shown(screen.query_one(JudgeSummary))
        assert all(shown(line).startswith("⚖ judge 2/3") for line in screen.query(JudgeLine))


async def test_a_broken_judge_leaves_the_scorecard_with_a_note(app_factory, llm_server, llm_settings):
    llm_server.fault(Malformed(), Malformed(), Malformed())
    app = app_factory(scenario="legroom-en", judge=llm_settings)
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        screen = await judged(pilot)
        note = shown(screen.query_one(JudgeSummary))
        assert note == "LLM judge unavailable: the model's reply could not be read (the reply was not valid JSON). " \
                       "The scores are the scorer's own."
        assert not any(line.display for line in screen.query(JudgeLine))
        assert len(screen.query(".score-criterion")) > 5


async def test_judge_asked_for_without_a_model_says_what_to_set(app_factory):
    app = app_factory(scenario="legroom-en", judge_problem="no model is set: set WEBCARE_MODEL or pass --model")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        await pilot.pause()
        note = shown(app.screen.query_one(JudgeSummary))
        assert note.startswith("LLM judge unavailable: no model is configured (no model is set: set WEBCARE_MODEL")


async def test_without_judge_the_scorecard_has_no_judge_column(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        assert not app.screen.query(JudgeLine) and not app.screen.query(JudgeSummary)
