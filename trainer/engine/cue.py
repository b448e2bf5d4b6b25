"""What the customer must say next: her lines for this moment, fitted to her mood and to what was said and done."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from trainer.meaning.patterns import find
from trainer.meaning.reading import read
from trainer.scenario.kinds import MoodBand
from trainer.scenario.lines import LinesByBand, LineWhen
from trainer.scenario.moods import MOOD_BANDS, mood_band

if TYPE_CHECKING:
    from trainer.engine.session import Session

@dataclass(frozen=True, slots=True)
class Cue:
    """What the customer must say next; a `Customer` turns it into words."""

    turn: int
    state: str
    mood: int
    band: str
    lines: tuple[str, ...]
    """The scenario's lines for this moment and mood: to pick from (scripted) or imitate (LLM)."""
    outcome: str | None = None
    facts: tuple[str, ...] = ()
    """Facts revealed so far, as their text."""
    others: tuple[str, ...] = ()
    """Her other lines in this state, for a customer who has used up `lines`: never one line six times."""


def build_cue(session: Session, lines: LinesByBand, outcome: str | None = None) -> Cue:
    """The cue for `lines` at the session's present moment (`outcome`: her last words before it ends)."""
    band = mood_band(session.mood)
    facts = tuple(session.scenario.facts[f].is_ for f in session.known)
    state = session.scenario.states.get(session.state)
    others: tuple[str, ...] = ()
    if state is not None and not outcome:
        others = tuple(line for by_band in (state.lines, state.otherwise.lines) for variants in by_band.values()
                       for line in variants if line_fits(session, line))
    return Cue(session.turn, session.state, session.mood, band, lines_for(_fitting(session, lines), band), outcome,
               facts, others)


def _fitting(session: Session, lines: LinesByBand) -> LinesByBand:
    """Her lines that fit what was said and done (the same object when none has a condition)."""
    if not any(getattr(line, "when", None) for variants in lines.values() for line in variants):
        return lines
    return {band: tuple(line for line in variants if line_fits(session, line)) for band, variants in lines.items()}


def line_fits(session: Session, line: str) -> bool:
    """Whether a line's conditions (`if_said`, `unless_done`, `if_wrote` …) hold now; a plain line always fits."""
    when: LineWhen | None = getattr(line, "when", None)  # a `Line` with conditions
    if when is None:
        return True
    said, done = session.said, session.done
    if any(i not in said for i in when.if_said) or any(i in said for i in when.unless_said):
        return False
    if any(a not in done for a in when.if_done) or any(a in done for a in when.unless_done):
        return False
    if when.if_wrote:
        message = read(session.last_message, session.scenario.language)
        return find(tuple(when.if_wrote), message) is not None
    return True


def lines_for(lines: LinesByBand, band: MoodBand) -> tuple[str, ...]:
    """The variants for this mood: its own band, else `any`, else the nearest band with lines."""
    if lines.get(band):
        return lines[band]
    if lines.get("any"):
        return lines["any"]
    order = [b for b, _ in MOOD_BANDS]
    here = order.index(band)
    for b in sorted(order, key=lambda b: abs(order.index(b) - here)):
        if lines.get(b):
            return lines[b]
    return ()
