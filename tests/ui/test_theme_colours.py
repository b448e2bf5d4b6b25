"""Colours come from the theme: what the chat, the back office and the scorecard draw in green, red or yellow is the
theme's success, error or warning text colour, so a light theme (picked even mid-conversation) reads as well."""

from __future__ import annotations

from rich.color import Color

from tests.ui.chat_helpers import say
from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from trainer.ui.widgets.back_office import BackOffice
from trainer.ui.widgets.transcript import Transcript


def colours(strips) -> set[str]:
    """Every foreground colour drawn in these lines, as #rrggbb."""
    return {seg.style.color.get_truecolor().hex for strip in strips for seg in strip
            if seg.style is not None and seg.style.color is not None}


def theme_colour(app, name: str) -> str:
    return Color.parse(app.theme_variables[name]).get_truecolor().hex


async def test_a_light_theme_picked_mid_conversation_repaints_her_messages_and_the_back_office(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Start
        await say(pilot, "Hi Daniela, so sorry about the legroom. What happened?")
        await pilot.press("ctrl+b", "enter")  # look up the booking: ⌕ in the timeline and the back office
        await app.workers.wait_for_complete()
        await pilot.pause()
        transcript, office = app.screen.query_one(Transcript), app.screen.query_one(BackOffice)
        dark_her = theme_colour(app, "text-accent")
        assert dark_her in colours(transcript.lines)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light_her, light_note = theme_colour(app, "text-accent"), theme_colour(app, "text-secondary")
        assert light_her != dark_her
        assert light_her in colours(transcript.lines) and dark_her not in colours(transcript.lines)
        assert light_note in colours(office.query_one("#notebook").lines)  # the ✎ of a fact found


async def test_the_scorecards_low_scores_are_in_the_themes_error_colour(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await finish_badly(pilot)
        dark_error = theme_colour(app, "text-error")
        app.theme = "textual-light"
        await pilot.pause()
        drawn = app.export_screenshot().lower()  # what the terminal shows, as an SVG
        assert theme_colour(app, "text-error") in drawn and theme_colour(app, "text-success") in drawn
        assert dark_error not in drawn  # drawn again in the light theme's colours
