"""Which of the game's languages a text is written in, by its small words (enough for a chat turn).

The one place that guesses a language: the scorer's ceilings, the trade detector and the generic rubric
for imported transcripts all ask here."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.meaning.matching import words

_SMALL = {
    "en": frozenset("""the a an and is are was were you your i we our it this that to of in for with have has be
        will not can do did what how why sorry thanks thank please so but my me us they there here on at by as
        if or he she her his its them their from about im ive ill id youre youll youve weve theyre dont cant
        wont didnt isnt wasnt""".split()),
    "nl": frozenset("""de het een en is zijn was waren je jij jouw u uw ik we wij ons onze dit dat te van in voor
        met heb hebt heeft niet kan wat hoe waarom sorry bedankt dank graag maar mijn me er hier ook nog wel op
        aan bij als hij zij ze haar om uit naar dan door al""".split()),
}
MIN_WORDS = 4
"""Fewer small words than this tell nothing."""


def _counts(texts: Iterable[str]) -> dict[str, int]:
    counts = dict.fromkeys(_SMALL, 0)
    for text in texts:
        for w in words(text):
            for lang, small in _SMALL.items():
                counts[lang] += w in small
    return counts


def language_of(text: str) -> str | None:
    """"en" or "nl" when the message's small words clearly say so; None when too short or mixed."""
    (best, top), (_, second) = sorted(_counts((text,)).items(), key=lambda x: -x[1])
    if top < MIN_WORDS or top < 2 * second:
        return None
    return best


def guess_language(texts: Iterable[str]) -> str:
    """"nl" when the texts have more Dutch than English small words, else "en" (always an answer)."""
    counts = _counts(texts)
    return "nl" if counts["nl"] > counts["en"] else "en"


def small_word_share(text: str) -> float:
    """The share of a message's words that are small words (of the language it has most of): sentences have
    many, a third or more; a heap of keywords almost none."""
    found = words(text)
    if not found:
        return 0.0
    return max(sum(1 for w in found if w in small) for small in _SMALL.values()) / len(found)
