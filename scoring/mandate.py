"""Promises beyond the mandate: money over what any action may give, things the mandate does not list.

An amount counts when it is given or promised ("I'll get you €600 each", "you're entitled to €250") in a
clause said as meant, is not a figure the case itself names (her €160, the €400 the rules set), and is
more than the largest amount any of the scenario's actions may move. A thing counts when it is a perk no
action or mandate line names ("an upgrade to business class", "a free flight").
"""

from __future__ import annotations

import re
from functools import lru_cache

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
_AMOUNT = re.compile(r"€\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(?:€|euros?|eur)\b", re.IGNORECASE)


def overpromises(t: Transcript, s: Scenario) -> list[tuple[Turn, str, str, dict]]:
    """(message, quoted phrase, text key, values) for each promise beyond the mandate, one per message."""
    return t.once("overpromises", lambda: _overpromises(t, s))


def _overpromises(t: Transcript, s: Scenario) -> list[tuple[Turn, str, str, dict]]:
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


def _beyond(m: Turn, language: str, limit: float | None, known: frozenset[float], allowed: str):
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
                return written, "overpromise.none", {"amount": amount}
            if amount > limit:
                return written, "overpromise.amount", {"amount": amount, "limit": limit}
        text = " ".join(said)
        for perk in PERKS.get(language, PERKS["en"]):
            if f" {perk} " in f" {text} " and perk not in allowed:
                return perk, "overpromise.thing", {"thing": perk}
    return None


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


