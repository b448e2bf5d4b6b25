"""What the criteria of all three trades share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.matching import matches_any, words
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


_PARTICLES = {"de", "van", "der", "den", "het", "ten", "ter", "la", "le", "da", "di", "du", "von", "el", "al"}
"""Parts of a name that are everyday words too (`de` in `Kees de Vries`): they name no one."""
_TITLES = {"mrs", "mr", "ms", "miss", "mevrouw", "mevr", "meneer", "dhr", "heer"}
_POSSESSIVES = {"his", "her", "their", "my", "your", "our", "zijn", "haar", "hun", "mijn", "je", "jouw", "uw",
                "onze", "ons"}


def customer_names(s: Scenario) -> set[str]:
    """Her name, first name and handle, as the words a message would use."""
    names = set(words(s.customer.name)) | set(words(s.customer.first_name))
    if not is_phone(s.customer.handle):  # a phone number's digits are no name
        names |= set(words(s.customer.handle.lstrip("@").replace("_", " ")))
    return {n for n in names if len(n) >= 2 and n not in _PARTICLES}


def harmed_names(s: Scenario) -> set[str]:
    """The words that name the person the customer writes for (`annie`, `vries`); none when she writes for
    herself."""
    other = s.customer.writes_for
    if other is None:
        return set()
    found = set(words(other.name)) | set(words(other.first_name))
    return {n for n in found if len(n) >= 2 and n not in _PARTICLES | _TITLES}


def names_harmed(s: Scenario, found: Sequence[str]) -> str | None:
    """The word or phrase in these words that names or addresses the person harmed: her name, or who she is
    to the writer (`his mother` is named by "your mother", "mother")."""
    other = s.customer.writes_for
    if other is None:
        return None
    name = next((w for w in found if w in harmed_names(s)), None)
    if name:
        return name
    relation = [w for w in words(other.relation) if w not in _POSSESSIVES]
    # The whole relation ("mother in law"), else its last word ("father" of "her elderly father").
    ways = (" ".join(relation), *(relation[-1:] if len(relation) > 1 and len(relation[-1]) >= 4 else ()))
    return matches_any(ways, tuple(found)) if relation else None


def harmed_called(s: Scenario) -> dict[str, str]:
    """`relation` and `harmed` for notes and tips: "his mother" and "Annie"."""
    other = s.customer.writes_for
    return {"relation": other.relation, "harmed": other.name.split()[0]} if other else {}


def her_details(s: Scenario) -> list[str]:
    """The case's details that are the customer's own (`customer.own_details`, or all but the organisation's),
    and the name of the person she writes for: the details a personal reply uses."""
    out = [v for v in s.customer.own(s.details).values() if len(v) >= 3 and not v.startswith("@")]
    other = s.customer.writes_for
    if other is not None:
        out += [n for n in (other.name, other.name.split()[0], other.call_me) if n and len(n) >= 3]
    return out
