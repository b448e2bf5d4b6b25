"""A read-only digest of a session's events: what the scorer's criteria look at."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from scoring.scorecard import Evidence
from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    HintShown,
    IntentsRecognised,
    LookedUp,
    NotUnderstood,
    SessionEnded,
    SessionStarted,
    StateChanged,
    TraineeMessage,
)
from trainer.meaning.matching import compile_pattern, words
from trainer.meaning.reading import Message, read

T = TypeVar("T")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
QUOTE_MAX = 200


def split_sentences(text: str) -> list[str]:
    """The sentences of a message (the whole text when it has no sentence breaks)."""
    return [s for s in _SENTENCE.split(text.strip()) if s] or [text]


@dataclass
class Turn:
    """One message of the trainee's, with what the engine recognised in it."""

    turn: int
    text: str
    words: tuple[str, ...]
    response_seconds: float
    intents: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    understood: bool = True
    language: str = "en"

    @property
    def message(self) -> Message:
        """The message read by the meaning layer (clauses, negation, mood, time, actor)."""
        return read(self.text, self.language)

    @property
    def known_time(self) -> bool:
        """Imported transcripts may not know how long she waited (`response_seconds` < 0)."""
        return self.response_seconds >= 0

    def quote(self, phrase: str | None = None) -> str:
        """The sentence that holds `phrase` (or the first one), cut to a readable length."""
        sentences = split_sentences(self.text)
        chosen = sentences[0]
        if phrase:
            pattern = compile_pattern(phrase)
            for sentence in sentences:
                found = words(sentence)
                if any(part.find(found) is not None for part in pattern.phrases):
                    chosen = sentence
                    break
        return chosen if len(chosen) <= QUOTE_MAX else chosen[: QUOTE_MAX - 1] + "…"


@dataclass(frozen=True)
class Done:
    turn: int
    name: str
    amount: float | None
    ok: bool

    @property
    def label(self) -> str:
        return self.name if self.amount is None else f"{self.name} {self.amount:g}"


@dataclass
class Transcript:
    scenario: str = ""
    language: str = "en"
    messages: list[Turn] = field(default_factory=list)
    lookups: list[Done] = field(default_factory=list)
    actions: list[Done] = field(default_factory=list)
    facts: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Fact → (turn, source)."""
    entered: list[tuple[int, str]] = field(default_factory=list)
    """(turn, state) for the opening state and every state entered."""
    customer_lines: list[CustomerMessage] = field(default_factory=list)
    moves: list[tuple[int, str, str]] = field(default_factory=list)
    """(turn, channel, audience) each time the story moved the conversation (a tweet thread to DM): from the
    next message on it is there (see `scoring.where`)."""
    outcome: str | None = None
    outcome_kind: str | None = None
    mode: str = "practice"
    hints: int = 0
    summary: str = ""
    last_turn: int = 0
    started_from: str = ""
    """The state it opened in when started part-way (`webcare play --from`); empty: from the start."""
    memo: dict[str, object] = field(default_factory=dict)
    """What several criteria read of the same transcript, worked out once (see `once`)."""

    def once(self, key: str, make: Callable[[], T]) -> T:
        """`make()`, worked out the first time several criteria ask for `key` of this transcript."""
        if key not in self.memo:
            self.memo[key] = make()
        return cast("T", self.memo[key])  # what `make` gave for this key

    def turn_of_first(self, intents: tuple[str, ...]) -> Turn | None:
        return next((m for m in self.messages if set(m.intents) & set(intents)), None)

    def missing(self, note: str, turn: int | None = None) -> Evidence:
        """Evidence for what never happened: at `turn` (where it was due), else the last reply, else the end."""
        if turn is None:
            turn = self.messages[-1].turn if self.messages else self.last_turn
        return self.evidence_at(turn, note, good=False)

    def reply_after(self, turn: int) -> Turn | None:
        """The trainee's first message after `turn`."""
        return next((m for m in self.messages if m.turn > turn), None)

    def entered_at(self, states: tuple[str, ...]) -> int | None:
        """The turn the conversation first reached one of these states."""
        return next((turn for turn, state in self.entered if state in states), None)

    def evidence_at(self, turn: int, note: str, good: bool = False) -> Evidence:
        """Evidence for whatever the trainee did at `turn`: the message quoted, or the move."""
        message = next((m for m in self.messages if m.turn == turn), None)
        if message:
            return Evidence(turn, message.quote(), note=note, good=good)
        done = next((d for d in (*self.actions, *self.lookups) if d.turn == turn), None)
        if done:
            kind = "lookup " if done in self.lookups else ""
            return Evidence(turn, action=kind + done.label, note=note, good=good)
        return Evidence(turn, action="end" if self.outcome_kind == "unresolved" else "no reply",
                        note=note, good=good)


def digest(events: list[Event]) -> Transcript:
    t = Transcript()
    by_turn: dict[int, Turn] = {}
    for e in events:
        t.last_turn = max(t.last_turn, e.turn)
        if isinstance(e, SessionStarted):
            t.scenario, t.language, t.mode = e.scenario, e.language, e.mode
            t.started_from = e.start
        elif isinstance(e, HintShown):
            t.hints += 1
        elif isinstance(e, TraineeMessage):
            msg = Turn(e.turn, e.text, words(e.text), e.response_seconds, language=t.language)
            t.messages.append(msg)
            by_turn[e.turn] = msg
        elif isinstance(e, IntentsRecognised) and e.turn in by_turn:
            by_turn[e.turn].intents, by_turn[e.turn].wrong = e.intents, e.wrong
        elif isinstance(e, NotUnderstood) and e.turn in by_turn:
            by_turn[e.turn].understood = False
        elif isinstance(e, LookedUp):
            t.lookups.append(Done(e.turn, e.tool, None, e.ok))
        elif isinstance(e, ActionTaken):
            t.actions.append(Done(e.turn, e.action, e.amount, e.ok))
        elif isinstance(e, FactRevealed):
            t.facts.setdefault(e.fact, (e.turn, e.source))
        elif isinstance(e, StateChanged):
            t.entered.append((e.turn, e.dest))
        elif isinstance(e, ChannelChanged):
            t.moves.append((e.turn, e.channel, e.audience))
        elif isinstance(e, CustomerMessage):
            if not t.entered:
                t.entered.append((0, e.state))
            t.customer_lines.append(e)
        elif isinstance(e, SessionEnded):
            t.outcome, t.outcome_kind, t.summary = e.outcome, e.outcome_kind, e.summary
    return t
