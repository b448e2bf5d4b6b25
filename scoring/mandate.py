"""Promises beyond the mandate: money over what any action may give, things the mandate does not list.

An amount counts when it is given or promised ("I'll get you €600 each", "you're entitled to €250") in a
clause said as meant, is not a figure the case itself names (her €160, the €400 the rules set), and is
more than the largest amount any of the scenario's actions may move. A thing counts when it is a perk no
action or mandate line names ("an upgrade to business class", "a free flight"). A guarantee counts when it
is given, said as meant, of what is not ours to give: an absolute ("no customer will ever…", "nooit meer")
or what others will do or what will happen ("I guarantee Pluis will be found"). "I can't guarantee…" and
"I guarantee I'll call you on Friday" are not overpromises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.matching import words
from trainer.meaning.reading import Message
from trainer.scenario.models import Scenario

GIVING = {
    "en": frozenset("""give giving get getting receive entitled owe owed pay paying paid refund refunded compensate
        compensation credit credited transfer arrange offer voucher back""".split()),
    "nl": frozenset("""geef geven krijg krijgt krijgen ontvang ontvangt recht betaal betalen betaald vergoed
        vergoeden vergoeding compensatie terugbetalen terug overmaken regel regelen bied bieden voucher""".split()),
}
PERKS = {
    "en": ("upgrade", "upgraded", "business class", "first class", "free flight", "free flights", "free ticket",
           "free tickets", "lounge access", "free return"),
    "nl": ("upgrade", "geupgraded", "business class", "businessclass", "eerste klas", "gratis vlucht",
           "gratis vluchten", "gratis ticket", "gratis tickets", "lounge"),
}
GUARANTEE = {
    "en": frozenset("guarantee guaranteed guarantees".split()),
    "nl": frozenset("garandeer garandeert garanderen gegarandeerd garantie".split()),
}
ABSOLUTE = {
    "en": frozenset("never ever nobody noone everyone everybody always anyone".split()),
    "nl": frozenset("nooit niemand iedereen altijd ooit nimmer".split()),
}
_AMOUNT = re.compile(r"€\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(?:€|euros?|eur)\b", re.IGNORECASE)


def overpromises(t: Transcript, s: Scenario) -> list[tuple[Turn, str, str, dict[str, Any]]]:
    """(message, quoted phrase, text key, values) for each promise beyond the mandate, one per message."""
    return t.once("overpromises", lambda: _overpromises(t, s))


def _overpromises(t: Transcript, s: Scenario) -> list[tuple[Turn, str, str, dict[str, Any]]]:
    lang = t.language
    limits = [a.limit for a in s.actions.values() if a.limit is not None]
    known = _case_figures(s)
    allowed = " ".join([*(a.label for a in s.actions.values()), *s.mandate]).lower()
    out = []
    for m in t.messages:
        found = _beyond(m, lang, max(limits) if limits else None, known, allowed)
        if found:
            out.append((m, *found))
    return out


def amounts(text: str) -> list[tuple[str, float]]:
    """Every sum of money in a text, as written and as a number: "€1.950" → 1950, "€80,50" → 80.5."""
    out = []
    for found in _AMOUNT.finditer(text):
        number = _number(found.group(1) or found.group(2))
        if number is not None:
            out.append((found.group(0), number))
    return out


def _beyond(m: Turn, language: str, limit: float | None, known: frozenset[float], allowed: str
            ) -> tuple[str, str, dict[str, Any]] | None:
    message = m.message
    giving = GIVING.get(language, GIVING["en"])
    for sentence in split_sentences(m.text):
        said = words(sentence)
        read = _clause_ok(message, said)
        if not read:
            continue
        for written, amount in amounts(sentence):
            if amount in known or not set(said) & giving:
                continue
            if limit is None:
                return written, "score.overpromise.none", {"amount": amount}
            if amount > limit:
                return written, "score.overpromise.amount", {"amount": amount, "limit": limit}
        text = " ".join(said)
        for perk in PERKS.get(language, PERKS["en"]):
            if f" {perk} " in f" {text} " and perk not in allowed:
                return perk, "score.overpromise.thing", {"thing": perk}
    return _guarantee(message, language)


def _guarantee(message: Message, language: str) -> tuple[str, str, dict[str, Any]] | None:
    """A guarantee given of what is not ours to give: an absolute, or what others do or what will happen."""
    pledge, absolute = GUARANTEE.get(language, GUARANTEE["en"]), ABSOLUTE.get(language, ABSOLUTE["en"])
    for at, word in enumerate(message.words):
        if word not in pledge:
            continue
        c = message.clause_at(at)
        if c.actor != "speaker" or c.question or c.conditional or c.irrealis or c.reported or c.rhetorical \
                or c.hedged or any(p < at for p, _ in c.negations):
            continue  # "I can't guarantee", "no guarantee", "would you guarantee…?", "guaranteed by law"
        sentence_end = max(x.end for x in message.clauses if x.sentence == c.sentence)
        rest = message.words[at + 1:sentence_end]
        if set(rest) & absolute or "no one" in " ".join(rest):
            return word, "score.overpromise.guarantee", {}
        subject = _subject(rest)
        if subject is not None and subject not in _OURS and len(rest) >= 3:
            return word, "score.overpromise.guarantee", {}  # what will happen, or what others will do
    return None


_OURS = frozenset("i ill im ive id we well were weve wed ik wij we me myself mijzelf zelf".split()) | {"addressee"}
_TO_WHOM = frozenset("you u je jou jullie".split())
_THAT = frozenset("that dat".split())
_MODAL = frozenset("will shall can get receive have are wil kunt krijgt ontvangt hebt bent zal zult".split())


def _subject(rest: tuple[str, ...]) -> str | None:
    """Who the guarantee is about: "(you) (that) Pluis will…" → pluis; "you will hear…" → the addressee."""
    i = 0
    if i < len(rest) and rest[i] in _TO_WHOM:
        if i + 1 < len(rest) and rest[i + 1] in _MODAL:
            return "addressee"
        i += 1
    if i < len(rest) and rest[i] in _THAT:
        i += 1
    if i < len(rest) and rest[i] in {"youll", "youre", "youve", "youd"}:
        return "addressee"
    if i + 1 < len(rest) and rest[i] in _TO_WHOM and rest[i + 1] in _MODAL:
        return "addressee"
    if i < len(rest) and rest[i] in _TO_WHOM:
        return "addressee"
    return rest[i] if i < len(rest) else None


def _clause_ok(message: Message, said: tuple[str, ...]) -> bool:
    """The sentence is said as meant, by us, about what is or will be: not negated, asked, reported or about
    what she did ("you paid €160")."""
    if not said:
        return False
    at = next((i for i, w in enumerate(message.words) if w == said[0]), None)
    if at is None:
        return True
    c = message.clause_at(at)
    if c.negations or c.question or c.reported or c.conditional or c.irrealis or c.rhetorical:
        return False
    return not (c.time == "past" and c.actor in ("addressee", "third"))


@lru_cache(maxsize=64)
def _figures(texts: tuple[str, ...]) -> frozenset[float]:
    out = set()
    for text in texts:
        for found in re.finditer(r"\d[\d.,]*", text):
            number = _number(found.group(0))
            if number is not None:
                out.add(number)
    return frozenset(out)


def _case_figures(s: Scenario) -> frozenset[float]:
    """Every number the case names: in its details, facts, briefing, actions and customer lines."""
    texts = [s.briefing, *(str(v) for v in s.details.values()), *(f.is_ for f in s.facts.values()),
             *(a.label for a in s.actions.values()), *(a.result or '' for a in s.actions.values()),
             *(lk.shows for lk in s.lookups.values())]
    return _figures(tuple(str(x) for x in texts if x))


def _number(text: str) -> float | None:
    cleaned = text.rstrip(".,")
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".") if cleaned.rfind(",") > cleaned.rfind(".") \
            else cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and len(cleaned.split(",")[1]) == 2:
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "").replace(".", "") if len(cleaned.split(".")[-1]) == 3 else cleaned
    try:
        return float(cleaned)
    except ValueError:
        return None


