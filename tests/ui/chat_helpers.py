"""Helpers for the chat and back-office tests: the legroom case on each channel, and customers who
take their time or fail."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import events

from trainer.customers import BaseCustomer
from trainer.engine.events import CustomerMessage, TraineeMessage
from trainer.ui.screens.chat import ChatScreen
from trainer.ui.widgets.chat_composer import ChatComposer

UI_DATA = Path(__file__).resolve().parent.parent / "data" / "ui"
SORRY = "Sorry about your seats. What happened?"
"""Acknowledges the harm and asks: she moves on to telling, and her mood goes up by 10."""


def on_channel(app_factory, channel: str, **options):
    """The legroom case on a channel: the built-in tweet thread, or its variant in tests/data/ui."""
    if channel == "twitter":
        return app_factory(scenario="legroom-en", **options)
    return app_factory(scenario_paths=[UI_DATA], scenario=str(UI_DATA / f"legroom-{channel}.yaml"), **options)


async def start(pilot) -> ChatScreen:
    """From the briefing into the chat; wait for her opening line."""
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChatScreen)
    return pilot.app.screen


async def send(pilot, text: str) -> None:
    """Paste a message into the composer and press Enter (without waiting for her to answer)."""
    pilot.app.screen.query_one(ChatComposer).focus_field()
    paste(pilot, text)
    await pilot.press("enter")


async def answered(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def say(pilot, text: str) -> None:
    """Paste a message, send it, and wait until she has answered (`type_line` types it key by key: for the
    stories about typing)."""
    await send(pilot, text)
    await answered(pilot)


def paste(pilot, text: str) -> None:
    """Paste into the focused field, as a trainee pastes a draft (typing every key is slow in Pilot)."""
    pilot.app.post_message(events.Paste(text))  # as the terminal sends it: the app hands it to the focus


def her_lines(screen: ChatScreen) -> list[str]:
    return [e.text for e in screen.game.session.events if isinstance(e, CustomerMessage)]


def my_lines(screen: ChatScreen) -> list[str]:
    return [e.text for e in screen.game.session.events if isinstance(e, TraineeMessage)]


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


class GatedCustomer(BaseCustomer):
    """A customer who keeps typing (in her own thread) until the test lets her finish."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.gate = threading.Event()

    def write(self, cue) -> str:
        self.gate.wait(timeout=10)
        return self.line


class BrokenCustomer(BaseCustomer):
    """A customer whose words never come: a model that is down, a network error."""

    def write(self, cue) -> str:
        raise ConnectionError("the model is not reachable")


async def settle_for_snapshot(pilot) -> None:
    """Wait for her words and stop the cursors blinking, so a snapshot is the same every run."""
    await answered(pilot)
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False
    await pilot.pause()
