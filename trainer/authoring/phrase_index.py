"""Which `match:` phrases of a scenario are alike, found through indexes instead of by comparing every pair.

Two phrases are alike when they are the same (once normalised), when a message with one always
shows the other ("contains"), or when they are spelt nearly alike ("typo"); `alike` says which.
`alike_pairs` finds every alike pair with three indexes, one per way, each giving a few candidates
that `alike` then checks, so that thousands of phrases take seconds, not hours:

- the same: phrases grouped by their normalised form;
- contains: each phrase filed under one of its words, the rarest (every word of a phrase must occur
  in a message that shows it, each under one of the keys the matcher's own index uses, `gates`);
- typo: each phrase filed under its rarest letter pairs, as many as guarantee that two phrases
  close enough to count share one (a "prefix filter": spelling nearly alike means sharing most
  letter pairs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from trainer.meaning.matching import (
    _typos_allowed,
    compile_pattern,
    gates,
    normalize,
    word_matches,
    words,
)
from trainer.scenario.lint import phrase_text

NEAR = 90
"""Similarity (0–100, rapidfuzz ratio of the normalised phrases) from which two phrases count as near-identical."""


def plain(pattern: str) -> str:
    """A phrase normalised: case, accents, spacing and the order of its `+` parts don't matter."""
    parts = sorted(" ".join(normalize(p).split()) for p in pattern.split("+"))
    return " + ".join(parts)


def alike(a: str, b: str) -> str:
    """How phrase `b` is like phrase `a`: "same", "contains" (a message with b always shows a),
    "typo" (spelt nearly alike, though the matcher tells them apart), or ""."""
    return _alike(a, b, plain(a), plain(b))


def _alike(a: str, b: str, ta: str, tb: str) -> str:
    if ta == tb:
        return "same"
    if compile_pattern(a).matches(words(phrase_text(b))):
        return "contains"
    return "typo" if _typo(ta, tb) else ""


def _typo(ta: str, tb: str) -> bool:
    wa, wb = ta.split(), tb.split()
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    return (len(wa) == len(wb) and all(min(len(x), len(y)) >= 5 for x, y in differ)
            and fuzz.ratio(ta, tb) >= NEAR)


def alike_pairs(phrases: Sequence[str]) -> dict[tuple[int, int], str]:
    """Every ordered pair (i, j) of positions in `phrases`, i ≠ j, with `alike(phrases[i], phrases[j])`
    not empty, and what it is: the same answers as asking `alike` of every pair."""
    plains = [plain(p) for p in phrases]
    out: dict[tuple[int, int], str] = {}
    same: dict[str, list[int]] = {}
    for i, t in enumerate(plains):
        same.setdefault(t, []).append(i)
    for group in same.values():
        out.update(((i, j), "same") for i in group for j in group if i != j)
    contains = {(i, j) for i, j in _containing(phrases) if (i, j) not in out
                and compile_pattern(phrases[i]).matches(words(phrase_text(phrases[j])))}
    out.update(dict.fromkeys(contains, "contains"))
    for i, j in _spelt_alike(plains):
        if (i, j) not in out and _typo(plains[i], plains[j]):
            out[(i, j)] = "typo"  # not "contains": every pair that is was found above
    return out


