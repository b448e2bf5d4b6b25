"""What an intent asks of the clause it is found in: a question must ask, a promise must be the speaker's
future, a statement must be asserted; negated, sarcastic, reported or hypothetical wordings don't count.

An intent's stance is read from its own `examples` (all questions → a question; all "I will …" → a
promise) unless the author names it with `kind:`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from trainer.meaning.reading import Clause, Message, read


class Kind(StrEnum):
    QUESTION = "question"
    """Asks (a question form, a question mark or "tell me …"); negation doesn't undo a question."""
    PROMISE = "promise"
    """The speaker (or "you'll hear from me") commits to something ahead: future, asserted, not negated."""
    STATEMENT = "statement"
    """Says or offers something, asserted and not negated; an offering question counts ("shall I …?")."""
    ANY = "any"
    """Only negation is checked: the old behaviour of phrase lists."""
    MENTION = "mention"
    """The words occur: topics and template phrases, whatever is said about them."""


@dataclass(frozen=True, slots=True)
class Stance:
    kind: Kind = Kind.STATEMENT
    owned: bool = True
    """Someone else doing it ("the desk will refund you") doesn't count."""
    ability_ok: bool = False
    """"You can …" counts (for intents that send her somewhere: that is what they are)."""
    hedge_ok: bool = False
    negated: bool = False
    """The intent itself denies something ("you have no right to compensation")."""
    question_ok: bool = True
    """A question can carry it (when one of the examples is a question or a request)."""
    past_ok: bool = True
    """Told in the past by someone other than the speaker still counts ("you got a voucher in 2022" doesn't
    offer one, unless the examples too tell of the past)."""


MENTION = Stance(Kind.MENTION)
AFFIRMED = Stance(Kind.STATEMENT, owned=False, ability_ok=True, hedge_ok=True)
"""Said as so, by anyone: for the scorer's signals (empathy, explanations)."""
ASKED = Stance(Kind.QUESTION)
PROMISED = Stance(Kind.PROMISE)


def infer(examples: tuple[str, ...], language: str, kind: str | None = None) -> Stance:
    """The stance an intent's examples share; `kind` (from the scenario) overrides the inferred kind."""
    readings = [_main(read(e, language)) for e in examples]
    readings = [r for r in readings if r is not None]
    if kind:
        chosen = Kind(kind)
    elif readings and all(c.asks for c in readings):
        chosen = Kind.QUESTION
    elif readings and all(c.time == "future" and c.actor in ("speaker", "") and not c.question for c in readings) \
            and any(c.actor == "speaker" for c in readings):
        chosen = Kind.PROMISE
    else:
        chosen = Kind.STATEMENT
    return Stance(
        chosen,
        owned=not any(c.actor == "third" for c in readings),
        ability_ok=any(c.ability for c in readings),
        hedge_ok=any(c.hedged for c in readings),
        negated=bool(readings) and all(bool(c.negations) for c in readings),
        past_ok=not readings or any(c.time == "past" for c in readings),
        question_ok=not readings or any(c.question or c.request for c in readings),
    )


def _main(message: Message) -> Clause | None:
    """The clause that carries an example: the first with a verb-like shape that is not a greeting."""
    for c in message.clauses:
        if c.end - c.start >= 2:
            return c
    return message.clauses[0] if message.clauses else None


def accepts(message: Message, position: int, stance: Stance, ignore: frozenset[int] = frozenset()) -> bool:
    """Whether the words found at `position` express the intent, given how the clause is said."""
    if stance.kind is Kind.MENTION:
        return True
    if position in message.quoted:
        return False
    c = message.clause_at(position)
    negated = c.negated_at(position, ignore)
    if stance.kind is Kind.QUESTION:
        if c.rhetorical or c.reported or not (c.question or c.request or c.offer):
            return False
        denied = any(p not in ignore for p, _ in c.negations)
        return c.interrogative or not (denied or c.conditional or c.irrealis)
    inner = any(p in ignore for p, _ in c.negations)
    if (inner != negated) if stance.negated else negated:
        return False
    if c.rhetorical or c.reported or c.conditional or c.irrealis:
        return False
    if c.hedged and not stance.hedge_ok:
        return False
    if stance.owned and c.actor == "third" and c.time != "past":
        return False
    if not stance.past_ok and c.time == "past" and c.actor != "speaker":
        return False
    if c.ability and not stance.ability_ok and stance.kind is not Kind.ANY:
        return False
    if stance.kind is Kind.PROMISE:
        return c.time == "future" and c.actor != "third" and not c.question
    if stance.kind is Kind.STATEMENT and c.question:
        return c.offer or c.request or stance.question_ok
    return True

