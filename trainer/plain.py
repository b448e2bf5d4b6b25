"""Plain-text play: one line per move from any stream (a terminal, a pipe, a script)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from scoring import Scorecard
from scoring.report import render_text
from trainer.engine.channels import CHANNELS, Where, handle_shown, is_phone, sms_parts
from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    LookedUp,
    MoodChanged,
    SessionEnded,
    TraineeMessage,
)
from trainer.engine.moves import Help, Hint, parse_move
from trainer.errors import MoveError
from trainer.play import Round
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill as _fill
from trainer.terminal import Shown
from trainer.texts import grouped, tr

if TYPE_CHECKING:
    from trainer.llm.config import LLMSettings

WIDTH = 78


@dataclass(frozen=True)
class PlainPlay:
    """How plain play runs, besides the round it shows."""

    echo: bool = True
    """Repeat each trainee line in the transcript (piped input, which a terminal has not shown already)."""
    ready: Callable[[str], object] | None = None
    """Asks (with this prompt, in the scenario's language) and waits until the trainee has read the briefing:
    the round, and its clock, start after it."""
    judge: LLMSettings | None = None
    """Ask the LLM judge for a second opinion beside the scorecard."""
    scorecard_json: Path | None = None
    session_json: Path | None = None
    """Save the session for `webcare score`."""


def play_plain(scenario: Scenario, lines: Iterable[str], out: TextIO, *, begin: Callable[[], Round] | None = None,
               how: PlainPlay = PlainPlay()) -> Scorecard:
    """Play until the conversation ends or input runs out; print and return the scorecard.

    `begin` makes the round once the briefing is read (fresh and kept in the store, or resumed; default: a
    fresh scripted one). Each move is committed before it is shown. Everything is written through `Shown`:
    a control character in a scenario, a message, the customer's (or a model's) words or a scorecard's quote
    is shown as `\x1b`, never obeyed by the terminal.
    """
    view = PlainView(scenario, Shown(out))
    view.briefing()
    if how.ready is not None:
        how.ready(view.text("ready"))
    game = begin() if begin is not None else Round(scenario)
    if game.resumed:
        view.say(view.text("resumed", turn=game.session.turn))
        view.show(game.session.events, echo=True)  # her lines and yours: where the conversation stopped
        view.show(game.answer())  # a line she had not finished when it stopped
    else:
        if game.session.start is not None:
            view.started(game)
        _tell(game, view)
        view.show(game.opening())
        _tell(game, view)
        view.notice(game)
    _converse(game, lines, view, how.echo)
    return _finish(game, view, how)


def _converse(game: Round, lines: Iterable[str], view: PlainView, echo: bool) -> None:
    """One move per line until the conversation is over (`/end` when the input runs out or ^C)."""
    source = iter(lines)
    while not game.session.over:
        try:
            line = next(source)
        except StopIteration:
            line = "/end"
        except KeyboardInterrupt:
            view.say()
            line = "/end"
        if not line.strip():
            continue
        try:
            move = parse_move(line, game.scenario.language)
            if isinstance(move, Help):
                view.help()
            elif isinstance(move, Hint):
                text = game.hint()
                view.say(f"  💡 {text}" if text else "  " + view.text("no_more_hints"))
            else:
                view.show(game.play(move), echo=echo)  # committed before it is shown: nothing is lost
                view.notice(game)
        except MoveError as exc:
            view.say(f"! {exc}")
        _tell(game, view)


def _finish(game: Round, view: PlainView, how: PlainPlay) -> Scorecard:
    """The scorecard, saved with the last turns (said in one line if the database was away), and printed."""
    finished = game.finish()
    _tell(game, view)
    card = finished.card
    if how.judge is not None:
        card = _judged(card, game, how.judge, view.out)
    view.out.write(render_text(card))
    if finished.cost is not None:  # a live customer: what the session asked of the model
        view.say(finished.cost)
    if how.scorecard_json is not None:
        how.scorecard_json.write_text(json.dumps(card.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
        view.say(view.text("scorecard_written", path=how.scorecard_json))
    if how.session_json is not None:
        _write_session(game, card, how.session_json, view)
    view.out.flush()
    return card


def _write_session(game: Round, card: Scorecard, path: Path, view: PlainView) -> None:
    from scoring.batch.sessionfile import session_dict, write_session

    s = game.scenario
    try:
        write_session(path, session_dict(game.session.events, scenario=s.id, language=s.language, title=s.title,
                                         channel=s.channel, scorecard=card))
        view.say(view.text("session_written", path=path))
    except OSError as exc:
        view.say(view.text("session_not_written", path=path, problem=exc.strerror or exc))


def _tell(game: Round, view: PlainView) -> None:
    """One line when saving stops, pauses (the database is away: turns kept) or catches up."""
    while news := game.take_news():
        key = "not_saving" if news.key == "not_saving" else f"store_{news.key}"
        view.say(view.text(key, problem=news.reason, reason=news.reason, turns=news.turns))


def _judged(card: Scorecard, game: Round, settings: LLMSettings, out: Shown) -> Scorecard:
    """The scorecard with the LLM judge's opinion beside it (or a note why there is none)."""
    from trainer.judge import judged

    out.write("\n" + tr(game.scenario.language, "judge.asking", what=settings.describe()) + "\n")
    out.flush()
    return judged(card, game.session.events, game.scenario, settings=settings)


