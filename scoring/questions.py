"""Her own questions, read from her messages, and whether a later reply takes them up.

Used when the rubric lists none (imported transcripts scored with a generic rubric). Deterministic
and deliberately plain: a question counts as taken up when a later reply of the trainee shares one
of its content words, or answers its kind (a `why` with a reason, a `when` with a time, a `how much`
with an amount).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.signals import phrases, said
from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.matching import normalize, word_matches, words

_HANDLE = re.compile(r"[@#]\w+")
_AMOUNT = re.compile(r"[€$£]\s?\d|\d+(?:[.,]\d+)?\s?(?:eur|euro|usd|dollar)", re.IGNORECASE)
KINDS = {
    "en": {"why": ("why", "how come"), "when": ("when", "how long"), "amount": ("how much",)},
    "nl": {"why": ("waarom", "hoe komt", "hoe kan"), "when": ("wanneer", "hoe lang"), "amount": ("hoeveel",)},
}
MIN_WORD = 4
SHARED_STEM = 5
"""Two words share a stem when their first five letters agree (refund, refunded, refunding)."""


@dataclass(frozen=True, slots=True)
class Asked:
    turn: int
    text: str
    """The question, as she wrote it (her handle taken out)."""
    keywords: tuple[str, ...]
    kind: str | None


def her_questions(t: Transcript) -> list[Asked]:
    """Every distinct question in her lines, in order (a repeated question counts once, when first asked)."""
    stop = set(phrases(t.language, "stop"))
    kinds = KINDS.get(t.language) or KINDS["en"]
    out: list[Asked] = []
    seen: set[tuple[str, ...]] = set()
    for line in t.customer_lines:
        for sentence in split_sentences(_HANDLE.sub("", line.text)):
            if not sentence.rstrip().endswith("?"):
                continue
            found = words(sentence)
            key = tuple(found)
            if not found or key in seen:
                continue
            seen.add(key)
            keywords = tuple(dict.fromkeys(w for w in found if len(w) >= MIN_WORD and w not in stop))
            kind = next((k for k, starts in kinds.items() if _opens_with(found, starts)), None)
            out.append(Asked(line.turn, sentence.strip(), keywords, kind))
    return out


def _opens_with(found: tuple[str, ...], starts: tuple[str, ...]) -> bool:
    head = " ".join(found[:6])
    return any(f" {s} " in f" {head} " for s in starts)


def answer_to(asked: Asked, t: Transcript) -> Turn | None:
    """The trainee's first reply after the question that takes it up, if any."""
    for m in t.messages:
        if m.turn > asked.turn and _takes_up(asked, m, t.language):
            return m
    return None


def _takes_up(asked: Asked, m: Turn, language: str) -> bool:
    if not asked.keywords and asked.kind is None:
        return True  # "Anyone there?": any reply answers it
    if any(_same_word(k, w) for k in asked.keywords for w in m.words):
        return True
    if asked.kind == "why":
        return said("because", m.message) is not None
    if asked.kind == "when":
        return said("time", m.message) is not None
    if asked.kind == "amount":
        return _AMOUNT.search(normalize(m.text)) is not None
    return False


def _same_word(keyword: str, word: str) -> bool:
    if len(keyword) >= SHARED_STEM and len(word) >= SHARED_STEM and keyword[:SHARED_STEM] == word[:SHARED_STEM]:
        return True
    return word_matches(keyword, word)
