"""Words compared by stem and by kin: refunding = refunded = refund; terugbetaald = terugbetalen.

The Snowball stemmers (snowballstemmer; compiled by PyStemmer where installed) do the suffixes; Dutch
gets two touches they lack: long vowels undoubled (betaal/betal) and the participle's final d/t as an
alternative (terugbetaald → terugbetaal). A word's keys are its stem, those variants, and the concept
of `concepts.CONCEPTS` it belongs to ("#reimburse" for refund, repay, reimburse …).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from trainer.meaning.concepts import CONCEPTS

_STEMMERS = {"en": "english", "nl": "dutch"}
_DOUBLE = re.compile(r"(aa|ee|oo|uu)(?=[^aeiou]*$)")
MIN_STEMMED = 4
"""Shorter words are compared as they are: their stems say too little ("us" ~ "use")."""


class _Stemmer(Protocol):
    """What snowballstemmer gives (it ships no types)."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802 - the library's name


@lru_cache(maxsize=4)
def _stemmer(language: str) -> _Stemmer:
    import snowballstemmer  # small; imported on first use so start-up pays nothing

    stemmer: _Stemmer = snowballstemmer.stemmer(_STEMMERS.get(language, "english"))
    return stemmer


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    if len(word) < MIN_STEMMED or not word.isalpha():
        return word
    out = _stemmer(language).stemWord(word)
    if language == "nl":
        out = _DOUBLE.sub(lambda m: m.group(1)[0], out)
    return out


@lru_cache(maxsize=65536)
def keys(word: str, language: str) -> frozenset[str]:
    """What the word may be matched on: its stem, a Dutch participle's root, and its concept."""
    found = {stem(word, language)}
    if language == "nl" and len(word) >= 6 and word[-1] in "dt" and word[-2] not in "dt":
        found.add(stem(word[:-1], language))
    concept = _concepts(language).get(stem(word, language))
    if concept:
        found.add(concept)
    return frozenset(found)


@lru_cache(maxsize=4)
def _concepts(language: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for group in CONCEPTS.get(language, ()):
        name = "#" + group[0]
        for member in group:
            table.setdefault(stem(member.replace("-", ""), language), name)
    return table
