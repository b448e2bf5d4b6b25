"""The command palette (Ctrl+P) offers the game's commands, in the interface's language."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList

from tests.ui.conftest import SIZE
from trainer.engine.events import HintShown
from trainer.scenario.library import find_scenario
from trainer.ui.commands import WebcareCommands, commands_for
from trainer.ui.messages import StartSession
from trainer.ui.screens.help import HelpScreen


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
        names = [c.name for c in commands_for(app, app.screen)]
        assert names == ["Help", "Nieuw scenario", "Licht of donker thema", "Gesprek beëindigen", "Vraag een hint"]
        await run_command(pilot, "hint", "Vraag een hint")
        assert any(isinstance(e, HintShown) for e in app.screen.game.session.events)


async def test_only_what_makes_sense_here_is_offered(palette_app):
    app = palette_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        on_picker = [c.name for c in commands_for(app, app.screen)]
        assert on_picker == ["Help", "Light or dark theme"]  # no conversation to end; already picking
        app.post_message(StartSession(find_scenario("legroom-en"), "test"))
        for _ in range(50):
            await pilot.pause()
            if type(app.screen).__name__ == "ChatScreen":
                break
        names = [c.name for c in commands_for(app, app.screen)]
        assert names == ["Help", "New scenario", "Light or dark theme", "End the conversation"]  # test mode: no hint
