"""After a what-if replay: the first and the new scorecard side by side, then the new one on a key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from scoring import TRADES, Scorecard
from trainer.engine.events import Event
from trainer.play import Round, moves_of
from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.score_comparison import ScoreComparison, signed


def branch_turn(before: Sequence[Event], after: Sequence[Event]) -> int | None:
    """The first turn where the replay's moves differ from the first game's; None if they never do."""
    old, new = moves_of(list(before)), moves_of(list(after))
    for (turn, _, a), (_, _, b) in zip(old, new):
        if a != b:
            return turn
    if len(old) != len(new):
        return (old if len(old) > len(new) else new)[min(len(old), len(new))][0]
    return None


class CompareScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "scorecard", "compare.key_scorecard"),
        Binding("escape", "scorecard", ""),
        Binding("n", "new", "key.new"),
        Binding("q", "app.quit", "key.quit", show=False),  # the footer shows the app's Ctrl+Q: one Quit
    ]

    def __init__(self, before: tuple[Round, Scorecard], after: tuple[Round, Scorecard], language: str) -> None:
        super().__init__()
        self.before_game, self.before = before
        self.after_game, self.after = after
        self.language = language

    def compose(self) -> ComposeResult:
        language = self.language
        turn = branch_turn(self.before_game.session.events, self.after_game.session.events)
        yield Label(tr(language, "compare.title"), classes="screen-title")
        lead = tr(language, "compare.same") if turn is None else tr(language, "compare.from_turn", n=turn)
        yield Label(lead, id="compare-lead")
        with VerticalScroll(id="compare", can_focus=False):
            yield ScoreComparison(self.before, self.after, language, id="comparison")
        total = sum(self.after.trades[t].score - self.before.trades[t].score for t in TRADES)
        yield Static(tr(language, "compare.total", delta=signed(total).markup), id="compare-total")
        yield KeyFooter()

    def action_scorecard(self) -> None:
        webcare_app(self.app).show_scorecard(self.after_game, self.after)

    def action_new(self) -> None:
        webcare_app(self.app).show_picker()
