"""`webcare review`: the coach's app — browse sessions, read them annotated, note, override, compare, export."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from trainer.store import Store


class ReviewApp(App[None]):
    CSS_PATH = "review.tcss"
    TITLE = "Webcare Trainer — review"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(self, store: Store, coach: str, language: str = "en") -> None:
        super().__init__()
        self.store = store
        self.coach = coach
        self.language = language

    def on_mount(self) -> None:
        from trainer.ui.screens.review_sessions import SessionsScreen

        self.push_screen(SessionsScreen(self.store, self.coach, self.language))
