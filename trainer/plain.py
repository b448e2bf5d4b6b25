"""Plain-text play: one line per move from any stream (a terminal, a pipe, a script)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from scoring import Scorecard, score
from scoring.report import render_text
from trainer.engine.channels import CHANNELS
from trainer.engine.clock import Clock, real_clock
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
from trainer.engine.moves import USAGE, Help, Hint, parse_move
from trainer.errors import MoveError
from trainer.game import Game
from trainer.saved import SavedGame
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill as _fill

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
) -> Scorecard:
    """Play until the conversation ends or input runs out; print and return the scorecard.

    `echo` repeats each trainee line in the transcript (for piped input, which a terminal
    has not shown already); `ready` waits until the trainee has read the briefing;
    `session_json` saves the session for `webcare score`. `keep` begins the game's record in
    the store (committed after every move, before it is shown); `resumed` goes on with a
    stopped game and its record.
    """
    view = PlainView(scenario, out)
    view.briefing()
    if ready is not None:
        ready()
    if resumed is not None:
        game, saved = resumed
        view.say(f"(Resumed at turn {game.session.turn}: the conversation so far.)")
        view.show(game.session.events)
    else:
        game = Game(scenario, seed=seed, clock=clock, mode=mode)  # her clock starts once the briefing is read
        saved = keep(game) if keep else None
        opening = game.opening()
        _save(saved, game, view)
        view.show(opening)
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
                view.say(f"  💡 {text}" if text else "  (no more hints for this moment)")
                continue
            events = game.play(move)
            _save(saved, game, view)  # committed before it is shown: what she saw is never lost
            view.show(events, echo=echo)
        except MoveError as exc:
            view.say(f"! {exc}")
    card = score(game.session.events, scenario)
    if saved is not None:
        saved.finish(game, card.to_dict())
    out.write(render_text(card))
    if scorecard_json is not None:
        scorecard_json.write_text(json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
        out.write(f"Scorecard written to {scorecard_json}\n")
    if session_json is not None:
        from scoring.batch.sessionfile import session_dict, write_session

        try:
            write_session(session_json, session_dict(game.session.events, scenario=scenario.id,
                                                     language=scenario.language, title=scenario.title,
                                                     channel=scenario.channel, scorecard=card.to_dict()))
            out.write(f"Session written to {session_json}\n")
        except OSError as exc:
            out.write(f"! The session could not be written to {session_json}: {exc.strerror or exc}\n")
    out.flush()
    return card


def _save(saved: SavedGame | None, game: Game, view: PlainView) -> None:
    if saved is None or saved.problem:
        return
    saved.save(game)
    if saved.problem:
        view.say(f"! Sessions are not being saved: {saved.problem}")


class PlainView:
    """Prints a session's events as a readable conversation."""

    def __init__(self, scenario: Scenario, out: TextIO) -> None:
        self.s = scenario
        self.out = out
        self.channel = CHANNELS[scenario.channel]
        self._mood: MoodChanged | None = None

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def briefing(self) -> None:
        s, c = self.s, self.s.customer
        values = s.placeholders()
        self.say("═" * WIDTH)
        self.say(f"{s.title}  ·  {self.channel.label}, {s.audience}  ·  {s.difficulty}  ·  {s.language}")
        self.say("═" * WIDTH)
        for para in _fill(s.briefing, values).strip().split("\n\n"):
            self.say(textwrap.fill(" ".join(para.split()), WIDTH))
            self.say()
        self.say(f"Customer: {c.name} ({c.handle}, {c.followers:,} followers)")
        if s.mandate:
            self.say("You may:")
            for item in s.mandate:
                self.say(textwrap.fill(_fill(item, values), WIDTH, initial_indent="  • ", subsequent_indent="    "))
        self.help(short=True)
        self.say("─" * WIDTH)

    def help(self, short: bool = False) -> None:
        if not short:
            self.say(USAGE)
        self.say("Back office: " + ", ".join(f"/lookup {n}" for n in self.s.lookups))
        self.say("Actions:     " + ", ".join(
            f"/do {n}" + (f" AMOUNT (≤ {a.limit:g})" if a.limit else "") for n, a in self.s.actions.items()
        ))
        if short:
            self.say("Type a message to answer her; /help for all moves; /end to finish.")

    def show(self, events: list[Event], echo: bool = False) -> None:
        for e in events:
            if isinstance(e, TraineeMessage):
                if echo:
                    self.say(f"you> {e.text}")
                self._length(e.text)
            elif isinstance(e, MoodChanged):
                self._mood = e
            elif isinstance(e, LookedUp):
                self._panel(f"{self.s.lookups[e.tool].label}", e.result, e.ok)
            elif isinstance(e, ActionTaken):
                label = self.s.actions[e.action].label + (f" · {e.amount:g}" if e.amount is not None else "")
                self._panel(label, e.result, e.ok)
            elif isinstance(e, FactRevealed):
                self.say(textwrap.fill(f"  ✎ noted: {self.s.facts[e.fact].is_}", WIDTH, subsequent_indent="    "))
            elif isinstance(e, CustomerMessage):
                self._customer(e)
            elif isinstance(e, SessionEnded):
                self.say(f"── The conversation ended: {e.summary}")

    def _customer(self, e: CustomerMessage) -> None:
        c = self.s.customer
        who = f"{c.handle}" if self.s.channel in ("twitter", "dm") else c.name
        self.say()
        self.say(textwrap.fill(e.text, WIDTH, initial_indent=f"{who}: ", subsequent_indent="    "))
        self.say(f"    [{_meter(e.mood)} mood {e.mood}  ·  patience {self._patience()}]")
        self.say()

    def _patience(self) -> str:
        left = self._mood.patience if self._mood else self.s.customer.patience
        return f"{left}/{self.s.customer.patience}"

    def _panel(self, title: str, body: str, ok: bool) -> None:
        self.say(f"  ┌─ {title}{'' if ok else ' (refused)'}")
        for line in body.strip().splitlines():
            for part in textwrap.wrap(line, WIDTH - 4) or [""]:
                self.say(f"  │ {part}")
        self.say("  └─")

    def _length(self, text: str) -> None:
        limit = self.channel.max_chars
        if limit and len(text) > limit:
            parts = -(-len(text) // limit)
            self.say(f"  (that is {len(text)} characters: it goes out as a thread of {parts} on this channel)")


def _meter(mood: int) -> str:
    return "▮" * round(mood / 10) + "▯" * (10 - round(mood / 10))

