"""The theme picked, the language switched to and the name given are there at the next start, kept in the
config file's `[ui]` table beside the user's own settings and comments; a broken file never stops the game."""

from __future__ import annotations

import pytest
import textual.constants

from tests.ui.chat_helpers import notices
from tests.ui.conftest import SIZE
from tests.ui.test_dutch_footers import footer
from tests.ui.test_palette import run_command
from trainer.settings import read_settings
from trainer.texts import tr
from trainer.ui.screens.picker import PickerScreen


@pytest.fixture
def config(tmp_path):
    return tmp_path / "config.toml"


async def test_the_theme_picked_is_there_after_a_restart(app_factory, config):
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "theme", "Theme")  # Textual's own theme picker
        await pilot.press(*"nord", "enter")
        await pilot.pause()
        assert app.theme == "nord"
    again = app_factory(config=config)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_light_or_dark_is_kept_too_and_goes_back_to_the_dark_theme_kept(app_factory, config):
    config.write_text('[ui]\ntheme = "gruvbox"\n')
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        await run_command(pilot, "light", "Light or dark theme")
        assert not app.current_theme.dark
    again = app_factory(config=config)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not again.current_theme.dark
        await run_command(pilot, "dark", "Light or dark theme")
        assert again.current_theme.dark


async def test_the_language_switched_is_there_after_a_restart_unless_the_command_line_says_another(
        app_factory, config):
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_command(pilot, "language", "Language: Nederlands")
    again = app_factory(config=config)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, PickerScreen) and tr("nl", "key.choose") in footer(again.screen)
    flagged = app_factory(config=config, language="en")  # `--lang en` wins
    async with flagged.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert tr("en", "key.choose") in footer(flagged.screen)
    assert read_settings(config).language == "nl"  # the flag is for this time only


async def test_the_name_given_is_the_name_next_time(app_factory, config):
    app = app_factory(config=config, trainee="Anna de Vries")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    again = app_factory(config=config)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.trainee == "Anna de Vries"
    other = app_factory(config=config, trainee="Bram")  # `--name` wins, and is kept
    async with other.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert other.trainee == "Bram"
    assert read_settings(config).name == "Bram"


async def test_a_config_file_with_a_typo_starts_the_game_with_a_one_line_notice(app_factory, config):
    broken = '[llm]\nmodel = "llama3.1\n'  # the closing quote forgotten
    config.write_text(broken)
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        [notice] = notices(app)
        assert "not valid TOML" in notice and str(config) in notice and "\n" not in notice
        app.theme = "nord"  # picked while the file is broken: the file the user must mend is not written over
        await pilot.pause()
    assert config.read_text() == broken


async def test_a_users_comments_and_other_settings_survive_saving(app_factory, config):
    mine = ('# my settings: the local model first\n[llm]\nmodel = "llama3.1"  # pulled on Monday\n\n'
            '[ui]\n# dark at night\ntheme = "nord"\n')
    config.write_text(mine)
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    kept = config.read_text()
    assert kept == mine.replace('theme = "nord"', 'theme = "gruvbox"')


async def test_a_theme_this_version_lacks_is_said_and_the_default_kept(app_factory, config):
    config.write_text('[ui]\ntheme = "solarized-purple"\n')
    app = app_factory(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        assert any("solarized-purple" in n for n in notices(app))


async def test_without_a_config_file_nothing_is_written(app_factory, tmp_path):
    app = app_factory()  # as every other test: no config file given
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert not list(tmp_path.glob("*.toml"))


async def test_in_a_browser_tab_the_servers_settings_are_neither_read_nor_written(app_factory, config, monkeypatch):
    config.write_text('[ui]\nlanguage = "nl"\ntheme = "nord"\n')
    # textual-serve starts each tab with TEXTUAL_DRIVER naming the web driver; Textual reads it on import
    monkeypatch.setattr(textual.constants, "DRIVER", "textual.drivers.web_driver:WebDriver")
    app = app_factory(config=config, trainee="Anna")
    assert app.in_browser
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.language == "en" and app.theme == "textual-dark"
        app.theme = "gruvbox"
        await pilot.pause()
    assert config.read_text() == '[ui]\nlanguage = "nl"\ntheme = "nord"\n'


async def test_the_coachs_review_keeps_the_theme_picked_there(config, tmp_path):
    from trainer.store import open_store
    from trainer.ui.review_app import ReviewApp

    store = open_store(str(tmp_path / "sessions.db"))
    try:
        app = ReviewApp(store, "kim", config=config)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await run_command(pilot, "light", "Light or dark theme")
            assert not app.current_theme.dark
        assert read_settings(config).theme == app.theme
        again = ReviewApp(store, "kim", config=config)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert again.theme == app.theme and not again.current_theme.dark
    finally:
        store.close()
