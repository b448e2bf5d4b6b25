"""Help: the moves, the keys and the three trades, from a Markdown file beside this module."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HERE = Path(__file__).parent


def help_text(language: str) -> str:
    path = HERE / f"help_{language}.md"
    if not path.exists():
        path = HERE / "help_en.md"
    return path.read_text("utf-8")


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape,q,f1,question_mark", "dismiss", "Close")]

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(help_text(self.language))
