"""What the chat screen shows of a round's events: the transcript, the back office, the mood meter, the badge.

Kept beside the screen so `ChatScreen` only takes the trainee's moves and passes the round's events on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Label

from trainer.engine.channels import CHANNELS, Where
from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    HintShown,
    LookedUp,
    MoodChanged,
    SessionEnded,
    TraineeMessage,
)
from trainer.texts import tr
from trainer.ui.store_news import tell
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.back_office import BackOffice
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.chat_timer import ResponseTimer
from trainer.ui.widgets.mode_badge import ModeBadge
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript, channel_line

if TYPE_CHECKING:
    from textual.screen import Screen

    from trainer.play import Round


class ChatView:
    """Shows events on `screen`'s widgets; holds her reaction to your move until she answers."""

    def __init__(self, screen: Screen, game: Round, language: str) -> None:
        self.screen = screen
        self.game = game
        self.language = language
        self.held_mood: MoodChanged | None = None
        """The customer's reaction to your move, shown on the meter once they answer."""
        self.hints = 0

    def show(self, events: list[Event], hold_mood: bool = False) -> None:
        q = self.screen.query_one
        transcript, office, s = q(Transcript), q(BackOffice), self.game.scenario
        for e in events:
            if isinstance(e, TraineeMessage):
                transcript.trainee(e.text, e.turn, e.at)
            elif isinstance(e, CustomerMessage):
                transcript.customer(e.text, e.turn, e.at)
            elif isinstance(e, (LookedUp, ActionTaken)):
                label, mark = office.show_move(e)
                transcript.record(label, "" if e.ok else e.result, e.ok, e.turn, mark=mark)
            elif isinstance(e, FactRevealed):
                office.note(s.facts[e.fact].is_)
            elif isinstance(e, HintShown):
                self.hint(e.text, e.turn)
            elif isinstance(e, MoodChanged) and hold_mood:
                self.held_mood = e
            elif isinstance(e, MoodChanged):
                q(MoodMeter).set(e.mood, e.patience, e.mood_delta)
            elif isinstance(e, ChannelChanged):
                self.moved(e)
            elif isinstance(e, SessionEnded):
                transcript.system(f"— {e.summary}", e.turn, style="bold")
        session = self.game.session
        looked_up = {e.tool for e in session.events if isinstance(e, LookedUp) and e.ok}
        office.refresh_state(looked_up, session.given, session.done)
        q(ResponseTimer).tick()
        tell(self.screen, self.game, self.language)

    def moved(self, event: ChannelChanged) -> None:
        """The story moved the conversation (to DM): the header, the timeline, the composer and the clock follow."""
        q, where = self.screen.query_one, Where(event.channel, event.audience)
        q("#channel-bar", Label).update(verbatim(channel_line(self.game.scenario, self.language, where)))
        q(Transcript).moved(event)
        q(ChatComposer).move_to(where.channel)
        q(ResponseTimer).norm = CHANNELS[where.channel].reply_within
        q("#conversation").set_classes(f"-{where.channel}")

    def her_reaction(self) -> None:
        """She answered: the meter shows how your move made her feel."""
        if self.held_mood is not None:
            held, self.held_mood = self.held_mood, None
            self.screen.query_one(MoodMeter).set(held.mood, held.patience, held.mood_delta)

    def hint(self, text: str, turn: int | None = None) -> None:
        self.hints += 1
        self.screen.query_one(Transcript).hint(tr(self.language, "chat.hint_title", n=self.hints), text, turn)

    def badge(self) -> None:
        session = self.game.session
        self.screen.query_one(ModeBadge).show(session.mode, sum(isinstance(e, HintShown) for e in session.events))

    def branch(self) -> None:
        """A what-if: the round was rewound, and from the next turn on the trainee plays again. Said on the
        channel bar and in the transcript, so a branch is never taken for the first try."""
        if self.game.rewound_from is None:
            return
        turn = self.game.session.turn + 1
        badge = self.screen.query_one("#branch-badge", Label)
        badge.update(tr(self.language, "chat.branch", turn=turn))
        badge.display = True
        self.screen.query_one(Transcript).system(tr(self.language, "chat.branch_line", turn=turn), style="bold")
