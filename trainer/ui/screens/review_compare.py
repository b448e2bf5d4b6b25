"""Two attempts at the same scenario side by side: scores, then the conversations turn by turn."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from trainer.review.annotate import annotate
from trainer.store import StoredSession
from trainer.texts import tr
from trainer.ui.colours import content
from trainer.ui.keys import KeysInLanguage
from trainer.ui.screens.review_session import scores_text
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.review_turns import render_line


class AttemptsScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "review.key.back"),
    ]

    def __init__(self, first: StoredSession, second: StoredSession, language: str) -> None:
        super().__init__()
        self.attempts = sorted((first, second), key=lambda s: s.row.started_at)
        self.language = language

    def compose(self) -> ComposeResult:
        yield Label(tr(self.language, "review.compare_title"), classes="screen-title")
        with Horizontal(id="attempts"):
            for i, s in enumerate(self.attempts):
                with Vertical(classes="attempt", id=f"attempt-{i}"):
                    r = s.row
                    yield Label(verbatim(f"{r.trainee} · {r.started_at[:16].replace('T', ' ')} · "
                                         f"{r.outcome or tr(self.language, 'review.unfinished')}"), classes="side-title")
                    yield Static(verbatim(scores_text(s, self.language)), classes="attempt-scores")
                    with VerticalScroll(classes="attempt-turns"):
                        for line in annotate(s.events, s.scorecard, s.notes).lines:
                            yield Static(content(render_line(line, self.language)), classes="attempt-line")
        yield KeyFooter()

    def action_back(self) -> None:
        self.app.pop_screen()
