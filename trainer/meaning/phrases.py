"""Finding a lexicon's phrases in a stretch of words, and the pseudo-negations that are no negation."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from trainer.meaning.clause import FILLERS, Clause
from trainer.meaning.lexicon import Lexicon


@lru_cache(maxsize=256)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        parts = tuple(p.split())
        index.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in index.items()}


def occurrences(words: list[str], start: int, end: int, phrases: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Where each phrase starts in words[start:end], with its length in words."""
    index = _phrase_index(phrases)
    if index.keys().isdisjoint(words[start:end]):  # most lists have no first word here: skip at C speed
        return
    for i in range(start, end):
        for parts in index.get(words[i], ()):
            if i + len(parts) <= end and tuple(words[i : i + len(parts)]) == parts:
                yield i, len(parts)


def has_any(words: list[str], start: int, end: int, phrases: tuple[str, ...]) -> bool:
    return next(occurrences(words, start, end, phrases), None) is not None


def starts_with_any(words: list[str], c: Clause, phrases: tuple[str, ...]) -> bool:
    i = c.start
    while i < c.end - 1 and words[i] in FILLERS:
        i += 1
    return any(pos == i for pos, _ in occurrences(words, i, c.end, phrases))


def pseudo_positions(words: list[str], lex: Lexicon) -> set[int]:
    """Positions of negation words that belong to a pseudo-negation ("no problem"): not triggers. Also the
    Dutch "had nooit … mogen": "should never have" admits a fault, it denies nothing."""
    off: set[int] = set()
    for i, length in occurrences(words, 0, len(words), lex.pseudo_negations):
        off.update(range(i, i + length))
    for i, w in enumerate(words):
        if w in ("niet", "nooit") and any(x in ("had", "hadden", "zou", "zouden") for x in words[max(0, i - 4):i]) \
                and any(x in ("mogen", "moeten", "gemogen", "gemoeten") for x in words[i + 1:i + 7]):
            off.add(i)
    return off
