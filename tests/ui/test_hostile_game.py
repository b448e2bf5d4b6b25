"""A scenario file, a curriculum and a trainee's words full of hostile text: every screen of the game shows it as
written (markup, action links and terminal controls as text), and nothing crashes, quits or clears the screen."""

from __future__ import annotations

import pytest
from textual import events

from tests.ui.campaign_steps import NOW, PUBLIC
from tests.ui.conftest import LEGROOM
from tests.ui.hostile_steps import (
    CURRICULUM_FIELDS,
    Seen,
    hostile,
    hostile_curriculum,
    hostile_scenario,
    look,
)
from trainer.engine.clock import FakeClock
from trainer.scenario.loader import load_scenario
from trainer.store import open_store
from trainer.ui.app import make_app
from trainer.ui.options import UiOptions
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.rewind import RewindScreen
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.screens.transcript_view import TranscriptViewScreen
from trainer.ui.widgets.amount_dialog import AmountDialog

BIG = (200, 80)
CHAT = ("NAME", "HANDLE", "LINE", "HINT", "SAID", "LOOKUP", "RESULT", "FACT", "LIVE", "NOTICE")
"""(The back office shows an action's label in a column too narrow for all of a hostile one: the help and the
amount dialog show it whole.)"""
SCREENS: dict[str, tuple[str, ...]] = {
    "picker": ("TITLE", "TEASER", "STOPPED"),
    "briefing": ("TITLE", "TEASER", "NAME", "HANDLE", "PERSONA", "BRIEFING", "MANDATE"),
    "help": ("TITLE", "LOOKUP", "ACTION"),
    "chat on twitter": CHAT,
    "chat on dm": CHAT,
    "chat on email": (*CHAT, "TITLE"),
    "chat on chat": CHAT,
    "amount dialog": ("ACTION",),
    "scorecard": ("TITLE", "SAID"),
    "transcript": ("TITLE", "LINE", "SAID", "LOOKUP"),
    "rewind": ("SAID",),  # a look-up is no turn to go back to
    "home": CURRICULUM_FIELDS,
}
_seen: dict[str, Seen] = {}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-files")
    scenarios = {channel: hostile_scenario(folder, channel) for channel in ("twitter", "dm", "email", "chat")}
    store = open_store(str(folder / "sessions.db"))
    stopped = load_scenario(scenarios["twitter"]).model_copy(update={"title": hostile("STOPPED")})
    store.begin(trainee="nina", scenario=stopped)  # a session she stopped: the picker offers to resume it
    store.close()
    return folder, scenarios


def _app(folder, **options):
    return make_app(UiOptions(typing_speed=0, clock=FakeClock(), db=str(folder / "sessions.db"), trainee="nina",
                              **options))


async def _send(pilot, text: str) -> None:
    """Paste a line into the composer and send it, as a trainee does; wait for her answer."""
    screen = pilot.app.screen
    screen.query_one("#composer").focus()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()
    await pilot.press("ctrl+s" if screen.scenario.channel == "email" else "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _chat(pilot, channel: str) -> None:
    """In the chat: a hint, a hostile message, a look-up, then a notice and her next words as a model writes them."""
    await pilot.press("f2")
    await _send(pilot, hostile("SAID"))
    await _send(pilot, "/lookup booking")
    screen = pilot.app.screen
    screen.notify(hostile("NOTICE"), severity="warning")  # as a model's fault is told
    screen.query_one("#live").append(hostile("LIVE"))
    await pilot.pause()
    await pilot.pause()  # the notice's toast is shown after the message is handled
    _seen[f"chat on {channel}"] = look(pilot.app)
    screen.query_one("#live").clear()


async def _journey(screen: str, folder, scenarios) -> Seen:
    """Play through the screens of the game as a trainee would, noting what each showed; the first crash ends it."""
    if screen in _seen:
        return _seen[screen]
    if screen.startswith("chat on") and screen != "chat on twitter":
        channel = screen.removeprefix("chat on ")
        app = _app(folder, scenario=str(scenarios[channel]), scenario_paths=[scenarios[channel]])
        route = _chat_only(channel)
    elif screen == "home":
        app = _app(folder, curriculum=str(hostile_curriculum(folder)), scenario_paths=[*LEGROOM, PUBLIC],
                   now=lambda: NOW)
        route = _home()
    else:
        app = _app(folder, scenario_paths=[scenarios["twitter"]])
        route = _twitter()
    try:
        async with app.run_test(size=BIG, notifications=True) as pilot:
            await route(pilot)
    except Exception as exc:  # noqa: BLE001 - the crash is what the test reports
        for name in SCREENS:
            _seen.setdefault(name, Seen(error=f"{type(exc).__name__}: {exc}"))
    return _seen.setdefault(screen, Seen(error="not reached"))


def _note(pilot, screen: str, kind: type) -> None:
    assert isinstance(pilot.app.screen, kind), f"expected the {screen}, got {pilot.app.screen}"
    _seen[screen] = look(pilot.app)


def _twitter():
    async def route(pilot) -> None:
        await pilot.pause()
        _note(pilot, "picker", PickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        _note(pilot, "briefing", BriefingScreen)
        await pilot.press("f1")
        await pilot.pause()
        _note(pilot, "help", HelpScreen)
        await pilot.press("escape", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await _chat(pilot, "twitter")
        pilot.app.screen.query_one("#composer").focus()
        pilot.app.post_message(events.Paste("/do refund_seats"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        _note(pilot, "amount dialog", AmountDialog)
        await pilot.press("escape")
        await _send(pilot, "/end")
        await pilot.press("enter")  # the conversation is over: the scorecard
        await pilot.pause()
        _note(pilot, "scorecard", ScorecardScreen)
        await pilot.press("t")
        await pilot.pause()
        _note(pilot, "transcript", TranscriptViewScreen)
        await pilot.press("escape", "r")
        await pilot.pause()
        _note(pilot, "rewind", RewindScreen)

    return route


def _chat_only(channel: str):
    async def route(pilot) -> None:
        await pilot.pause()
        await pilot.press("enter")  # Start
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await _chat(pilot, channel)

    return route


def _home():
    async def route(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        from trainer.ui.screens.home import HomeScreen

        _note(pilot, "home", HomeScreen)

    return route


@pytest.mark.parametrize(("screen", "field"), [(s, f) for s, fields in SCREENS.items() for f in fields])
async def test_the_trainee_reads_every_hostile_field_as_written(files, screen, field):
    seen = await _journey(screen, *files)
    assert not seen.error, f"the {screen} crashed: {seen.error}"
    assert seen.running
    assert not seen.raw_controls, f"raw terminal controls reached the {screen}: {seen.raw_controls}"
    assert seen.shows(field), f"{field} is not shown as written on the {screen}:\n{seen.text}"
