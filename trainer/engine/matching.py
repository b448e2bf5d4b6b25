"""Forgiving phrase matching: case, accents, punctuation and small typos don't matter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Lower-case, strip accents, drop apostrophes (didn't → didnt)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("'", "").replace("\u2019", "")


class Words(tuple):
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


def words(text: str) -> Words:
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


@lru_cache(maxsize=4096)
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
    """Patterns indexed by how their first word starts, so a message is tried only against those that could fit.

    A word matches only if it starts like the pattern word (two letters; one for a word of
    eight or more, which may have a typo in the second), so that start is a safe filter.
    """

    patterns: tuple[Pattern, ...]
    index: dict[str, tuple[int, ...]]

    def first(self, text: tuple[str, ...]) -> str | None:
        found: set[int] = set()
        for word in set(text):
            found.update(self.index.get(word[:2], ()))
            found.update(self.index.get(word[:1], ()))
        for i in sorted(found):
            if self.patterns[i].matches(text):
                return self.patterns[i].source
        return None


def _start(word: str) -> str:
    core = word.rstrip("*")
    return core[:1] if len(core) >= 8 else core[:2]


@lru_cache(maxsize=1024)
def compile_set(patterns: tuple[str, ...]) -> PatternSet:
    compiled = tuple(compile_pattern(p) for p in patterns)
    index: dict[str, list[int]] = {}
    for i, pattern in enumerate(compiled):
        if pattern.phrases:
            index.setdefault(_start(pattern.phrases[0].words[0]), []).append(i)
    return PatternSet(compiled, {k: tuple(v) for k, v in index.items()})


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
