"""What the criteria of all three trades share."""

from __future__ import annotations

from collections.abc import Iterable

from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.matching import words
from trainer.meaning.patterns import find
from trainer.meaning.stance import MENTION
from trainer.scenario.models import Scenario
from trainer.scenario.where import is_phone
from trainer.texts import known, tr

EARNED_BY = 2
"""Own words and tone are earned in full when half the replies or more show them (a short "Thanks, that
helps." between two that do costs nothing); a reply that shows neither earns nothing."""


def called(t: Transcript, s: Scenario) -> str:
    """The customer as notes and tips name them: `Thomas`, or "the customer" when the scenario has no name."""
    first_name = s.customer.first_name
    return first_name if any(c.isalpha() for c in first_name) else tr(t.language, "score.customer")


def channel_named(language: str, channel: str) -> str:
    """`a public tweet thread`, `een openbare tweetdraad`; the channel's id when it is unknown."""
    return tr(language, f"score.channel.{channel}") if known(f"score.channel.{channel}") else channel


def generic(s: Scenario) -> bool:
    """A scenario with no case behind it (an imported transcript): no facts, intents, back office or rubric."""
    r = s.rubric
    case = (s.facts, s.intents, s.lookups, s.actions, r.key_facts, r.harm, r.explains, r.questions, r.fitting,
            r.poor, r.escalate, r.improve)
    return not any(case)


def quote_of(m: Turn, s: Scenario, names: Iterable[str]) -> str:
    """The sentence of the message that says one of these intents: where its phrase stands, or, for one read
    by resemblance, the sentence that shares most words with its examples; never the first by default."""
    said = [n for n in names if n in m.intents and n in s.intents]
    for name in said:
        hit = find(tuple(s.intents[name].match), m.message, MENTION)
        if hit is not None:
            return m.quote(hit.source)
    if said:
        known = {w for n in said for example in s.intents[n].examples for w in words(example)}
        best = max(split_sentences(m.text), key=lambda sentence: len(known & set(words(sentence))))
        return m.quote(best) if best else m.quote()
    return m.quote()


def question_of(m: Turn) -> str:
    """The sentence of the message that asks (the first with a question mark), else its first."""
    asked = next((sentence for sentence in split_sentences(m.text) if "?" in sentence), None)
    return m.quote(asked) if asked else m.quote()


def reads_as_plan(m: Turn) -> bool:
    """The trade detector reads the message as a plumber's: a concrete step offered or taken (for the generic
    rubric, where no scenario says what the steps are)."""
    from scoring.detector import detect

    return detect(m.text, m.language) == "plumber"


def customer_names(s: Scenario) -> set[str]:
    """Her name, first name and handle, as the words a message would use."""
    names = set(words(s.customer.name)) | set(words(s.customer.first_name))
    if not is_phone(s.customer.handle):  # a phone number's digits are no name
        names |= set(words(s.customer.handle.lstrip("@").replace("_", " ")))
    return {n for n in names if len(n) >= 2}
