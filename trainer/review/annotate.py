"""A stored session, turn by turn, with what each turn did: trade shown, mood, facts, moves and criteria."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trainer.engine.channels import CHANNELS
from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    IntentsRecognised,
    LookedUp,
    MoodChanged,
    SessionEnded,
    SessionStarted,
    TraineeMessage,
)
from trainer.scenario.kinds import TRADES

if TYPE_CHECKING:
    from scoring.scorecard import Scorecard


@dataclass
class Line:
    """One thing said or done in the conversation, with what it counted for."""

    turn: int
    who: str
    """`customer`, `trainee` or `system` (a look-up, an action, the ending)."""
    text: str
    trade: str | None = None
    """For the trainee's messages: which trade the turn shows (the detector's view)."""
    mood: int | None = None
    mood_delta: int = 0
    facts: list[str] = field(default_factory=list)
    meant: list[str] = field(default_factory=list)
    """Why the game read each intent in this message (phrase, or the example it resembled)."""
    criteria: list[tuple[str, str, bool, str]] = field(default_factory=list)
    """(trade, criterion title, good?, note) for every criterion whose evidence cites this turn."""
    cited: list[tuple[str, str]] = field(default_factory=list)
    """(trade, criterion id) of each entry in `criteria`, in its order: where its full text and evidence are."""
    notes: list[Any] = field(default_factory=list)


@dataclass
class Annotated:
    lines: list[Line]
    moods: list[tuple[int, int]]
    """(turn, mood) from the opening to the end: the mood chart."""
    language: str = "en"


def annotate(events: list[Event], scorecard: Scorecard | Mapping[str, Any] | None = None, notes: Sequence[Any] = (),
             facts: dict[str, str] | None = None) -> Annotated:
    """`facts` maps fact ids to their sentence (from the scenario) when it is at hand; `scorecard` may still be
    its JSON (`Scorecard.to_dict()`)."""
    from scoring.detector import detect

    lines: list[Line] = []
    moods: list[tuple[int, int]] = []
    language = "en"
    by_turn_trainee: dict[int, Line] = {}
    last: Line | None = None
    for e in events:
        if isinstance(e, SessionStarted):
            language = e.language
            moods.append((0, e.mood))
        elif isinstance(e, CustomerMessage):
            last = Line(e.turn, "customer", e.text, mood=e.mood)
            lines.append(last)
        elif isinstance(e, TraineeMessage):
            last = Line(e.turn, "trainee", e.text, trade=detect(e.text, language))
            by_turn_trainee[e.turn] = last
            lines.append(last)
        elif isinstance(e, LookedUp):
            last = Line(e.turn, "system", f"looked up {e.tool}" + ("" if e.ok else " (refused)"))
            lines.append(last)
        elif isinstance(e, ActionTaken):
            amount = "" if e.amount is None else f" {e.amount:g}"
            last = Line(e.turn, "system", f"did {e.action}{amount}" + ("" if e.ok else " (refused)"))
            lines.append(last)
        elif isinstance(e, IntentsRecognised) and e.turn in by_turn_trainee:
            by_turn_trainee[e.turn].meant.extend(e.reasons or e.intents)
        elif isinstance(e, MoodChanged):
            moods.append((e.turn, e.mood))
            target = by_turn_trainee.get(e.turn) or last
            if target is not None:
                target.mood_delta += e.mood_delta
        elif isinstance(e, FactRevealed):
            target = by_turn_trainee.get(e.turn) or last
            if target is not None:
                target.facts.append((facts or {}).get(e.fact, e.fact))
        elif isinstance(e, ChannelChanged):  # the story moved the conversation: "moved to direct messages (private)"
            lines.append(Line(e.turn, "system", f"moved to {CHANNELS[e.channel].label} ({e.audience})"))
        elif isinstance(e, SessionEnded):
            lines.append(Line(e.turn, "system", f"ended: {e.outcome} — {e.summary}".rstrip(" —")))
    _attach_criteria(lines, scorecard)
    for note in notes:
        if note.turn is None:
            continue
        target = next((line for line in lines if line.turn == note.turn and line.who == "trainee"),
                      next((line for line in lines if line.turn == note.turn), None))
        if target is not None:
            target.notes.append(note)
    return Annotated(lines, moods, language)


def _attach_criteria(lines: list[Line], scorecard: Scorecard | Mapping[str, Any] | None) -> None:
    if not scorecard:
        return
    from scoring.scorecard import as_scorecard

    card = as_scorecard(scorecard)
    for trade in TRADES:
        for criterion in card.trades[trade].criteria if trade in card.trades else ():
            for evidence in criterion.evidence:
                turn, action = evidence.turn, evidence.action or ""
                # A look-up takes no turn: it shares its number with the message before it, so it is found by name.
                looked = f"looked up {action.removeprefix('lookup ')}" if action.startswith("lookup ") else None
                target = next((x for x in lines if x.turn == turn and x.who == "system" and looked
                               and x.text.startswith(looked)), None) or \
                    next((x for x in lines if x.turn == turn and x.who == "trainee"),
                         next((x for x in lines if x.turn == turn and x.who == "system"), None))
                if target is not None:
                    target.criteria.append((trade, criterion.title, evidence.good, evidence.note))
                    target.cited.append((trade, criterion.id))