class PlainView:
    """Prints a session's events as a readable conversation, in the scenario's language."""

    def __init__(self, scenario: Scenario, out: Shown) -> None:
        self.s = scenario
        self.out = out
        self.where = Where(scenario.channel, scenario.audience)
        """Where the conversation is now: a state may move it (a tweet thread to DM)."""
        self._mood: MoodChanged | None = None

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def text(self, key: str, **values: object) -> str:
        """What plain play says around the conversation (`plain.*` in the catalogue), in the scenario's language."""
        return tr(self.s.language, f"plain.{key}", **values)

    def started(self, game: Round) -> None:
        """One line saying where a session started part-way (`--from`) opens."""
        s = game.session
        known = ", ".join(s.start.facts) if s.start and s.start.facts else "-"
        self.say(self.text("started", state=s.state, mood=s.mood, facts=known))

    def notice(self, game: Round) -> None:
        """One line when a live customer's model failed and the scripted line stood in."""
        notice, fell_back = game.take_notices()
        if notice:
            self.say(f"  ({notice})")
        elif fell_back:
            self.say(f"  ({self.text('fallback')})")

    def briefing(self) -> None:
        s, c = self.s, self.s.customer
        values = s.placeholders()
        self.say("═" * WIDTH)
        self.say(f"{s.title}  ·  {self._where()}  ·  {self.text(f'difficulty.{s.difficulty}')}  ·  {s.language}")
        self.say("═" * WIDTH)
        for para in _fill(s.briefing, values).strip().split("\n\n"):
            self.say(textwrap.fill(" ".join(para.split()), WIDTH))
            self.say()
        handle = handle_shown(c.handle, s.language)
        if s.audience == "public":  # followers only where there is an audience
            self.say(self.text("customer", name=c.name, handle=handle, followers=grouped(s.language, c.followers)))
        else:
            self.say(self.text("customer_private", name=c.name, handle=handle))
        if c.writes_for:
            self.say(self.text("writes_for", relation=c.writes_for.relation, name=c.writes_for.name))
        if s.mandate:
            self.say(self.text("mandate"))
            for item in s.mandate:
                self.say(textwrap.fill(_fill(item, values), WIDTH, initial_indent="  • ", subsequent_indent="    "))
        self.help(short=True)
        self.say("─" * WIDTH)

    def help(self, short: bool = False) -> None:
        if not short:
            self.say(tr(self.s.language, "engine.move.usage"))
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
            elif isinstance(e, ChannelChanged):
                self.where = Where(e.channel, e.audience)
                self.say(self.text("moved", where=self._where()))
            elif isinstance(e, SessionEnded):
                self.say(self.text("ended", summary=e.summary))

    def _where(self) -> str:
        return f"{self.text(f'channel.{self.where.channel}')}, {self.text(f'audience.{self.where.audience}')}"

    def _customer(self, e: CustomerMessage) -> None:
        c = self.s.customer
        who = c.handle if self.where.channel in ("twitter", "dm") and not is_phone(c.handle) else c.name
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
        traits = CHANNELS[self.where.channel]
        limit = traits.segment or traits.max_chars  # an SMS goes out in parts past 160 characters
        if limit and len(text) > limit:
            parts = sms_parts(len(text), limit) if traits.segment else -(-len(text) // limit)
            self.say("  " + self.text("thread", n=len(text), parts=parts))


def _meter(mood: int) -> str:
    return "▮" * round(mood / 10) + "▯" * (10 - round(mood / 10))

