"""Phrase patterns found in a read message: by spelling, typo, stem or kin, and only where the clause says it.

The pattern syntax is the scenario format's (`a + b`: both, anywhere in the message; `stem*`: any
ending). A pattern counts at the first place its first phrase occurs in a clause that `stance.accepts`;
negation words inside the pattern itself ("shouldn't have happened") are the author's and don't negate it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from trainer.meaning.matching import Pattern, Phrase, compile_pattern, gates, word_matches
from trainer.meaning.reading import Message, read
from trainer.meaning.stance import MENTION, Kind, Stance, accepts
from trainer.meaning.stems import keys as word_keys
from trainer.meaning.stems import stem


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a pattern was found, and why it counts."""

    source: str
    position: int


@lru_cache(maxsize=16384)
def _pattern_word_keys(word: str, language: str) -> frozenset[str]:
    """A pattern word matches by stem, not by kin: an author's phrase stays what it says ("corrected" is
    not "fixed"); kin only widens the resemblance to examples (see `similarity`)."""
    if word.endswith("*") or len(word) < 4:
        return frozenset()
    return frozenset(k for k in word_keys(word, language) if not k.startswith("#"))


def _fits(p: str, i: int, message: Message) -> bool:
    w = message.words[i]
    if word_matches(p, w):
        return True
    pk = _pattern_word_keys(p, message.language)
    return bool(pk and pk & message.keys[i]) and _inflection(p, w, message.language)


_SKIPPABLE = frozenset("""exactly actually really just all also still even ever then so very truly quite the a an it
    this that your our my me us him her them was were is are been has have had be being precies echt nu even wel
    ook nog al eigenlijk gewoon het de een er je u ons mij hem haar was is zijn werd wordt""".split())
"""What may stand inside a phrase ("what exactly happened", "the aircraft was swapped"): small words that
change no meaning; never a noun ("your passport number" is no "your number") and never a negation."""
_INFLECTIONS = frozenset({"", "s", "es", "ed", "d", "ing", "e", "er", "ers", "est"})


@lru_cache(maxsize=65536)
def _inflection(pattern: str, word: str, language: str) -> bool:
    """Two English words of one stem match when both are forms of it, not derivations: "logged" is
    "logging", but "corrected" is no "correction" and "refunding" no "refundable"."""
    root = stem(pattern, language)
    if language != "en":
        # Dutch: a verb's forms, not its noun or adjective: "terugbetaald" is "terugbetalen", but
        # "terugbetaling" is not, nor is "geldig" "geld"
        if pattern.endswith(_NOUNS_NL) != word.endswith(_NOUNS_NL):
            return False
        return all(x[len(root):] in _INFLECTIONS_NL for x in (pattern, word) if x.startswith(root))
    if not (pattern.startswith(root) and word.startswith(root)):
        return True
    return all(_inflected(x[len(root):], root) for x in (pattern, word))


_NOUNS_NL = ("ing", "ingen")
_INFLECTIONS_NL = frozenset({"", "e", "en", "t", "d", "de", "te", "den", "ten", "s", "es", "er", "ere", "st", "ste",
                             "n", "ne", "nen"})


def _inflected(ending: str, root: str) -> bool:
    if ending and root and ending[0] == root[-1]:  # a doubled consonant: log → logging
        ending = ending[1:]
    return ending in _INFLECTIONS


def positions(phrase: Phrase, message: Message) -> Iterator[tuple[int, int]]:
    """Every place the phrase occurs, as (start, end): one extra word may stand inside a phrase of two or
    more ("what exactly happened", "the aircraft was swapped"), within one clause and never a negation."""
    words, n = message.words, len(phrase.words)
    for i in range(len(words) - n + 1):
        if not _fits(phrase.words[0], i, message):
            continue
        end = _rest(phrase.words, 1, i + 1, message, skips=1 if n >= 2 else 0, clause=message.clause_of[i])
        if end is not None:
            yield i, end


