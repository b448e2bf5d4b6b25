"""Key bindings whose footer text follows the interface language, through Textual's public API only.

A screen or widget declares its keys in `BINDINGS`, with a catalogue key as each description
(`Binding("escape", "back", "key.back")`; an empty one keeps the key out of the footer). A screen that
mixes in `KeysInLanguage` shows every active binding's text in its `language`, in the footer, the
help screen and Textual's key panel alike: they all read `Screen.active_bindings`. The app's own keys
(help, quit) are catalogue keys too; of Textual's own words, the command palette's is said through
`TEXTUAL_WORDS`, the rest pass unchanged.

Whether a key is offered is `check_action`'s to say (False: hidden, None: greyed out), and
`refresh_bindings()` redraws the footer when the answer changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import ActiveBinding, Binding

from trainer.texts import tr

TEXTUAL_WORDS = {"palette": "key.palette_short"}
"""Textual's own footer words (the command palette's key) and the catalogue key that says them."""


class KeysInLanguage:
    """Mix in before `Screen` (`class MyScreen(KeysInLanguage, Screen)`); the screen sets `language`."""

    language: str

    def key_text(self, binding: Binding) -> str:
        """The footer text of `binding`; a screen overrides it for texts with values (the scorecard's lessons)."""
        text = binding.description
        return tr(self.language, TEXTUAL_WORDS.get(text, text)) if text else ""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        return {key: shown._replace(binding=replace(shown.binding, description=self.key_text(shown.binding)))
                for key, shown in active.items()}
