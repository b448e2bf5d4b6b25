"""The mode a round is played in: practice (with the hints used so far) or test."""

from __future__ import annotations

from textual.widgets import Label

from trainer.texts import tr


class ModeBadge(Label):
    def __init__(self, language: str, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.language = language

    def show(self, mode: str, hints: int) -> None:
        practice = mode == "practice"
        self.update(tr(self.language, "chat.mode_practice", n=hints) if practice else tr(self.language, "chat.mode_test"))
        self.set_class(not practice, "-test")
