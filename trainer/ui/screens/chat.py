"""The conversation: her messages as on the channel, your composer, the back office beside it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label

from trainer.engine.channels import CHANNELS
from trainer.engine.events import (
    ActionTaken,
    CustomerMessage,
    Event,
    FactRevealed,
    LookedUp,
    MoodChanged,
    SessionEnded,
    TraineeMessage,
)
from trainer.engine.moves import Act, End, Help, Hint, Lookup, Move, Say, parse_move
from trainer.engine.session import Cue
from trainer.errors import MoveError
from trainer.game import Game
from trainer.ui.i18n import tr
from trainer.ui.messages import SessionFinished
from trainer.ui.widgets.amount_dialog import AmountDialog
from trainer.ui.widgets.back_office import BackOffice
from trainer.ui.widgets.live_line import LiveLine
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript, channel_line

CHUNK_WORDS = 2


def typing_delay(text: str) -> float:
    """Seconds a person takes to type a line: a little to start, then by length, capped."""
    return min(4.0, 0.8 + len(text) * 0.015)


class ChatScreen(Screen):
    """Drives one `Game`: trainee moves go to the engine; her reply is written in a worker."""

    BINDINGS = [
        Binding("f2", "hint", "Hint"),
        Binding("ctrl+b", "focus_office", "Back office"),
        Binding("ctrl+o", "focus_composer", "Chat", show=False),
        Binding("ctrl+e", "end", "End"),
        Binding("escape", "focus_composer", show=False),
    ]

    @dataclass
    class CustomerStarted(Message):
        label: str

    @dataclass
    class CustomerChunk(Message):
        text: str

    @dataclass
    class CustomerComplete(Message):
        text: str

    @dataclass
    class CustomerFailed(Message):
        error: str

    def __init__(self, game: Game, language: str, typing_speed: float = 1.0,
                 rewound_from: Game | None = None) -> None:
        super().__init__()
        self.game = game
        self.scenario = game.session.scenario
        self.language = language
        self.typing_speed = typing_speed
        self.rewound_from = rewound_from
        self.channel = CHANNELS[self.scenario.channel]
        self._waiting_since: float | None = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s = self.scenario
        yield Label(f"{s.title}  ·  {channel_line(s, self.language)}", id="channel-bar")
        yield MoodMeter(self.language, s.customer.patience, self.channel.reply_within, id="mood")
        with Horizontal(id="chat-body"):
            with Vertical(id="conversation"):
                yield Transcript(s, self.language, id="transcript")
                yield LiveLine(id="live")
                with Horizontal(id="composer-row"):
                    yield Input(placeholder=tr(self.language, "chat.placeholder"), id="composer")
                    yield Label("", id="counter")
            yield BackOffice(s, self.language, id="back-office")
        yield Footer()

    def on_mount(self) -> None:
        meter = self.query_one(MoodMeter)
        meter.mood, meter.patience = self.game.session.mood, self.game.session.patience
        self._show(self.game.session.events)  # a rewound game arrives with its history
        if self.game.session.cue is not None:
            cue = self.game.session.cue
            self._customer_done(self.game.customer.write(cue))  # her opening is already posted
        self._update_counter("")
        self.set_interval(1.0, self._tick)
        self.query_one("#composer", Input).focus()

    # -- trainee moves -----------------------------------------------------------------------

    @on(Input.Changed, "#composer")
    def _typed(self, event: Input.Changed) -> None:
        self._update_counter(event.value)

    @on(Input.Submitted, "#composer")
    def _submit(self, event: Input.Submitted) -> None:
        if self.game.session.over:
            self._finish()
            return
        text = event.value.strip()
        if not text or self.game.session.cue is not None:
            return
        try:
            move = parse_move(text)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return
        if isinstance(move, Say) and self.channel.max_chars and len(move.text) > self.channel.max_chars:
            self.notify(tr(self.language, "chat.too_long", n=len(move.text), limit=self.channel.max_chars),
                        severity="warning")
            return
        if isinstance(move, Act) and move.amount is None:
            event.input.value = ""
            self._choose_action(move.action)
            return
        if self.play(move):
            event.input.value = ""

    def play(self, move: Move) -> bool:
        """Carry out a move; False (and a notice) when the game refused it."""
        if isinstance(move, Help):
            self.app.action_help()
            return True
        if isinstance(move, Hint):
            self.action_hint()
            return True
        try:
            events = self.game.session.play(move)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return False
        self._show(events)
        cue = self.game.session.cue
        if cue is not None:
            self.write_reply(cue)  # the composer stays open: typing ahead is never lost
        elif self.game.session.over:
            self._over()
        return True

    @on(BackOffice.LookupChosen)
    def _lookup(self, event: BackOffice.LookupChosen) -> None:
        if self.game.session.cue is None and not self.game.session.over:
            self.play(Lookup(event.tool))

    @on(BackOffice.ActionChosen)
    def _action(self, event: BackOffice.ActionChosen) -> None:
        if self.game.session.cue is None and not self.game.session.over:
            self._choose_action(event.action)

    def _choose_action(self, name: str) -> None:
        actions = self.scenario.actions
        if name not in actions:  # let the engine say "did you mean"
            self.play(Act(name))
            return
        action = actions[name]
        if action.limit is None:
            self.play(Act(name))
            return
        left = action.limit - self.game.session.given.get(name, 0.0)

        def chosen(amount: float | None) -> None:
            if amount is not None:
                self.play(Act(name, amount))
            self.action_focus_composer()

        self.app.push_screen(AmountDialog(action.label, left, self.language), chosen)

    def action_hint(self) -> None:
        try:
            text = self.game.session.hint()
        except MoveError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.notify(text or tr(self.language, "chat.no_more_hints"), title=tr(self.language, "chat.hint_title"),
                    timeout=12)

    def action_end(self) -> None:
        if self.game.session.over:
            self._finish()
        elif self.game.session.cue is None:
            self.play(End())

    def action_focus_office(self) -> None:
        self.query_one("#lookups").focus()

    def action_focus_composer(self) -> None:
        self.query_one("#composer", Input).focus()

    # -- her reply, written in a worker ------------------------------------------------------

    @work(exclusive=True, group="customer", exit_on_error=False)
    async def write_reply(self, cue: Cue) -> None:
        name = self.scenario.customer.first_name
        self.post_message(self.CustomerStarted(tr(self.language, "chat.typing", name=name)))
        try:
            text = self.game.customer.write(cue)
        except Exception as exc:  # noqa: BLE001 - any customer failure falls back, never ends the game
            self.post_message(self.CustomerFailed(str(exc)))
            return
        delay = typing_delay(text) * self.typing_speed
        await asyncio.sleep(delay * 0.6)
        words = text.split(" ")
        pause = delay * 0.4 / max(1, len(words) / CHUNK_WORDS)
        for i in range(0, len(words), CHUNK_WORDS):
            self.post_message(self.CustomerChunk(" ".join(words[i : i + CHUNK_WORDS]) + " "))
            if pause:
                await asyncio.sleep(pause)
        self.post_message(self.CustomerComplete(text))

    @on(CustomerStarted)
    def _started(self, event: CustomerStarted) -> None:
        self.query_one(LiveLine).typing(event.label)

    @on(CustomerChunk)
    def _chunk(self, event: CustomerChunk) -> None:
        live = self.query_one(LiveLine)
        if live._text == "":
            live.update("")
        live.append(event.text)

    @on(CustomerComplete)
    def _complete(self, event: CustomerComplete) -> None:
        self.query_one(LiveLine).clear()
        self._customer_done(event.text)

    @on(CustomerFailed)
    def _failed(self, event: CustomerFailed) -> None:
        self.query_one(LiveLine).clear()
        self.notify(tr(self.language, "chat.fallback"), severity="warning")
        cue = self.game.session.cue
        self._customer_done(cue.lines[0] if cue and cue.lines else "…")

    def _customer_done(self, text: str) -> None:
        self._show(self.game.session.customer_wrote(text))
        if self.game.session.over:
            self._over()

    # -- showing events ----------------------------------------------------------------------

    def _show(self, events: list[Event]) -> None:
        transcript = self.query_one(Transcript)
        office = self.query_one(BackOffice)
        meter = self.query_one(MoodMeter)
        s = self.scenario
        for e in events:
            if isinstance(e, TraineeMessage):
                transcript.trainee(e.text, e.turn)
            elif isinstance(e, CustomerMessage):
                transcript.customer(e.text, e.turn)
                self._waiting_since = self.game.session.clock()
            elif isinstance(e, LookedUp):
                transcript.record(s.lookups[e.tool].label, e.result, e.ok, e.turn)
            elif isinstance(e, ActionTaken):
                amount = f" · {e.amount:g}" if e.amount is not None else ""
                transcript.record(s.actions[e.action].label + amount, e.result, e.ok, e.turn)
            elif isinstance(e, FactRevealed):
                office.note(s.facts[e.fact].is_)
            elif isinstance(e, MoodChanged):
                meter.mood, meter.patience = e.mood, e.patience
            elif isinstance(e, SessionEnded):
                transcript.system(f"— {e.summary}", e.turn, style="bold")
        office.refresh_limits(self.game.session.given, self.game.session.done)

    def _update_counter(self, text: str) -> None:
        limit = self.channel.max_chars
        counter = self.query_one("#counter", Label)
        if limit and limit < 1000:
            counter.update(f"{len(text)}/{limit}")
            counter.set_class(len(text) > limit, "-over")
        else:
            counter.update(f"{len(text)}")

    def _tick(self) -> None:
        meter = self.query_one(MoodMeter)
        if self._waiting_since is None or self.game.session.over or self.game.session.cue is not None:
            meter.waited = 0.0
        else:
            meter.waited = self.game.session.clock() - self._waiting_since

    def _over(self) -> None:
        self._waiting_since = None
        self.query_one(Transcript).system(tr(self.language, "chat.over"), style="bold")
        self.action_focus_composer()

    def _finish(self) -> None:
        self.post_message(SessionFinished(self.game, self.rewound_from))
