"""Forgiving phrase matching: case, accents, punctuation and small typos don't matter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Lower-case, strip accents, drop apostrophes (didn't → didnt)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("'", "").replace("\u2019", "")


class Words(tuple[str, ...]):
    """A message's normalised words, indexed by first letter: every match agrees on it."""

    @property
    def by_initial(self) -> dict[str, list[int]]:
        index = self.__dict__.get("_index")
        if index is None:
            index = {}
            for i, word in enumerate(self):
                index.setdefault(word[0], []).append(i)
            self.__dict__["_index"] = index
        return index

    @property
    def keys(self) -> frozenset[tuple[str, object]]:
        """What a pattern index is keyed on (see `gates`), for every word of the message."""
        found = self.__dict__.get("_keys")
        if found is None:
            found = frozenset(_text_keys(self))
            self.__dict__["_keys"] = found
        return found


@lru_cache(maxsize=16384)
def words(text: str) -> Words:
    """The text's normalised words (remembered: scoring asks for the same texts' words often)."""
    return Words(_WORD.findall(normalize(text)))


def _typos_allowed(word: str) -> int:
    """Short words must be spelt right; long ones may have one slip, very long ones two."""
    if len(word) >= 10:
        return 2
    if len(word) >= 4:
        return 1
    return 0


def _close(pattern: str, word: str) -> bool:
    """A typo, not another word: the start agrees, and the edits are few (a swap counts once)."""
    allowed = _typos_allowed(pattern)
    if not allowed or len(word) < 4 or abs(len(pattern) - len(word)) > allowed:
        return False
    keep = 1 if len(pattern) >= 8 else 2
    if word[:keep] != pattern[:keep]:
        return False
    return OSA.distance(pattern, word, score_cutoff=allowed) <= allowed


@lru_cache(maxsize=65536)
def word_matches(pattern: str, word: str) -> bool:
    """One pattern word against one text word; `apolog*` matches any ending."""
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return word.startswith(stem) or (len(stem) >= 5 and _close(stem, word[: len(stem)]))
    return pattern == word or _close(pattern, word)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Consecutive words, e.g. `must have been`."""

    words: tuple[str, ...]

    def find(self, text: tuple[str, ...]) -> int | None:
        """Index of the first place the phrase occurs in the text's words, if any."""
        n, first = len(self.words), self.words[0]
        last = len(text) - n
        if isinstance(text, Words) and not first.startswith("*"):
            starts: Iterable[int] = text.by_initial.get(first[0], ())
        else:
            starts = range(last + 1)
        if n == 1:
            return next((i for i in starts if word_matches(first, text[i])), None)
        for i in starts:
            if i > last:
                break
            if all(word_matches(p, w) for p, w in zip(self.words, text[i : i + n])):
                return i
        return None


@dataclass(frozen=True, slots=True)
class Pattern:
    """Phrases that must all occur (`sorry + seat`), anywhere in the message."""

    source: str
    phrases: tuple[Phrase, ...]

    def matches(self, text: tuple[str, ...]) -> bool:
        return all(p.find(text) is not None for p in self.phrases)


@lru_cache(maxsize=65536)
def compile_pattern(source: str) -> Pattern:
    phrases = []
    for part in source.split("+"):
        tokens: list[str] = []
        for raw in part.split():
            found = _WORD.findall(normalize(raw))
            if found and raw.endswith("*"):
                found[-1] += "*"
            tokens.extend(found)
        if tokens:
            phrases.append(Phrase(tuple(tokens)))
    return Pattern(source, tuple(phrases))


@dataclass(frozen=True, slots=True)
class PatternSet:
    """Patterns indexed by what their first word needs of a message, so a message is tried only against
    those that could fit: a short word needs itself; a longer one a word that starts the same way and
    is about as long (a typo keeps the start and changes the length by at most what it allows); a stem
    (`apolog*`) a word that starts the same way."""

    patterns: tuple[Pattern, ...]
    index: dict[tuple[str, object], tuple[int, ...]]
    keys: frozenset[tuple[str, object]]

    def first(self, text: tuple[str, ...]) -> str | None:
        keys = self.keys & (text.keys if isinstance(text, Words) else frozenset(_text_keys(text)))
        if not keys:
            return None
        for i in sorted({i for key in keys for i in self.index[key]}):
            if self.patterns[i].matches(text):
                return self.patterns[i].source
        return None


def gates(word: str) -> list[tuple[str, object]]:
    """The keys under which a pattern whose first word is `word` is indexed."""
    if word.endswith("*"):
        stem = word[:-1]
        return [(stem[:1] if len(stem) >= 8 else stem[:2], "*")]
    allowed = _typos_allowed(word)
    if not allowed:
        return [("=", word)]
    keep = 1 if len(word) >= 8 else 2
    return [(word[:keep], n) for n in range(len(word) - allowed, len(word) + allowed + 1)]


def _text_keys(text: tuple[str, ...]) -> Iterator[tuple[str, object]]:
    for w in set(text):
        yield ("=", w)
        yield (w[:1], len(w))
        yield (w[:2], len(w))
        yield (w[:1], "*")
        yield (w[:2], "*")


@lru_cache(maxsize=16384)
def compile_set(patterns: tuple[str, ...]) -> PatternSet:
    compiled = tuple(compile_pattern(p) for p in patterns)
    index: dict[tuple[str, object], list[int]] = {}
    for i, pattern in enumerate(compiled):
        if pattern.phrases:
            for key in gates(pattern.phrases[0].words[0]):
                index.setdefault(key, []).append(i)
    return PatternSet(compiled, {k: tuple(v) for k, v in index.items()}, frozenset(index))


def matches_any(patterns: tuple[str, ...], text_words: tuple[str, ...]) -> str | None:
    """The first pattern that matches, if any."""
    try:
        return compile_set(patterns).first(text_words)
    except TypeError:  # an unhashable list of patterns: no index
        for source in patterns:
            pattern = compile_pattern(source)
            if pattern.phrases and pattern.matches(text_words):
                return source
        return None