def _rest(pattern: tuple[str, ...], k: int, i: int, message: Message, skips: int, clause: int) -> int | None:
    if k == len(pattern):
        return i
    if i >= len(message.words):
        return None
    if _fits(pattern[k], i, message):
        found = _rest(pattern, k + 1, i + 1, message, skips, clause)
        if found is not None:
            return found
    skipped = message.words[i]
    if skips and message.clause_of[i] == clause and skipped in _SKIPPABLE \
            and i + 1 < len(message.words) and _fits(pattern[k], i + 1, message):
        return _rest(pattern, k + 1, i + 2, message, 0, clause)
    return None



@dataclass(frozen=True, slots=True)
class Matcher:
    """A list of patterns, indexed by what their first word needs of a message."""

    patterns: tuple[Pattern, ...]
    index: dict[tuple[str, object], tuple[int, ...]]
    language: str
    keys: frozenset[tuple[str, object]] = frozenset()

    def candidates(self, message: Message) -> list[int]:
        found: set[int] = set()
        index = self.index
        for key in self.keys.intersection(_message_gates(message.text, message.language)):
            found.update(index[key])
        return sorted(found)

    def find(self, message: Message, stance: Stance = MENTION) -> Hit | None:
        """The first pattern (in the author's order) that the message expresses, if any."""
        for i in self.candidates(message):
            hit = _find_one(self.patterns[i], message, stance)
            if hit is not None:
                return hit
        return None


def _find_one(pattern: Pattern, message: Message, stance: Stance) -> Hit | None:
    if not pattern.phrases:
        return None
    firsts = list(positions(pattern.phrases[0], message))
    if not firsts:
        return None
    for at, end in firsts:
        spans = [range(at, end)]
        for phrase in pattern.phrases[1:]:
            span = next((s for s in positions(phrase, message) if _supports(message, at, s, stance)), None)
            if span is None:
                return None
            spans.append(range(*span))
        if stance.kind is not Kind.MENTION and any(all(i in message.quoted for i in s) for s in spans):
            continue
        ignore = frozenset(i for span in spans for i in span)
        if accepts(message, at, stance, ignore):
            return Hit(pattern.source, at)
    return None


def _supports(message: Message, anchor: int, span: tuple[int, int], stance: Stance) -> bool:
    """Another phrase of the pattern backs the first one unless a later sentence denies it ("thank you. I know
    you did not accept" is no thanks for accepting); within the sentence the first phrase's clause decides."""
    if stance.kind is Kind.MENTION or message.clause_at(anchor).sentence == message.clause_at(span[0]).sentence:
        return True
    return not message.clause_at(span[0]).negated_at(span[0], frozenset(range(*span)))


@lru_cache(maxsize=4096)
def _message_gates(text: str, language: str) -> frozenset[tuple[str, object]]:
    message = read(text, language)
    out: set[tuple[str, object]] = set()
    for w, ks in zip(message.words, message.keys):
        out.update((("=", w), (w[:1], len(w)), (w[:2], len(w)), (w[:1], "*"), (w[:2], "*")))
        out.update(("~", k) for k in ks)
    return frozenset(out)


@lru_cache(maxsize=16384)
def matcher(patterns: tuple[str, ...], language: str) -> Matcher:
    compiled = tuple(compile_pattern(p) for p in patterns)
    index: dict[tuple[str, object], list[int]] = {}
    for i, pattern in enumerate(compiled):
        if not pattern.phrases:
            continue
        first = pattern.phrases[0].words[0]
        for key in [*gates(first), *(("~", k) for k in _pattern_word_keys(first, language))]:
            index.setdefault(key, []).append(i)
    return Matcher(compiled, {k: tuple(v) for k, v in index.items()}, language, frozenset(index))


def clauses_with(patterns: tuple[str, ...], message: Message) -> set[int]:
    """The clauses in which any of the patterns' first phrases occurs."""
    m = matcher(tuple(patterns), message.language)
    return {message.clause_of[at] for i in m.candidates(message)
            for at, _ in positions(m.patterns[i].phrases[0], message)}


def find(patterns: tuple[str, ...], message: Message, stance: Stance = MENTION) -> Hit | None:
    return matcher(tuple(patterns), message.language).find(message, stance)
