"""The scorecard at the end: each trade as a bar, each criterion with the quoted evidence."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from scoring import Scorecard
from scoring.report import render_text
from trainer.game import Game


class ScorecardScreen(Screen):
    BINDINGS = [("n", "new", "New scenario"), ("q", "app.quit", "Quit")]

    def __init__(self, game: Game, card: Scorecard, language: str) -> None:
        super().__init__()
        self.game = game
        self.card = card
        self.language = language

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="scorecard"):
            yield Static(render_text(self.card), id="report")
        yield Footer()

    def action_new(self) -> None:
        self.app.show_picker()
