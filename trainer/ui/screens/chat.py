"""The conversation: the customer's messages as on the channel, your composer, the back office beside it."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label

from trainer.customers import ScriptedCustomer
from trainer.engine.channels import CHANNELS
from trainer.engine.events import (
    ActionTaken,
    CustomerMessage,
    Event,
    FactRevealed,
    HintShown,
    LookedUp,
    MoodChanged,
    SessionEnded,
    TraineeMessage,
)
from trainer.engine.moves import Act, End, Help, Hint, Lookup, Move, Say, parse_move
from trainer.engine.session import Cue, money
from trainer.errors import MoveError
from trainer.game import Game
from trainer.saved import SavedGame
from trainer.ui.i18n import tr
from trainer.ui.messages import SessionFinished
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.amount_dialog import AmountDialog
from trainer.ui.widgets.back_office import BackOffice
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.chat_timer import ResponseTimer
from trainer.ui.widgets.live_line import LiveLine
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript, channel_line

CHUNK_WORDS = 2
FRAME = 1 / 60
"""A streamed line is shown at most once per frame, however fast the model sends its pieces."""


def typing_delay(text: str) -> float:
    """Seconds a person takes to type a line: a moment to start, then by length, capped for play."""
    return min(5.0, 0.8 + len(text) * 0.02)


class ChatScreen(Screen):
    """Drives one `Game`: trainee moves go to the engine; the customer's reply is written in a worker, so a slow
    or failing customer never blocks the screen."""

    KEYS = (  # keys, action, footer text (i18n key; "" hides it), priority (ahead of the composer's keys)
        ("f2", "hint", "key.hint", False),
        ("ctrl+b", "focus_office", "key.office", False),
        ("ctrl+e", "end", "key.end", True),
        ("escape,ctrl+o", "focus_composer", "", False),
    )

    customer_timeout: float = 60.0
    """Seconds to wait for the customer's words before the scripted line is used instead."""

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

    @dataclass
    class CustomerNotice(Message):
        """A live customer's model failed and the scripted line stood in: one line to say so."""

        text: str

    def __init__(self, game: Game, language: str, typing_speed: float = 1.0,
                 rewound_from: Game | None = None, saved: SavedGame | None = None) -> None:
        super().__init__()
        self.saved = saved
        """Its record in the store: every batch of events is committed as it is shown."""
        for keys, action, text, priority in self.KEYS:  # footer text in the interface's language
            self._bindings.bind(keys, action, tr(language, text) if text else "", show=bool(text), priority=priority)
        self.game = game
        self.scenario = game.session.scenario
        self.language = language
        self.typing_speed = typing_speed
        self.rewound_from = rewound_from
        self.channel = CHANNELS[self.scenario.channel]
        self._fallback = ScriptedCustomer(self.scenario, game.session.seed)
        self._her_last_at: float | None = None
        """Game time of the customer's last line: the response timer counts from it, as the engine does."""
        self._held_mood: MoodChanged | None = None
        """The customer's reaction to your move, shown on the meter once they answer."""
        self._hints = 0
        self._reading = False
        """A model is reading the trainee's message (`--llm-intents`): the customer's move waits for it."""
        self.frames = 0
        """Streamed updates shown (at most one per frame)."""

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        s, t = self.scenario, self.language
        with Horizontal(id="chat-top"):
            yield Label(verbatim(channel_line(s, t)), id="channel-bar")
            yield Label("", id="mode-badge")
        with Horizontal(id="chat-status"):
            yield MoodMeter(t, s.customer.patience, id="mood")
            yield ResponseTimer(t, self.channel.reply_within, self.waited, name=s.customer.first_name, id="timer")
        with Horizontal(id="chat-body"):
            with Vertical(id="conversation", classes=f"-{s.channel}"):
                yield Transcript(s, t, id="transcript")
                yield LiveLine(id="live")
                yield ChatComposer(s, t, id="composer-box")
            yield BackOffice(s, t, id="back-office")
        yield Footer()

    def on_mount(self) -> None:
        session = self.game.session
        self.query_one(MoodMeter).set(session.mood, session.patience)
        self._show(session.events)  # a rewound game arrives with its history
        if session.cue is not None:
            self.write_reply(session.cue, typing=False)  # the customer's opening: posted before you arrived
        self._update_badge()
        self.action_focus_composer()

    # -- trainee moves -----------------------------------------------------------------------

    @on(ChatComposer.Sent)
    def _sent(self, event: ChatComposer.Sent) -> None:
        session, composer = self.game.session, self.query_one(ChatComposer)
        if session.over:
            self._finish()
            return
        text = event.text.strip()
        if not text:
            return
        try:
            move = parse_move(text)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return
        if session.cue is not None and not isinstance(move, (Help, Hint)):
            self.notify(tr(self.language, "chat.wait_for_her", name=self.scenario.customer.first_name))
            return  # the customer is still typing: what was typed stays in the composer
        limit = self.channel.max_chars
        if isinstance(move, Say) and limit and len(move.text) > limit:
            self.notify(tr(self.language, "chat.too_long", n=len(move.text), limit=limit), severity="warning")
            return
        limited = self._limited(move.action) if isinstance(move, Act) and move.amount is None else None
        if limited:  # `/do refund` without an amount: ask it in the dialog
            composer.clear()
            self._choose_action(limited)
            return
        if self.play(move):
            composer.clear()

    def play(self, move: Move) -> bool:
        """Carry out a move; False (and a notice) when the game refused it."""
        if isinstance(move, Help):
            self.app.action_help()
            return True
        if isinstance(move, Hint):
            self.action_hint()
            return True
        if self._reading:
            self.notify(tr(self.language, "chat.wait_for_her", name=self.scenario.customer.first_name))
            return False
        recogniser = self.game.recogniser
        if isinstance(move, Say) and hasattr(recogniser, "prepare") and not recogniser.ready(move.text):
            self._read_then_play(move)  # the model reads it off the UI thread; then the engine plays it
            return True
        session = self.game.session
        try:
            events = session.play(move)
        except MoveError as exc:
            self.notify(str(exc), severity="error")
            return False
        self._show(events, hold_mood=session.cue is not None)
        if session.cue is not None:
            self.write_reply(session.cue)  # the composer stays open: typing ahead is never lost
        elif session.over:
            self._over()
        return True

    def _can_move(self) -> bool:
        session = self.game.session
        if session.cue is not None:
            self.notify(tr(self.language, "chat.wait_for_her", name=self.scenario.customer.first_name))
        return session.cue is None and not session.over

    @on(BackOffice.LookupChosen)
    def _lookup(self, event: BackOffice.LookupChosen) -> None:
        if self._can_move():
            self.play(Lookup(event.tool))

    @on(BackOffice.ActionChosen)
    def _action(self, event: BackOffice.ActionChosen) -> None:
        if self._can_move():
            self._choose_action(event.action)

    def _limited(self, name: str) -> str | None:
        """The action `/do NAME` means (a unique prefix will do), when it asks for an amount."""
        actions = self.scenario.actions
        names = [name] if name in actions else [n for n in actions if n.startswith(name)]
        if len(names) == 1 and actions[names[0]].limit is not None:
            return names[0]
        return None

    def _choose_action(self, name: str) -> None:
        action = self.scenario.actions.get(name)
        if action is None or action.limit is None:  # no amount needed, or let the engine say "did you mean"
            self.play(Act(name))
            return
        given = self.game.session.given.get(name, 0.0)

        def chosen(amount: float | None) -> None:
            if amount is not None:
                self.play(Act(name, amount))
            else:
                self.action_focus_composer()

        self.app.push_screen(AmountDialog(action.label, action.limit, given, self.language), chosen)

    def action_hint(self) -> None:
        """Practice mode: the next hint for this moment (counted on the scorecard). Test mode: none."""
        if self.game.session.mode != "practice":
            self.notify(tr(self.language, "chat.no_hints_test"), severity="warning")
            return
        try:
            text = self.game.session.hint()
        except MoveError as exc:
            self.notify(str(exc), severity="warning")
            return
        if text is None:
            self.notify(tr(self.language, "chat.no_more_hints"))
            return
        self._show_hint(text)
        self._update_badge()
        self._save()

    def action_end(self) -> None:
        session = self.game.session
        if session.over:
            self._finish()
        elif self._can_move():
            self.play(End())

    def action_focus_office(self) -> None:
        self.query_one("#lookups").focus()

    def action_focus_composer(self) -> None:
        self.query_one(ChatComposer).focus_field()

    @work(exclusive=True, group="reading", exit_on_error=False)
    async def _read_then_play(self, move: Say) -> None:
        self._reading = True
        try:
            await asyncio.to_thread(self.game.recogniser.prepare, move.text)
        finally:
            self._reading = False
        if not self.game.session.over:
            self.play(move)

    # -- the customer's reply, written in a worker -------------------------------------------

    @work(exclusive=True, group="customer", exit_on_error=False)
    async def write_reply(self, cue: Cue, typing: bool = True) -> None:
        """The customer's words for `cue`, posted as Started / Chunk… / Complete, or Failed."""
        if typing:
            self.post_message(self.CustomerStarted(
                tr(self.language, "chat.typing", name=self.scenario.customer.first_name)))
        if hasattr(self.game.customer, "stream"):
            if not typing:  # the opening, written live: show that the customer is writing it
                self.post_message(self.CustomerStarted(
                    tr(self.language, "chat.typing", name=self.scenario.customer.first_name)))
            await self._stream_reply(cue)
            return
        try:  # in a thread: a customer that blocks (a network call) can't freeze the screen
            text = await asyncio.wait_for(asyncio.to_thread(self.game.customer.write, cue), self.customer_timeout)
        except Exception as exc:  # noqa: BLE001 - whatever the customer did, the scripted line stands in
            self.post_message(self.CustomerFailed(f"{type(exc).__name__}: {exc}"))
            return
        delay = typing_delay(text) * self.typing_speed if typing else 0.0
        if delay:
            await asyncio.sleep(delay * 0.6)
        words = text.split(" ")
        chunks = [" ".join(words[i : i + CHUNK_WORDS]) + " " for i in range(0, len(words), CHUNK_WORDS)]
        pause = delay * 0.4 / len(chunks)
        for chunk in chunks:
            self.post_message(self.CustomerChunk(chunk))
            if pause:
                await asyncio.sleep(pause)
        self.post_message(self.CustomerComplete(text))

    async def _stream_reply(self, cue: Cue) -> None:
        """A live customer: their words as the model writes them, gathered and shown once per frame."""
        customer = self.game.customer
        pending: list[str] = []
        lock = threading.Lock()

        def pump() -> None:
            for piece in customer.stream(cue):
                with lock:
                    pending.append(piece)

        def flush() -> None:
            with lock:
                text = "".join(pending)
                pending.clear()
            if text:
                self.frames += 1
                self.post_message(self.CustomerChunk(text))

        task = asyncio.ensure_future(asyncio.to_thread(pump))
        try:
            while not task.done():
                await asyncio.wait({task}, timeout=FRAME)
                flush()
            task.result()
        except Exception as exc:  # noqa: BLE001 - the customer falls back by itself; this is a last resort
            self.post_message(self.CustomerFailed(f"{type(exc).__name__}: {exc}"))
            return
        line = getattr(customer, "last", None)
        notice = customer.take_notice() if hasattr(customer, "take_notice") else None
        if notice:
            self.post_message(self.CustomerNotice(notice))
        self.post_message(self.CustomerComplete(line.text if line is not None else "…"))

    @on(CustomerNotice)
    def _notice(self, event: CustomerNotice) -> None:
        self.notify(event.text, severity="warning", timeout=6)

    @on(CustomerStarted)
    def _started(self, event: CustomerStarted) -> None:
        self.query_one(LiveLine).typing(self.scenario.customer.first_name, event.label)
        self.query_one(ResponseTimer).tick()

    @on(CustomerChunk)
    def _chunk(self, event: CustomerChunk) -> None:
        self.query_one(LiveLine).append(event.text)

    @on(CustomerComplete)
    def _complete(self, event: CustomerComplete) -> None:
        self.query_one(LiveLine).clear()
        self._customer_done(event.text)

    @on(CustomerFailed)
    def _failed(self, event: CustomerFailed) -> None:
        self.query_one(LiveLine).clear()
        self.log.warning(f"customer failed: {event.error}")
        self.notify(tr(self.language, "chat.fallback"), severity="warning")
        cue = self.game.session.cue
        self._customer_done(self._fallback.write(cue) if cue is not None else "…")

    def _customer_done(self, text: str) -> None:
        if self.game.session.cue is None:  # the screen was rewound or ended meanwhile
            return
        self._show(self.game.session.customer_wrote(text))
        if self._held_mood is not None:
            self._show_mood(self._held_mood)
            self._held_mood = None
        if self.game.session.over:
            self._over()

    # -- showing events ----------------------------------------------------------------------

    def _show(self, events: list[Event], hold_mood: bool = False) -> None:
        transcript = self.query_one(Transcript)
        office = self.query_one(BackOffice)
        s = self.scenario
        for e in events:
            if isinstance(e, TraineeMessage):
                transcript.trainee(e.text, e.turn, e.at)
            elif isinstance(e, CustomerMessage):
                transcript.customer(e.text, e.turn, e.at)
                self._her_last_at = e.at
            elif isinstance(e, LookedUp):
                label = s.lookups[e.tool].label
                office.show_result(label, e.result, e.ok, e.turn, mark="⌕")
                transcript.record(label, "" if e.ok else e.result, e.ok, e.turn, mark="⌕")
            elif isinstance(e, ActionTaken):
                label = s.actions[e.action].label + (f" · {money(e.amount)}" if e.amount is not None else "")
                office.show_result(label, e.result, e.ok, e.turn, mark="✓")
                transcript.record(label, "" if e.ok else e.result, e.ok, e.turn, mark="✓")
            elif isinstance(e, FactRevealed):
                office.note(s.facts[e.fact].is_)
            elif isinstance(e, HintShown):
                self._show_hint(e.text, e.turn)
            elif isinstance(e, MoodChanged):
                if hold_mood:
                    self._held_mood = e
                else:
                    self._show_mood(e)
            elif isinstance(e, SessionEnded):
                transcript.system(f"— {e.summary}", e.turn, style="bold")
        session = self.game.session
        looked_up = {e.tool for e in session.events if isinstance(e, LookedUp) and e.ok}
        office.refresh_state(looked_up, session.given, session.done)
        self.query_one(ResponseTimer).tick()
        self._save()

    def _save(self) -> None:
        """Commit what is new to the store; if saving fails or pauses, say so once and play on."""
        from trainer.ui.store_news import tell

        if self.saved is None:
            return
        self.saved.save(self.game)
        tell(self, self.saved, self.language)

    def _show_mood(self, event: MoodChanged) -> None:
        self.query_one(MoodMeter).set(event.mood, event.patience, event.mood_delta)

    def _show_hint(self, text: str, turn: int | None = None) -> None:
        self._hints += 1
        self.query_one(Transcript).hint(tr(self.language, "chat.hint_title", n=self._hints), text, turn)

    def _update_badge(self) -> None:
        session = self.game.session
        badge = self.query_one("#mode-badge", Label)
        if session.mode == "practice":
            n = sum(isinstance(e, HintShown) for e in session.events)
            badge.update(tr(self.language, "chat.mode_practice", n=n))
        else:
            badge.update(tr(self.language, "chat.mode_test"))
        badge.set_class(session.mode == "test", "-test")

    def waited(self) -> float | None:
        """Seconds the customer has waited for you since their last line; None while they type or when it is over."""
        session = self.game.session
        if session.over or session.cue is not None or self._her_last_at is None:
            return None
        return max(0.0, session.now() - self._her_last_at)

    def _over(self) -> None:
        self.query_one(Transcript).system(tr(self.language, "chat.over"), style="bold")
        self.query_one(ResponseTimer).tick()
        self.action_focus_composer()

    def _finish(self) -> None:
        self.post_message(SessionFinished(self.game, self.rewound_from, self.saved))
