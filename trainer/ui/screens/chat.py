"""The conversation: the customer's messages as on the channel, your composer, the back office beside it."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label

from trainer.engine.channels import CHANNELS
from trainer.engine.moves import Act, End, Help, Hint, Lookup, Move, Say, parse_move
from trainer.errors import MoveError
from trainer.play import Round
from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.messages import SessionFinished
from trainer.ui.store_news import tell
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.amount_dialog import AmountDialog, limited_action
from trainer.ui.widgets.back_office import BackOffice
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.chat_timer import ResponseTimer
from trainer.ui.widgets.chat_view import ChatView
from trainer.ui.widgets.confirm_dialog import ConfirmDialog
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.live_line import LiveLine
from trainer.ui.widgets.mode_badge import ModeBadge
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript, channel_line


class ChatScreen(KeysInLanguage, Screen):
    """A view of one `Round`: the trainee's moves go to it, its events are shown; her line is written by the
    live line's worker, so a slow or failing customer never blocks the screen."""

    # Footer texts are catalogue keys, shown in the interface's language ("" hides a key).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "hint", "key.hint"),
        Binding("ctrl+b", "focus_office", "key.office"),
        Binding("ctrl+e", "end", "key.end", priority=True),  # ahead of the composer's keys
        Binding("ctrl+q", "quit_asking", "key.quit", priority=True),  # ahead of the app's Quit: asks first
        Binding("escape,ctrl+o", "focus_composer", "", show=False),
    ]

    customer_timeout: float = 60.0
    """Seconds to wait for the customer's words before the scripted line is used instead."""

    def __init__(self, game: Round, language: str, typing_speed: float = 1.0) -> None:
        super().__init__()
        self.game = game
        self.scenario = game.scenario
        self.language = language
        self.typing_speed = typing_speed
        self.view = ChatView(self, game, language)
        self._reading = False
        """A model is reading the trainee's message (`--llm-intents`): the customer's move waits for it."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No hint key in test mode: there are none."""
        return action != "hint" or self.game.session.mode == "practice"

    def compose(self) -> ComposeResult:
        s, t, where = self.scenario, self.language, self.game.session.where
        with Horizontal(id="chat-top"):
            yield Label(verbatim(channel_line(s, t, where)), id="channel-bar")
            yield Label("", id="branch-badge")
            yield ModeBadge(t, id="mode-badge")
        with Horizontal(id="chat-status"):
            yield MoodMeter(t, s.customer.patience, id="mood")
            yield ResponseTimer(t, CHANNELS[where.channel].reply_within, self.game.waiting, name=s.customer.first_name,
                                id="timer")
        with Horizontal(id="chat-body"):
            with Vertical(id="conversation", classes=f"-{where.channel}"):
                yield Transcript(s, t, id="transcript")
                yield LiveLine(id="live")
                yield ChatComposer(s, t, where.channel, id="composer-box")
            yield BackOffice(s, t, id="back-office")
        yield KeyFooter()

    def on_mount(self) -> None:
        session = self.game.session
        self.query_one(MoodMeter).set(session.mood, session.patience)
        self.view.show(session.events)  # a rewound or resumed round arrives with its history
        self.view.branch()
        if session.cue is not None:
            self._her_turn(typed=False)  # the customer's opening: posted before you arrived
        self.view.badge()
        if self.game.resumed and self.game.saved is not None:
            self.query_one(ChatComposer).give_back(self.game.saved.draft())  # what was typed when it was quit
        self.action_focus_composer()

    # -- the trainee's moves ---------------------------------------------------------------------

    @on(ChatComposer.Sent)
    def _sent(self, event: ChatComposer.Sent) -> None:
        """The composer is empty already (keys typed since start the next message); a message not taken
        goes back into it."""
        if self.game.session.over:
            self._finish()
        elif not self._take(event.text.strip()):
            self.query_one(ChatComposer).give_back(event.text)

    def _take(self, text: str) -> bool:
        """Play what was sent, or say why not (False: it goes back to the composer)."""
        if not text:
            return True
        try:
            move = parse_move(text, self.scenario.language)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return False
        if isinstance(move, End) and not self._reading:
            self.call_next(self._end_confirmed, True)  # `/end` says it outright: no question; she stops at once
            return True
        if not isinstance(move, (Help, Hint)) and not self._can_move():
            return False  # the customer is still typing: what was typed stays in the composer
        limit = CHANNELS[self.game.session.where.channel].max_chars  # where the conversation is now
        if isinstance(move, Say) and limit and len(move.text) > limit:
            self.notify(tr(self.language, "chat.too_long", n=len(move.text), limit=limit), severity="warning")
            return False
        if isinstance(move, Act) and move.amount is None and self._asks_amount(move.action):
            return True
        return self.play(move)

    def play(self, move: Move) -> bool:
        """Carry out a move; False (and a notice) when the round refused it."""
        if isinstance(move, Help):
            webcare_app(self.app).action_help()
            return True
        if isinstance(move, Hint):
            self.action_hint()
            return True
        if self._reading:
            return self._can_move(reading=True)
        if self.game.reads_slowly(move):
            self._read_then_play(move)  # the model reads it off the UI thread; then the round plays it
            return True
        try:
            events = self.game.move(move)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return False
        self.view.show(events, hold_mood=self.game.session.cue is not None)
        self._her_turn()
        return True

    def _can_move(self, reading: bool = False) -> bool:
        session = self.game.session
        if reading or session.cue is not None:
            self.notify(tr(self.language, "chat.wait_for_her", name=self.scenario.customer.first_name))
            return False
        return not session.over

    @on(BackOffice.LookupChosen)
    def _lookup(self, event: BackOffice.LookupChosen) -> None:
        if self._can_move():
            self.play(Lookup(event.tool))

    @on(BackOffice.ActionChosen)
    def _action(self, event: BackOffice.ActionChosen) -> None:
        if self._can_move() and not self._asks_amount(event.action):
            self.play(Act(event.action))

    def _asks_amount(self, name: str) -> bool:
        """`/do NAME` without an amount, for an action with a limit: ask it in a dialog (True when it does)."""
        limited = limited_action(self.scenario.actions, name)
        if limited is None:
            return False
        action, limit = limited

        def chosen(amount: float | None) -> None:
            if amount is None:
                self.action_focus_composer()
            else:
                self.play(Act(action, amount))

        given = self.game.session.given.get(action, 0.0)
        self.app.push_screen(AmountDialog(self.scenario.actions[action].label, limit, given, self.language), chosen)
        return True

    def action_hint(self) -> None:
        """Practice mode: the next hint for this moment (counted on the scorecard). Test mode: none."""
        try:
            text = self.game.hint()
        except MoveError:  # test mode
            self.notify(tr(self.language, "chat.no_hints_test"), severity="warning")
            return
        if text is None:
            self.notify(tr(self.language, "chat.no_more_hints"))
            return
        self.view.hint(text)
        self.view.badge()
        tell(self, self.game, self.language)

    def action_end(self) -> None:
        """End the conversation, after asking; also while she is typing (her request is closed at once)."""
        if self.game.session.over:
            self._finish()
        elif not self._reading or self._can_move(reading=True):
            self.app.push_screen(ConfirmDialog(tr(self.language, "confirm.end"), self.language), self._end_confirmed)

    async def _end_confirmed(self, yes: bool | None) -> None:
        if yes and not self.game.session.over and not self._reading:
            if reply := await self.query_one(LiveLine).stop():  # she was typing: the script's line stands for it
                self.view.show(reply.settle(reply.give_up("the trainee ended the conversation")))
            self._over() if self.game.session.over else self.play(End())

    def action_quit_asking(self) -> None:
        """Quit, after asking mid-conversation; what is in the composer is kept with the session."""
        if self.game.session.over:
            self.app.exit()
            return
        key = "confirm.quit" if self.game.saved is not None else "confirm.quit_unsaved"
        self.app.push_screen(ConfirmDialog(tr(self.language, key), self.language), self._quit_confirmed)

    def _quit_confirmed(self, yes: bool | None) -> None:
        if not yes:
            return
        if self.game.saved is not None:
            self.game.saved.keep_draft(self.query_one(ChatComposer).text)
        self.app.exit()

    @on(BackOffice.Typed)
    def _typed_in_office(self, event: BackOffice.Typed) -> None:
        """Typing while the back office has the focus (after a look-up): the words go to the composer."""
        composer = self.query_one(ChatComposer)
        composer.focus_field()
        composer.insert_typed(event.text)

    def action_focus_office(self) -> None:
        self.query_one("#lookups").focus()

    def action_focus_composer(self) -> None:
        self.query_one(ChatComposer).focus_field()

    @work(exclusive=True, group="reading", exit_on_error=False)
    async def _read_then_play(self, move: Say) -> None:
        self._reading = True
        try:
            await asyncio.to_thread(self.game.read_ahead, move)
        finally:
            self._reading = False
        if not self.game.session.over:
            self.play(move)

    # -- her turn ----------------------------------------------------------------------------------

    def _her_turn(self, typed: bool = True) -> None:
        """Her answer, written by the live line (its `Written` comes back here); the end when she has none."""
        reply = self.game.reply()
        if reply is not None:
            name = self.scenario.customer.first_name
            self.query_one(LiveLine).write(reply, who=name, label=tr(self.language, "chat.typing", name=name),
                                           typed=typed, speed=self.typing_speed, timeout=self.customer_timeout)
            self.query_one(ResponseTimer).tick()
        elif self.game.session.over:
            self._over()

    @on(LiveLine.Written)
    def _written(self, event: LiveLine.Written) -> None:
        events = event.reply.settle(event.text)
        notice, fell_back = self.game.take_notices()
        if notice or fell_back:
            # Textual's log, not `logging`: it formats no arguments, so the f-string is its way.
            self.log.warning(f"the script stood in: {fell_back or notice}")  # noqa: G004 - see above
            self.notify(notice or tr(self.language, "chat.fallback"), severity="warning", timeout=6)
        if not events:  # the screen was rewound or ended meanwhile
            return
        self.view.show(events)
        self.view.her_reaction()
        if self.game.session.over:
            self._over()

    def _over(self) -> None:
        self.query_one(Transcript).system(tr(self.language, "chat.over"), style="bold")
        self.query_one(ResponseTimer).tick()
        self.action_focus_composer()

    def _finish(self) -> None:
        self.post_message(SessionFinished(self.game))
