"""The footer speaks the interface's language, through Textual's public API: BINDINGS, check_action, active_bindings."""

from __future__ import annotations

from conftest import ROOT

from tests.ui.conftest import SIZE
from trainer.texts import tr
from trainer.ui.screens.picker import PickerScreen

PENDING: set[str] = set()
"""Files still on Textual's private binding map: none."""


def footer(app) -> dict[str, str]:
    return {key: b.binding.description for key, b in app.screen.active_bindings.items() if b.binding.show}


async def test_a_dutch_picker_names_its_keys_in_dutch_and_an_english_one_in_english(app_factory):
    for language in ("nl", "en"):
        app = app_factory(language=language)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            assert footer(app)["enter"] == tr(language, "key.choose")
            assert "0" not in footer(app)  # no filter set: nothing to clear
            await pilot.press("1")
            assert footer(app)["0"] == tr(language, "picker.key.clear")


async def test_one_pickers_keys_never_leak_into_the_next(app_factory):
    app = app_factory(language="nl")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = dict(footer(app))
    english = app_factory(language="en")
    async with english.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer(english)["enter"] == tr("en", "key.choose") != before["enter"]


def test_no_module_reaches_into_textuals_private_binding_map():
    found = {str(p.relative_to(ROOT)) for p in (ROOT / "trainer").rglob("*.py") if "._bindings" in p.read_text("utf-8")}
    assert found <= PENDING, sorted(found - PENDING)
