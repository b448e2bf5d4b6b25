"""A trainee who pasted the template e-mail reads why it failed, and jumps from a quote to her turn."""

from __future__ import annotations

from scoring import TRADES
from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly, focus_evidence
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.screens.transcript_view import TranscriptViewScreen
from trainer.ui.widgets.score_bar import TradeBar
from trainer.ui.widgets.score_evidence import EvidenceItem
from trainer.ui.widgets.score_transcript import ScoreTranscript

SMALL = (100, 24)
"""Small enough that the transcript has to scroll to reach turn 2."""


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_the_scorecard_shows_each_trade_each_criterion_and_her_words_as_evidence(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        screen = app.screen
        assert isinstance(screen, ScorecardScreen)
        card = screen.card
        assert "went public" in text_of(screen, "#score-outcome")
        assert card.summary in text_of(screen, "#score-summary")
        assert {bar.trade: bar.score for bar in screen.query(TradeBar)} == {t: card.trades[t].score for t in TRADES}
        assert all(card.trades[t].score <= 30 for t in TRADES)
        assert "genuine, personal, always time" in str(screen.query_one("#bar-facilitator").render())
        criteria = " ".join(str(c.render()) for c in screen.query(".score-criterion"))
        assert "Own words, about this customer" in criteria and "Looks the facts up before concluding" in criteria
        items = list(screen.query(EvidenceItem))
        template = next(i for i in items if i.evidence.quote == "Dear Mrs Maduro, thank you for your e-mail.")
        assert template.has_class("-bad") and "turn 1" in str(template.render())
        assert any(i.evidence.action == "voucher 100" for i in items)
        assert card.tips[0] in text_of(screen, "#score-tips")
        assert text_of(screen, "#score-hints") == "Practice mode: 0 hints used"
        assert app.focused is items[0]


async def test_enter_on_a_quote_opens_the_transcript_at_its_turn_and_escape_comes_back(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SMALL) as pilot:
        await finish_badly(pilot)
        await focus_evidence(pilot, turn=2)
        chosen = app.focused
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TranscriptViewScreen)
        transcript = app.screen.query_one(ScoreTranscript)
        first = transcript.turn_lines[2]
        assert transcript.lines[first].text.startswith("▶ turn 2 · “Seats may be reassigned")
        marked = " ".join(transcript.lines[y].text for y in transcript.marked)
        assert "Seats may be reassigned for operational" in marked and "None of those is my reason" in marked
        assert "We regret any inconvenience" not in marked
        assert 0 < transcript.scroll_y == first
        await pilot.press("escape")
        assert isinstance(app.screen, ScorecardScreen)
        assert app.focused is chosen


async def test_t_shows_the_whole_transcript_and_n_goes_back_to_the_picker(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot)
        await pilot.press("t")
        await pilot.pause()
        transcript = app.screen.query_one(ScoreTranscript)
        assert transcript.scroll_y == 0 and not transcript.marked
        assert sorted(transcript.turn_lines) == [0, 1, 2, 3, 4]
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert len(app.screen_stack) == 2


async def test_a_dutch_scenario_gets_a_dutch_scorecard(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot, "nl")
        screen = app.screen
        assert text_of(screen, "#score-outcome") == "Afloop: naar buiten gebracht · 4 beurten"
        assert "Loodgieter" in str(screen.query_one("#bar-plumber").render())
        assert "Volgende keer" in [str(label.render()) for label in screen.query(".score-heading")]
        ceiling = str(screen.query_one(".score-ceiling").render())
        assert ceiling == "⤓ een standaardbrief, geen antwoord aan deze klant: hoogstens 30"
        # the ceiling's evidence comes first: the template sentence that set it
        assert str(screen.query(EvidenceItem).first().render()).startswith("− beurt 1  “Graag informeer ik u als volgt")


def test_snapshot_scorecard_en(snap_compare, app_factory):
    assert snap_compare(app_factory(scenario="legroom-en"), run_before=finish_badly, terminal_size=SIZE)


def test_snapshot_scorecard_nl(snap_compare, app_factory):
    async def run_before(pilot):
        await finish_badly(pilot, "nl")

    assert snap_compare(app_factory(scenario="legroom-nl"), run_before=run_before, terminal_size=SIZE)


def test_snapshot_transcript_jump(snap_compare, app_factory):
    async def run_before(pilot):
        await finish_badly(pilot)
        await focus_evidence(pilot, turn=2)
        await pilot.press("enter")

    assert snap_compare(app_factory(scenario="legroom-en"), run_before=run_before, terminal_size=SIZE)
