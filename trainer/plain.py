"""Plain-text play: one line per move from any stream (a terminal, a pipe, a script)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from scoring import Scorecard, score
from scoring.report import render_text
from trainer.engine.channels import CHANNELS
from trainer.customers import Customer
from trainer.engine.clock import Clock, real_clock
from trainer.engine.intents import Recogniser
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
from trainer.engine.moves import Help, Hint, parse_move
from trainer.engine.start import StartAt
from trainer.errors import MoveError, TrainerError
from trainer.game import Game
from trainer.plain_texts import followers, plain_text
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill as _fill
from trainer.terminal import Shown

if TYPE_CHECKING:
    from trainer.llm.config import LLMSettings
    from trainer.saved import SavedGame  # the store (sqlite3) loads only when a session is kept

WIDTH = 78


def play_plain(
    scenario: Scenario,
    lines: Iterable[str],
    out: TextIO,
    *,
    seed: int = 0,
    clock: Clock = real_clock,
    echo: bool = True,
    mode: str = "practice",
    ready: Callable[[], object] | None = None,
    scorecard_json: Path | None = None,
    session_json: Path | None = None,
    keep: Callable[[Game], SavedGame | None] | None = None,
    resumed: tuple[Game, SavedGame] | None = None,
    judge: LLMSettings | None = None,
    customer: Customer | None = None,
    recogniser: Recogniser | None = None,
    start: StartAt | None = None,
) -> Scorecard:
    """Play until the conversation ends or input runs out; print and return the scorecard.

    `echo` repeats each trainee line in the transcript (for piped input, which a terminal
    has not shown already); `ready` waits until the trainee has read the briefing;
    `session_json` saves the session for `webcare score`. `keep` begins the game's record in
    the store (committed after every move, before it is shown); `resumed` goes on with a
    stopped game and its record. `judge` adds the LLM judge's second opinion to the scorecard.
    `customer` writes the customer's lines (default: the script); `recogniser` reads the trainee's intents
    (default: the scenario's patterns). `start` opens it part-way (`--from`).

    Everything is written through `Shown`: a control character in a scenario, a message, the customer's (or a
    model's) words or a scorecard's quote is shown as `\x1b`, never obeyed by the terminal.
    """
    out = Shown(out)
    view = PlainView(scenario, out)
    view.briefing()
    if ready is not None:
        ready()
    if resumed is not None:
        game, saved = resumed
        view.say(view.text("resumed", turn=game.session.turn))
        view.show(game.session.events)
    else:
        game = Game(scenario, seed=seed, clock=clock, mode=mode,  # the customer clock starts once the briefing is read
                    customer=customer, recogniser=recogniser, start=start)
        if start is not None:
            view.started(game)
        saved = _begin(keep, game, view)
        opening = game.opening()
        _save(saved, game, view)
        view.show(opening)
        view.notice(game)
    source = iter(lines)
    while not game.session.over:
        try:
            line = next(source)
        except StopIteration:
            line = "/end"
        except KeyboardInterrupt:
            out.write("\n")
            line = "/end"
        if not line.strip():
            continue
        try:
            move = parse_move(line)
            if isinstance(move, Help):
                view.help()
                continue
            if isinstance(move, Hint):
                text = game.session.hint()
                _save(saved, game, view)
                view.say(f"  💡 {text}" if text else "  " + view.text("no_more_hints"))
                continue
            events = game.play(move)
            _save(saved, game, view)  # committed before it is shown: what the customer saw is never lost
            view.show(events, echo=echo)
            view.notice(game)
        except MoveError as exc:
            view.say(f"! {exc}")
    card = score(game.session.events, scenario)
    if saved is not None:
        saved.finish(game, card.to_dict())  # the last turns too, if the database was away: said in one line
        _tell(saved, view)
    if judge is not None:
        card = _judged(card, game, scenario, judge, out)
    out.write(render_text(card))
    cost = getattr(game.customer, "cost_line", None)
    if cost is not None:  # a live customer: what the session asked of the model
        view.say(cost())
    if scorecard_json is not None:
        scorecard_json.write_text(json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
        view.say(view.text("scorecard_written", path=scorecard_json))
    if session_json is not None:
        from scoring.batch.sessionfile import session_dict, write_session

        try:
            write_session(session_json, session_dict(game.session.events, scenario=scenario.id,
                                                     language=scenario.language, title=scenario.title,
                                                     channel=scenario.channel, scorecard=card.to_dict()))
            view.say(view.text("session_written", path=session_json))
        except OSError as exc:
            view.say(view.text("session_not_written", path=session_json, problem=exc.strerror or exc))
    out.flush()
    return card


def _begin(keep: Callable[[Game], SavedGame | None] | None, game: Game, view: PlainView) -> SavedGame | None:
    """The game's record in the store; None, said in one line, when it can't be begun (a full or read-only disk)."""
    if keep is None:
        return None
    try:
        saved = keep(game)
    except TrainerError as exc:  # the store's StoreError (imported lazily: sqlite3 loads only when keeping)
        view.say(view.text("not_saving", problem=exc))
        return None
    if saved is not None:  # begun, but its first save failed, or the database is away for now
        _tell(saved, view)
    return saved


def _save(saved: SavedGame | None, game: Game, view: PlainView) -> None:
    if saved is not None:
        saved.save(game)
        _tell(saved, view)


def _tell(saved: SavedGame, view: PlainView) -> None:
    """One line when saving stops, pauses (the database is away: turns kept) or catches up."""
    while news := saved.take_news():
        key = "not_saving" if news.key == "not_saving" else f"store_{news.key}"
        view.say(view.text(key, problem=news.reason, reason=news.reason, turns=news.turns))


def _judged(card: Scorecard, game: Game, scenario: Scenario, settings: LLMSettings, out: TextIO) -> Scorecard:
    """The scorecard with the LLM judge's opinion beside it (or a note why there is none)."""
    from scoring.judge import judged
    from scoring.judgement import text

    out.write("\n" + text(scenario.language, "asking", what=settings.describe()) + "\n")
    out.flush()
    return judged(card, game.session.events, scenario, settings=settings)


class PlainView:
    """Prints a session's events as a readable conversation, in the scenario's language."""

    def __init__(self, scenario: Scenario, out: TextIO) -> None:
        self.s = scenario
        self.out = out
        self.channel = CHANNELS[scenario.channel]
        self._mood: MoodChanged | None = None

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def text(self, key: str, **values: object) -> str:
        """What plain play says around the conversation (`trainer.plain_texts`), in the scenario's language."""
        return plain_text(self.s.language, key, **values)

    def started(self, game: Game) -> None:
        """One line saying where a session started part-way (`--from`) opens."""
        s = game.session
        known = ", ".join(s.start.facts) if s.start and s.start.facts else "-"
        self.say(self.text("started", state=s.state, mood=s.mood, facts=known))

    def notice(self, game: Game) -> None:
        """One line when a live customer's model failed and the scripted line stood in."""
        take = getattr(game.customer, "take_notice", None)
        notice = take() if take is not None else None
        if notice:
            self.say(f"  ({notice})")

    def briefing(self) -> None:
        s, c = self.s, self.s.customer
        values = s.placeholders()
        self.say("═" * WIDTH)
        where = f"{self.text(f'channel.{s.channel}')}, {self.text(f'audience.{s.audience}')}"
        self.say(f"{s.title}  ·  {where}  ·  {self.text(f'difficulty.{s.difficulty}')}  ·  {s.language}")
        self.say("═" * WIDTH)
        for para in _fill(s.briefing, values).strip().split("\n\n"):
            self.say(textwrap.fill(" ".join(para.split()), WIDTH))
            self.say()
        self.say(self.text("customer", name=c.name, handle=c.handle, followers=followers(s.language, c.followers)))
        if s.mandate:
            self.say(self.text("mandate"))
            for item in s.mandate:
                self.say(textwrap.fill(_fill(item, values), WIDTH, initial_indent="  • ", subsequent_indent="    "))
        self.help(short=True)
        self.say("─" * WIDTH)

    def help(self, short: bool = False) -> None:
        if not short:
            self.say(self.text("usage"))
        amount = self.text("amount")
        self.say(self.text("lookups") + ", ".join(f"/lookup {n}" for n in self.s.lookups))
        self.say(self.text("actions") + ", ".join(
            f"/do {n}" + (f" {amount} (≤ {a.limit:g})" if a.limit else "") for n, a in self.s.actions.items()
        ))
        if short:
            self.say(self.text("start", name=self.s.customer.first_name))

    def show(self, events: list[Event], echo: bool = False) -> None:
        for e in events:
            if isinstance(e, TraineeMessage):
                if echo:
                    self.say(f"{self.text('you')} {e.text}")
                self._length(e.text)
            elif isinstance(e, MoodChanged):
                self._mood = e
            elif isinstance(e, LookedUp):
                self._panel(f"{self.s.lookups[e.tool].label}", e.result, e.ok)
            elif isinstance(e, ActionTaken):
                label = self.s.actions[e.action].label + (f" · {e.amount:g}" if e.amount is not None else "")
                self._panel(label, e.result, e.ok)
            elif isinstance(e, FactRevealed):
                noted = self.text("noted", fact=self.s.facts[e.fact].is_)
                self.say(textwrap.fill(f"  {noted}", WIDTH, subsequent_indent="    "))
            elif isinstance(e, CustomerMessage):
                self._customer(e)
            elif isinstance(e, SessionEnded):
                self.say(self.text("ended", summary=e.summary))

    def _customer(self, e: CustomerMessage) -> None:
        c = self.s.customer
        who = f"{c.handle}" if self.s.channel in ("twitter", "dm") else c.name
        self.say()
        self.say(textwrap.fill(e.text, WIDTH, initial_indent=f"{who}: ", subsequent_indent="    "))
        self.say(f"    [{_meter(e.mood)} {self.text('meter', mood=e.mood, patience=self._patience())}]")
        self.say()

    def _patience(self) -> str:
        left = self._mood.patience if self._mood else self.s.customer.patience
        return f"{left}/{self.s.customer.patience}"

    def _panel(self, title: str, body: str, ok: bool) -> None:
        self.say(f"  ┌─ {title}{'' if ok else self.text('refused')}")
        for line in body.strip().splitlines():
            for part in textwrap.wrap(line, WIDTH - 4) or [""]:
                self.say(f"  │ {part}")
        self.say("  └─")

    def _length(self, text: str) -> None:
        limit = self.channel.max_chars
        if limit and len(text) > limit:
            parts = -(-len(text) // limit)
            self.say("  " + self.text("thread", n=len(text), parts=parts))


def _meter(mood: int) -> str:
    return "▮" * round(mood / 10) + "▯" * (10 - round(mood / 10))

