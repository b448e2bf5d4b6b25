"""Pilot tests: the app built by `make_app`, a fake clock, and a customer who answers at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.engine.clock import FakeClock
from trainer.ui.app import make_app
from trainer.ui.options import UiOptions

SIZE = (120, 40)
ROOT = Path(__file__).resolve().parents[2]
LEGROOM = [ROOT / "scenarios" / "legroom-en.yaml", ROOT / "scenarios" / "legroom-nl.yaml"]
"""The library the UI stories and snapshots see: fixed, so a new scenario in scenarios/ changes no screenshot."""


@pytest.fixture
def app_factory():
    def build(**options):
        options.setdefault("typing_speed", 0)
        options.setdefault("clock", FakeClock())
        options.setdefault("scenario_paths", LEGROOM)
        return make_app(UiOptions(**options))

    return build


async def type_line(pilot, text: str) -> None:
    """Type a line into the composer as keys and send it; wait until she has answered."""
    composer = pilot.app.screen.query_one("#composer")
    composer.focus()
    composer.clear()
    await pilot.press(*_keys(text), "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _keys(text: str) -> list[str]:
    names = {" ": "space", "/": "slash", ".": "full_stop", ",": "comma", "?": "question_mark",
             "'": "apostrophe", "_": "underscore", ";": "semicolon", "€": "€", "-": "minus", ":": "colon", "!": "exclamation_mark"}
    return [names.get(ch, ch) for ch in text]


async def settled(pilot) -> None:
    """Until the worker that reads the store, the curriculum and the library (after the first frame) is done."""
    for _ in range(20):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        if pilot.app.library is not None:
            break
    await pilot.pause()
