"""Key bindings whose footer text follows the interface language (a class's BINDINGS cannot)."""

from __future__ import annotations

from textual.dom import DOMNode

from trainer.texts import tr


def bind_keys(node: DOMNode, language: str, keys: tuple[tuple[str, str, str], ...]) -> None:
    """Bind each (keys, action, i18n key) on this node only; an empty i18n key hides it from the footer."""
    for key, action, text in keys:
        # The instance's own map is a copy of the class's, so this touches no other screen.
        node._bindings.bind(key, action, tr(language, text) if text else "", show=bool(text))
