"""What if? Pick one of your earlier moves to go back to; the app replays up to it and you play on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from trainer.engine.events import Event
from trainer.engine.moves import Act, End, Hint, Lookup, Move, Say
from trainer.play import Round, moves_of
from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter

SHORT = 90


def rewind_points(events: Sequence[Event]) -> list[tuple[int, Move]]:
    """Each turn with a move of yours, and its first move: a message, a deed or the end. A hint or a look-up is
    no turn (she sees neither): it goes with the turn before it, so going back to turn N keeps those before N."""
    points: dict[int, Move] = {}
    for turn, _at, move in moves_of(list(events)):
        if turn >= 1 and not isinstance(move, (Hint, Lookup)):
            points.setdefault(turn, move)
    return sorted(points.items())


def move_text(move: Move, scenario: Scenario, language: str) -> str:
    if isinstance(move, Say):
        text = move.text if len(move.text) <= SHORT else move.text[: SHORT - 1].rstrip() + "…"
        return f"“{text}”"
    if isinstance(move, Act):
        action = scenario.actions.get(move.action)
        amount = f" · {move.amount:g}" if move.amount is not None else ""
        return (action.label if action else move.action) + amount
    if isinstance(move, End):
        return tr(language, "rewind.end")
    return str(move)


class RewindScreen(KeysInLanguage, Screen):
    """Lists your moves by turn; choosing one posts `Chosen`, and the app builds the replay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "key.back"),
    ]

    @dataclass
    class Chosen(Message):
        game: Round
        """The game to branch from."""
        before_turn: int

    def __init__(self, game: Round, language: str) -> None:
        super().__init__()
        self.game = game
        self.language = language

    def compose(self) -> ComposeResult:
        scenario = self.game.session.scenario
        yield Label(tr(self.language, "rewind.title"), classes="screen-title")
        yield Label(tr(self.language, "rewind.pick"), id="rewind-pick")
        yield Label(tr(self.language, "rewind.explain"), id="rewind-explain")
        options = [
            Option(Text.assemble((f"{tr(self.language, 'score.turn', n=turn):<10}", "bold"),
                                 verbatim(move_text(move, scenario, self.language))), id=str(turn))
            for turn, move in rewind_points(self.game.session.events)
        ]
        yield OptionList(*options, id="rewind-turns")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#rewind-turns", OptionList).focus()

    @on(OptionList.OptionSelected, "#rewind-turns")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.Chosen(self.game, int(event.option.id or 1)))
