"""A finished conversation read back, opened at the turn a piece of evidence names; Escape returns."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Label

from trainer.play import Round
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.score_evidence import turn_label
from trainer.ui.widgets.score_transcript import ScoreTranscript


class TranscriptViewScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "key.back"),
        Binding("q", "app.pop_screen", ""),
    ]

    def __init__(self, game: Round, language: str, *, turn: int | None = None, note: str = "") -> None:
        super().__init__()
        self.game = game
        self.language = language
        self.turn = turn
        self.note = note

    def compose(self) -> ComposeResult:
        scenario = self.game.session.scenario
        if self.turn is None:
            title = tr(self.language, "score.transcript")
        else:
            title = tr(self.language, "score.transcript_at", turn=turn_label(self.turn, self.language))
        yield Label(verbatim(f"{title} · {scenario.title}"), classes="screen-title")
        yield ScoreTranscript(scenario, self.language, self.game.session.events, mark=self.turn, note=self.note,
                              id="score-transcript")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(ScoreTranscript).focus()