def _containing(phrases: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs (i, j) where a message with phrase j shows phrase i (`Pattern.matches`), found word by word: each
    phrase i is looked up by its rarest word only, among the distinct words of all the messages, through
    `_pattern_keys` and `_word_keys`; only the messages holding a word it matches are then matched whole."""
    texts = [words(phrase_text(p)) for p in phrases]
    holders: dict[str, list[int]] = {}  # each distinct message word: the messages that hold it
    for j, text in enumerate(texts):
        for w in set(text):
            holders.setdefault(w, []).append(j)
    index: dict[tuple, list[str]] = {}
    for w in holders:
        for key in _word_keys(w):
            index.setdefault(key, []).append(w)
    out: set[tuple[int, int]] = set()
    for i, source in enumerate(phrases):
        pattern = compile_pattern(source)
        every = {w for phrase in pattern.phrases for w in phrase.words}
        if not every:  # no words at all: it matches every message
            out.update((i, j) for j in range(len(phrases)) if j != i)
            continue
        keys = {p: _pattern_keys(p, index) for p in every}
        rarest = min(every, key=lambda p: (sum(len(index.get(k, ())) for k in keys[p]), p))
        found = {w for k in keys[rarest] for w in index.get(k, ()) if word_matches(rarest, w)}
        for j in {j for w in found for j in holders[w]}:
            if j != i and pattern.matches(texts[j]):
                out.add((i, j))
    return out


def _pattern_keys(p: str, index: dict[tuple, list[str]]) -> list[tuple]:
    """Keys under which every message word that `word_matches(p, word)` is filed (`_word_keys`).

    Like the matcher's own `gates`, but a word of 8 letters or more, whose typos need keep only its first
    letter, is known by more than that: with `a` typos allowed (an edit distance of at most 2a), it shares
    at least len − 1 − 4a letter pairs with the word (Ukkonen), so one of any 4a + 1 of its pairs: the
    rarest in `index` are taken. The same holds for a stem (`frustrat*`) of 8 letters or more and the
    first letters of the word."""
    stem = p.endswith("*")
    core = p[:-1] if stem else p
    if len(core) < 8:
        return [("*", core[:2])] if stem else gates(p)
    a = _typos_allowed(core)
    keys = [("1", core[0], g) for g in _letter_pairs(core)]
    return sorted(keys, key=lambda k: (len(index.get(k, ())), k))[: 4 * a + 1]


def _word_keys(w: str) -> list[tuple]:
    """The keys a message word is filed under; see `_pattern_keys`."""
    keys: list[tuple] = [("=", w), (w[:1], len(w)), (w[:2], len(w)), ("*", w[:1]), ("*", w[:2])]
    keys += [("1", w[0], g) for g in _letter_pairs(w)]
    return keys


def _letter_pairs(w: str) -> list[tuple[str, int]]:
    """The word's letter pairs, each with how many times it came before (a multiset as a set)."""
    seen: Counter[str] = Counter()
    out = []
    for k in range(len(w) - 1):
        pair = w[k : k + 2]
        out.append((pair, seen[pair]))
        seen[pair] += 1
    return out


def _spelt_alike(plains: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs that may be typos of each other (`_typo`): as many words, a word of 5 letters or more, and a
    ratio of NEAR or more.

    That ratio allows d ≤ s·(|a| + |b|) insertions and deletions, s = 1 − NEAR/100, so the lengths differ
    by at most that, and (Ukkonen's q-gram lemma) the two share at least max(|a|, |b|) − (q − 1) − q·d
    runs of q letters: at least need = |a|·(1 − 2qs) − (q − 1), whatever the other's length. Filed under
    its rarest (count − need + 1) runs, a phrase shares one of them with every phrase close enough to it
    (a prefix filter), and only such pairs are compared. Runs of 3 letters tell phrases apart far better
    than pairs, but guarantee a shared one only from 8 letters on; shorter phrases go by pairs."""
    out: set[tuple[int, int]] = set()
    eligible = [i for i, t in enumerate(plains) if len(t) >= 5]  # `_typo` wants a word of 5 letters
    for q, lengths in ((2, range(5, 10)), (3, range(8, 10**9))):
        out |= _sharing_a_run(plains, [i for i in eligible if len(plains[i]) in lengths], q)
    s = 100 - NEAR
    return {(i, j) for i, j in out if 100 * abs(len(plains[i]) - len(plains[j])) <= s * (len(plains[i]) + len(plains[j]))}


def _sharing_a_run(plains: Sequence[str], which: list[int], q: int) -> set[tuple[int, int]]:
    """Pairs of `which` (both ways) with as many words that share one of their rarest runs of q letters."""
    s = 100 - NEAR
    runs: dict[int, list[tuple[int, str, int]]] = {}
    for i in which:
        t, n = plains[i], len(plains[i].split())
        seen: Counter[str] = Counter()
        mine = []
        for k in range(len(t) - q + 1):
            run = t[k : k + q]
            mine.append((n, run, seen[run]))  # its n-th occurrence: the multiset as a set
            seen[run] += 1
        runs[i] = mine
    df = Counter(r for mine in runs.values() for r in mine)
    index: dict[tuple[int, str, int], list[int]] = {}
    for i, mine in runs.items():
        need = (len(plains[i]) * (100 - 2 * q * s) - 100 * (q - 1)) // 100
        assert need >= 1, "a phrase too short for its runs"
        for r in sorted(mine, key=lambda r: (df[r], r))[: len(mine) - need + 1]:
            index.setdefault(r, []).append(i)
    out: set[tuple[int, int]] = set()
    for group in index.values():
        out.update((i, j) for i in group for j in group if i != j)
    return out
