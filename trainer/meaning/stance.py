"""What an intent asks of the clause it is found in: a question must ask, a promise must be the speaker's
future, a statement must be asserted; negated, sarcastic, reported or hypothetical wordings don't count.

An intent's stance is read from its own `examples` (all questions → a question; all "I will …" → a
promise) unless the author names it with `kind:`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from trainer.meaning.clause import Clause
from trainer.meaning.reading import Message, read

if TYPE_CHECKING:
    from trainer.meaning.patterns import Hit

ClauseTest = Callable[[Clause], bool]


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
    said_as: frozenset[str] = frozenset()
    """Ways of saying that would not count, but that the intent's own examples use (so they do): any of
    "rhetorical", "reported", "conditional", "irrealis", "hedged"."""
    denies: bool = False
    """Most examples deny something ("children can't visit the cockpit"): a sentence that only resembles
    them must deny too, and its negation is what it says."""
    elsewhere_ok: bool = False
    """Told of another occasion ("back in 2022 we refunded …") still counts."""
    future_ok: bool = True
    """A future clause counts, unless the examples tell of something done and none of the future: "your name
    is corrected" is not confirmed by "we'll get it fixed"."""
    question_ok: bool = True
    """A question can carry it (when one of the examples is a question or a request)."""
    past_ok: bool = True
    """Told in the past by someone other than the speaker still counts ("you got a voucher in 2022" doesn't
    offer one, unless a quarter of the examples too tell of the past)."""


MENTION = Stance(Kind.MENTION)
AFFIRMED = Stance(Kind.STATEMENT, owned=False, ability_ok=True, hedge_ok=True)
"""Said as so, by anyone: for the scorer's signals (empathy, explanations)."""
ASKED = Stance(Kind.QUESTION)
PROMISED = Stance(Kind.PROMISE)


def infer(examples: tuple[str, ...], language: str, kind: str | None = None, patterns: tuple[str, ...] = ()) -> Stance:
    """The stance an intent's examples share; `kind` (from the scenario) overrides the inferred kind.

    The kind is what most examples do (two in three: a question, a promise, a denial); a way of saying that
    would not count otherwise (sarcasm, a hedge, a condition …) is allowed when an example says it so; only
    someone else acting and the past need more (one example in three, one in four), so that one odd example
    among a dozen does not make "the desk will refund you" an offer; `webcare check` names an example its
    intent would not accept, and why.
    """
    messages = [read(e, language) for e in examples]
    readings = [m.clauses for m in messages if m.clauses]
    n = len(readings)
    # a denial is read where the intent's own phrase stands ("geen recht op"), not anywhere in an example
    from trainer.meaning.patterns import find  # patterns build on this module

    hits = [(m, h) for m in messages if m.words and (h := find(patterns, m, MENTION))]
    # only a negation outside the phrase makes a denial: "nobody checked it" holds its own
    denied = [m.clause_at(h.position).negated_at(h.position, _span(h)) for m, h in hits]

    def most(test: ClauseTest) -> bool:
        return n > 0 and 3 * sum(1 for cs in readings if any(test(c) for c in cs)) >= 2 * n

    def share(test: ClauseTest) -> float:
        return sum(1 for cs in readings if any(test(c) for c in cs)) / n if n else 0.0

    def some(test: ClauseTest) -> bool:
        return share(test) >= 0.2

    def any_(test: ClauseTest) -> bool:
        return share(test) > 0

    if kind:
        chosen = Kind(kind)
    elif most(lambda c: c.asks or (c.question and not c.offer and not c.request)):
        chosen = Kind.QUESTION
    elif most(lambda c: c.time == "future" and c.actor in ("speaker", "") and not c.question) \
            and some(lambda c: c.actor == "speaker"):
        chosen = Kind.PROMISE
    else:
        chosen = Kind.STATEMENT
    return Stance(
        chosen,
        owned=share(lambda c: c.actor == "third") < 1 / 3,
        ability_ok=any_(lambda c: c.ability),
        hedge_ok=any_(lambda c: c.hedged),
        negated=bool(denied) and 3 * sum(denied) >= 2 * len(denied),
        denies=most(lambda c: bool(c.negations)),
        past_ok=n == 0 or share(lambda c: c.time == "past") >= 0.25,
        question_ok=n == 0 or any_(lambda c: c.question or c.request),
        future_ok=any_(lambda c: c.time == "future") or not most(lambda c: c.time == "past"),
        said_as=frozenset(w for w in _WAYS if any_(_said(w))),
        elsewhere_ok=any_(lambda c: c.elsewhere),
    )


_WAYS = ("rhetorical", "reported", "conditional", "irrealis", "hedged")


def _said(way: str) -> ClauseTest:
    """Whether a clause is said this way (one of `_WAYS`)."""
    return lambda c: bool(getattr(c, way))


def _span(hit: Hit) -> frozenset[int]:
    """The word positions a phrase hit covers (its first part; enough to hold "geen" of "geen recht")."""
    return frozenset(range(hit.position, hit.position + len(hit.source.split("+")[0].split())))


def accepts(message: Message, position: int, stance: Stance, ignore: frozenset[int] = frozenset(),
            resembled: bool = False) -> bool:
    """Whether the words found at `position` express the intent, given how the clause is said. A sentence
    `resembled` to the examples (no phrase found) of an intent that denies must deny as well."""
    if stance.kind is Kind.MENTION:
        return True
    if position in message.quoted:
        return False
    c = message.clause_at(position)
    negated = c.negated_at(position, ignore)
    if resembled and stance.denies and stance.kind is not Kind.QUESTION:
        if not c.negations:
            return False
        negated = False
    if stance.kind is Kind.ANY:
        return not negated
    if stance.kind is Kind.QUESTION:
        if c.rhetorical or c.reported or not (c.question or c.request or (c.offer and c.asks)):
            return False
        denied = any(p not in ignore for p, _ in c.negations)
        return c.interrogative or not (denied or c.conditional or c.irrealis)
    inner = any(p in ignore for p, _ in c.negations)
    if (inner == negated) if stance.negated else negated:
        return False
    if any(getattr(c, way) and way not in stance.said_as for way in _WAYS if way != "hedged"):
        return False
    if c.hedged and not (stance.hedge_ok or "hedged" in stance.said_as):
        return False
    if stance.owned and c.actor == "third" and c.time == "future":
        return False  # "the desk will refund you": someone else's promise
    if not stance.past_ok and c.time == "past" and c.actor in ("addressee", "third"):
        return False
    if c.elsewhere and not stance.elsewhere_ok:
        return False
    if c.ability and c.third_party and not stance.ability_ok:
        return False  # "you can ask at the desk", "je kunt het formulier invullen": sent elsewhere
    if stance.kind is Kind.PROMISE:
        ahead = c.time == "future" or (c.scheduled and c.time == "present" and c.actor == "speaker")
        return ahead and c.actor != "third" and not c.question
    if stance.kind is Kind.STATEMENT and c.time == "future" and not stance.future_ok:
        return False
    if stance.kind is Kind.STATEMENT and c.question:
        return c.offer or c.request or (stance.question_ok and c.interrogative)
    return True

