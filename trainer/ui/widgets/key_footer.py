"""The footer of keys, composed again only when what it shows has changed."""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, which rebuilds its keys after every focus change and every `refresh_bindings()`.

    Most of those change nothing it shows (moving between two fields with the same keys), and a rebuild
    mounts and styles a widget per key: a third of what a screen does when the focus moves.
    """

    _shown: list[Any] | None = None

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return  # as Widget.recompose: the screen went before the footer's turn came
        shown = self._keys_shown()
        if shown == self._shown and self.children:
            return
        self._shown = shown
        await super().recompose()

    def _keys_shown(self) -> list[Any]:
        """Everything `Footer.compose` reads: each key shown, its label, whether it is enabled, its tooltip."""
        app = self.app
        keys: list[Any] = [self.show_command_palette, app.ENABLE_COMMAND_PALETTE, app.COMMAND_PALETTE_BINDING]
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show or binding.action == "command_palette":
                keys.append((binding, app.get_key_display(binding), enabled, tooltip))
        return keys
