"""Help (F1): the moves, the keys and the three trades, in the interface's language; Esc closes it."""

from __future__ import annotations

from tests.ui.conftest import SIZE, type_line
from trainer.cli import main
from trainer.ui.screens.help import HelpScreen, key_name

HELP_SIZE = (100, 34)


def help_text(app) -> str:
    assert isinstance(app.screen, HelpScreen), type(app.screen).__name__
    return app.screen.text()


async def open_chat(pilot, app) -> None:
    """Through the briefing into the conversation, as the trainee does: Enter, Enter."""
    await pilot.pause()
    if type(app.screen).__name__ == "PickerScreen":
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("enter")  # the briefing's Start
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert type(app.screen).__name__ == "ChatScreen"


async def test_f1_opens_the_help_over_the_picker_and_escape_closes_it(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "## Moves" in text and "## The three trades" in text
        for trade in ("Facilitator", "Detective", "Plumber"):
            assert f"**{trade}**" in text
        assert "**Ctrl+P**" in text  # the command palette is told about
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is picker


async def test_question_mark_opens_the_help_where_no_text_is_typed(app_factory):
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")  # the same key closes it
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_help_scrolls_by_keys(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=(80, 20)) as pilot:
        await open_chat(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        body = app.screen.query_one("#help")
        assert app.screen.focused is body
        assert body.max_scroll_y > 0  # more help than fits: it must scroll
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y < body.max_scroll_y


async def test_over_the_chat_the_help_lists_this_scenarios_lookups_actions_and_keys(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        await open_chat(pilot, app)
        await type_line(pilot, "/help")  # the typed move opens the same help
        text = help_text(app)
        assert "## This scenario: The legroom that never was" in text
        assert "- `/lookup seat_record` — Seat record SB 765" in text
        assert "- `/do refund_seats AMOUNT` — Refund the extra-legroom seats · at most 160 in total" in text
        assert "- `/do log_fault` —" in text  # no amount: no limit told
        assert "## Keys on this screen" in text
        assert "**Ctrl+B** — Back office" in text
        assert "**F2** — Hint" in text


async def test_the_help_follows_the_scenarios_language(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "## Zetten" in text and "## De drie vakken" in text
        assert "**Loodgieter**" in text
        assert app.screen.query_one("#help").border_title == "Webcare Trainer — Help"
        assert app.screen.query_one("#help").border_subtitle.startswith("Esc sluit")


async def test_lang_flag_makes_the_help_dutch_for_an_english_scenario(app_factory, monkeypatch):
    import trainer.ui.app

    chosen = {}

    class Recorded:
        def __init__(self, options):
            chosen["options"] = options

        def run(self):
            return None

    monkeypatch.setattr(trainer.ui.app, "make_app", Recorded)
    assert main(["play", "--tui", "--lang", "nl", "legroom-en"]) == 0
    options = chosen["options"]
    assert (options.language, options.scenario) == ("nl", "legroom-en")

    app = app_factory(scenario=options.scenario, language=options.language)
    async with app.run_test(size=SIZE) as pilot:
        await open_chat(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        text = help_text(app)
        assert "## Zetten" in text
        assert "## Dit scenario: The legroom that never was" in text  # her story stays English
        assert "hoogstens 160 in totaal" in text
        assert "**Ctrl+B** — Backoffice" in text


def test_keys_are_named_as_people_say_them():
    assert [key_name(k) for k in ("ctrl+b", "f1", "question_mark", "escape", "shift+tab", "ctrl+pageup")] == [
        "Ctrl+B", "F1", "?", "Esc", "Shift+Tab", "Ctrl+PgUp"]


def test_an_authors_text_shows_as_written():
    from trainer.ui.screens.help import plain

    assert plain("Refund *all* extras_paid [now]") == r"Refund \*all\* extras\_paid \[now\]"


# -- snapshots -----------------------------------------------------------------------------------

def test_snapshot_help_over_the_picker(app_factory, snap_compare):
    assert snap_compare(app_factory(), press=["f1"], terminal_size=HELP_SIZE)


def test_snapshot_help_in_the_light_theme(app_factory, snap_compare):
    app = app_factory()

    async def light(pilot):
        pilot.app.theme = "textual-light"
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(app, run_before=light, terminal_size=HELP_SIZE)


def test_snapshot_help_over_the_dutch_chat_scrolled_to_the_scenario(app_factory, snap_compare):
    app = app_factory(scenario="legroom-nl")

    async def to_the_end_of_the_help(pilot):
        await open_chat(pilot, pilot.app)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()

    assert snap_compare(app, run_before=to_the_end_of_the_help, terminal_size=HELP_SIZE)

