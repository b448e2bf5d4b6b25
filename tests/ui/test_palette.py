"""The command palette (Ctrl+P) offers what people look for in it: play a scenario by name, resume, light or dark,
the other language, help; in a conversation also end and hint. In the interface's language."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.fuzzy import Matcher
from textual.widgets import OptionList

from tests.ui.chat_helpers import say
from tests.ui.conftest import SIZE
from tests.ui.score_steps import finish_badly
from tests.ui.test_dutch_footers import footer
from trainer.engine.events import HintShown
from trainer.scenario.library import find_scenario
from trainer.texts import tr
from trainer.ui.commands import WebcareCommands, commands_for, highlighted
from trainer.ui.messages import StartSession
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.review_sessions import SessionsScreen


@pytest.fixture
def palette_app(app_factory):
    """An app whose palette has our provider (as `WebcareApp.COMMANDS` should)."""

    def build(**options):
        app = app_factory(**options)
        if WebcareCommands not in app.COMMANDS:
            app.COMMANDS = app.COMMANDS | {WebcareCommands}
        return app

    return build


async def run_command(pilot, query: str, expected: str) -> None:
    """Ctrl+P, type the query, wait for `expected` to be the first hit, Enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert CommandPalette.is_open(pilot.app)
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in query])
    hits = pilot.app.screen.query_one(OptionList)
    for _ in range(100):  # the palette searches in a task; wait for it, bounded
        await pilot.pause()
        if hits.option_count and expected in str(hits.get_option_at_index(0).prompt):
            break
    else:
        pytest.fail(f"no hit {expected!r} for {query!r}")
    if hits.highlighted is None:
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


def offered(app) -> list[str]:
    """The commands the empty palette lists (a scenario is offered when its name is typed)."""
    return [c.name for c in commands_for(app, app.screen) if not c.found_only]


async def to_chat(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")  # the briefing's Start
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == "ChatScreen"


async def test_help_from_the_palette(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "help", "Help")
        assert isinstance(app.screen, HelpScreen)


async def test_light_and_dark_from_the_palette(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.current_theme.dark
        await run_command(pilot, "light", "Light or dark theme")
        assert app.theme == "textual-light" and not app.current_theme.dark
        await run_command(pilot, "dark", "Light or dark theme")
        assert app.current_theme.dark


async def test_a_hint_from_the_palette_is_counted(palette_app):
    app = palette_app(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await to_chat(pilot)
        await run_command(pilot, "hint", "Ask for a hint")
        assert type(app.screen).__name__ == "ChatScreen"
        assert any(isinstance(e, HintShown) for e in app.screen.game.session.events)


async def test_ending_the_conversation_from_the_palette(palette_app):
    app = palette_app(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await to_chat(pilot)
        session = app.screen.game.session
        await run_command(pilot, "end", "End the conversation")
        await pilot.press("enter")  # yes, end it (the chat asks, as it does for Ctrl+E)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert session.over and session.outcome == "left"


async def test_a_new_scenario_from_the_palette_goes_back_to_the_picker(palette_app):
    app = palette_app(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await to_chat(pilot)
        await run_command(pilot, "new", "New scenario")
        assert type(app.screen).__name__ == "PickerScreen"


async def test_the_palette_speaks_dutch_when_the_interface_does(palette_app):
    app = palette_app(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        await to_chat(pilot)
        names = offered(app)
        assert names == ["Help", "Nieuw scenario", "Licht of donker thema", "Taal: English", "Gesprek beëindigen",
                         "Vraag een hint"]
        await run_command(pilot, "hint", "Vraag een hint")
        assert any(isinstance(e, HintShown) for e in app.screen.game.session.events)


async def test_only_what_makes_sense_here_is_offered(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        on_picker = offered(app)
        assert on_picker == ["Help", "Review sessions", "Light or dark theme", "Language: Nederlands"]  # already picking
        app.post_message(StartSession(find_scenario("legroom-en"), "test"))
        for _ in range(50):
            await pilot.pause()
            if type(app.screen).__name__ == "ChatScreen":
                break
        names = offered(app)
        assert names == ["Help", "New scenario", "Light or dark theme", "Language: Nederlands",
                         "End the conversation"]  # test mode: no hint


async def test_typing_a_scenarios_name_opens_its_briefing(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "legroom", "The legroom that never was")
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "legroom-en"
        await pilot.press("escape")  # back to the list, as after picking it there
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_a_dutch_title_is_found_by_its_own_words(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "beenruimte", "De beenruimte die er nooit was")
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "legroom-nl"


async def test_the_stopped_session_resumes_from_the_palette(palette_app):
    first = palette_app(trainee="anna")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # the legroom case, then Start
        await say(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
        before = list(first.screen.game.session.events)
    again = palette_app(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "resume", "Resume: The legroom that never was")
        assert type(again.screen).__name__ == "ChatScreen"
        assert again.screen.game.session.events[: len(before)] == before


async def test_switching_language_in_the_palette_turns_the_footer_dutch(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert tr("en", "key.choose") in footer(app.screen)
        await run_command(pilot, "language", "Language: Nederlands")
        assert isinstance(app.screen, PickerScreen) and app.language == "nl"
        assert tr("nl", "key.choose") in footer(app.screen) and tr("en", "key.choose") not in footer(app.screen)
        assert str(app.screen.query_one(".screen-title").render()) == tr("nl", "picker.title")
        await run_command(pilot, "taal", "Taal: English")  # and back, in the words of the other language
        assert tr("en", "key.choose") in footer(app.screen)


async def test_light_and_dark_goes_back_to_the_dark_theme_picked(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await run_command(pilot, "light", "Light or dark theme")
        assert not app.current_theme.dark
        await run_command(pilot, "dark", "Light or dark theme")
        assert app.theme == "nord"


def test_a_title_that_looks_like_markup_is_shown_as_written():
    matcher = Matcher("legroom")
    shown = highlighted(matcher, "Play: [b]legroom[/b] [@click=app.quit]x[/] · mine")
    assert shown.plain == "Play: [b]legroom[/b] [@click=app.quit]x[/] · mine"


async def test_ones_own_sessions_are_reviewed_from_the_palette(palette_app):
    first = palette_app(trainee="anna")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # the legroom case, then Start
        await say(pilot, "Hi Daniela, so sorry about the legroom you paid for. What happened?")
    again = palette_app(trainee="anna")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "review", "Review sessions")
        assert isinstance(again.screen, SessionsScreen)
        assert [r.trainee for r in again.screen.rows] == ["anna"]


async def test_the_scorecards_session_is_exported_from_the_palette(palette_app, tmp_path):
    app = palette_app(trainee="anna", scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await finish_badly(pilot)
        assert type(app.screen).__name__ == "ScorecardScreen"
        await run_command(pilot, "export", "Export this session")
        app.screen.query_one("#export-path").value = str(tmp_path / "mine.html")
        await pilot.press("enter")
        await pilot.pause()
    page = (tmp_path / "mine.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "The legroom that never was" in page
