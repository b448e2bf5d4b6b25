"""A trainee reads the briefing — who she is, where and before whom, what is known and allowed — picks
practice or test, and starts; or goes back to the list."""

from __future__ import annotations

from tests.ui.conftest import SIZE
from trainer.ui.screens.briefing import BriefingScreen, briefing_markdown
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.widgets.briefing_card import persona_line, wait_time


def card(app) -> str:
    return str(app.screen.query_one("#briefing-card").render())


def shown(app) -> str:
    """Everything the briefing says, the card and the Markdown, its runs of spaces as one."""
    screen = app.screen
    assert isinstance(screen, BriefingScreen), type(screen).__name__
    words = [card(app), briefing_markdown(screen.scenario, screen.language),
             *(str(w.render()) for w in screen.query("#briefing-mode-label, RadioButton, #start"))]
    return " ".join(" ".join(words).split())


async def start(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "ChatScreen"


async def test_the_briefing_says_who_she_is_where_and_what_you_know_and_may_do(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the legroom case, from the picker
        text = shown(app)
        for expected in ("Daniela Maduro", "@dani_maduro · 3.8K followers",
                         "Lives in Aruba, flies to Amsterdam twice a year to see family.",
                         "Channel: Twitter, a tweet thread (280 characters a reply)",
                         "Audience: public: anyone can read along",
                         "Pace: Daniela expects an answer within 3 min", "Level: medium",
                         "## What you know", "on the social-media desk of @SkyblueAir",
                         "## You may", "- Offer an EMD voucher (usable only with @SkyblueAir) up to €100.",
                         "Practice (hints allowed, counted)", "Test (no hints)"):
            assert expected in text, expected
        assert "Wants to know WHY" not in text  # how she behaves is for the customer, not for you
        assert app.screen.focused is app.screen.query_one("#start")


async def test_the_dutch_case_is_briefed_in_dutch(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE):
        text = shown(app)
        for expected in ("3.8K volgers", "Kanaal: Twitter, een tweetdraad (280 tekens per antwoord)",
                         "Publiek: openbaar: iedereen kan meelezen", "Tempo: Daniela verwacht binnen 3 min antwoord",
                         "Niveau: gemiddeld", "## Wat je weet", "## Je mag", "Modus:",
                         "Oefenen (hints mogen, worden geteld)", "Toets (geen hints)"):
            assert expected in text, expected
        assert app.screen.query_one("#briefing-card").border_title == "De klant"


async def test_choosing_test_mode_starts_a_session_in_test_mode(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the briefing
        await pilot.press("t")  # test mode
        assert app.screen.query_one("#test").value and not app.screen.query_one("#practice").value
        await pilot.press("enter")  # Start still has the focus
        await start(pilot)
        assert app.screen.game.session.mode == "test"


async def test_the_mode_can_be_chosen_on_the_radio_buttons_by_arrow_keys(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab")  # from Start to the modes
        assert app.screen.focused is app.screen.query_one("#briefing-mode")
        await pilot.press("right", "enter")  # to Test, and choose it
        await pilot.press("tab", "enter")  # to Start, and start
        await start(pilot)
        assert app.screen.game.session.mode == "test"


async def test_practice_is_proposed_and_p_takes_back_a_test_choice(app_factory):
    app = app_factory(scenario="legroom-en", mode="test")  # as `webcare play --test` would propose
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#test").value
        await pilot.press("p", "ctrl+s")
        await start(pilot)
        assert app.screen.game.session.mode == "practice"


async def test_escape_goes_back_to_the_picker(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen
        await pilot.press("down", "enter")
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("escape")
        assert app.screen is picker


async def test_escape_from_a_briefing_opened_by_name_opens_the_picker(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert len(app.screen_stack) == 2


def test_the_persona_line_is_who_she_is_and_the_pace_reads_as_people_say_it():
    assert persona_line("Lives in Aruba.\n  Witty, direct.") == "Lives in Aruba."
    assert persona_line("A retired teacher") == "A retired teacher"
    assert wait_time(180, "en") == "3 min" and wait_time(90, "nl") == "90 s"


def test_snapshot_briefing_en(snap_compare, app_factory):
    assert snap_compare(app_factory(scenario="legroom-en"), terminal_size=SIZE)


def test_snapshot_briefing_nl(snap_compare, app_factory):
    assert snap_compare(app_factory(scenario="legroom-nl"), terminal_size=SIZE, press=["t"])
