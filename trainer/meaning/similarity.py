"""Paraphrase tolerance beyond the phrase list: a sentence that reads like one of an intent's examples.

Built at load time from the scenario's own `examples` and phrases, offline and small: each text becomes
a TF-IDF vector of its content words (by stem or concept) and their pairs, and a sentence counts for an
intent when its cosine with one of the intent's examples clears that intent's threshold. The threshold is
calibrated on the scenario itself: above how alike the other intents' examples already are to this one,
so examples that are hard to tell apart make an intent stricter rather than confused. The reason kept is
the example it resembled and how much, for the review screen.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from trainer.meaning.lexicon import lexicon
from trainer.meaning.neutral import NEUTRAL
from trainer.meaning.reading import Message, read

FLOOR = 0.12
"""No intent is recognised on less resemblance than this, however loosely its examples hang together."""
RATIO = 0.65
"""An intent counts when it comes this close to the best one: a sentence may do two things at once."""
CEILING = 0.5
QUANTILE = 0.95
NEAR = 0.15
DISTINCT = 2
"""A resemblance needs a word (or pair) that at most this many intents' examples use."""
MIN_FEATURES = 2
"""A sentence needs at least this many content words to be compared at all."""

_STOP = {
    "en": frozenset("""a an the to of in on for at by with from about as is are was were be been being am do does
        did have has had i im ive id ill me my we were weve well us our you youre your yours it its this that
        these those there here and or but so if then than just really very too also can could would should
        will shall may might must not no yes ok okay hi hello hey dear please mrs mr ms miss sir madam""".split()),
    "nl": frozenset("""de het een en of maar dat die dit deze er hier daar te van in op voor met aan bij naar om
        uit over als dan ook nog al wel niet geen is zijn was waren ben bent heb hebt heeft hebben had hadden
        wordt worden werd ik me mij mijn we wij ons onze je jij jou jouw u uw jullie ze zij hij het zal zullen
        kan kun kunt kunnen wil wilt willen zou zouden moet moeten mag hoi hallo beste dag groet geachte mevrouw
        meneer heer""".split()),
}


@dataclass(frozen=True, slots=True)
class Resemblance:
    intent: str
    score: float
    example: str
    positions: tuple[int, ...]
    """One word in each clause that carries the resemblance: every such clause must say it as meant."""


def features(message: Message, start: int, end: int) -> Counter[str]:
    """Content words of message[start:end] by concept or stem, and neighbouring pairs of them; a name is
    marked ("@daniela") so it never passes for what tells an intent apart."""
    stop = _STOP.get(message.language, _STOP["en"])
    lex = lexicon(message.language)
    units: list[str] = []
    for i in range(start, end):
        w = message.words[i]
        if len(w) < 2 or w in stop or w in lex.negators or w in lex.forward_negators or i in message.quoted \
                or w.isdigit():
            continue
        ks = message.keys[i]
        unit = min((k for k in ks if k.startswith("#")), default=None) or min(ks, key=len)
        units.append("@" + unit if i in message.proper else unit)
    out = Counter(units)
    out.update(f"{a}|{b}" for a, b in pairwise(units))
    return out



class ExampleIndex:
    """Each intent's examples as one centroid vector, with a threshold calibrated on the examples."""

    def __init__(self, docs: dict[str, tuple[str, ...]], language: str) -> None:
        self.language = language
        bags = {name: [(d, features(m := read(d, language), 0, len(m.words))) for d in texts]
                for name, texts in docs.items()}
        neutral = [features(m := read(d, language), 0, len(m.words)) for d in NEUTRAL.get(language, ())]
        df: Counter[str] = Counter()
        total = 0
        for bag in [*(bag for items in bags.values() for _, bag in items), *neutral]:
            df.update(set(bag))
            total += 1
        self._idf = {f: math.log((1 + total) / (1 + n)) + 1 for f, n in df.items()}
        self._default_idf = math.log(1 + total) + 1
        self._vectors = {
            name: [(d, v) for d, bag in items if (v := self._vector(bag))] for name, items in bags.items()
        }
        self._centroids = {name: _centroid([v for _, v in vs]) for name, vs in self._vectors.items() if vs}
        self._neutral = [v for bag in neutral if (v := self._vector(bag))]
        self._owners: dict[str, set[str]] = {}
        for name, items in bags.items():
            for _, bag in items:
                for f in bag:
                    self._owners.setdefault(f, set()).add(name)
        self.thresholds = self._calibrate()

    def _vector(self, bag: Counter[str]) -> dict[str, float]:
        v = {f: (1 + math.log(n)) * self._idf.get(f, self._default_idf) for f, n in bag.items()}
        return _unit(v)

    def _calibrate(self) -> dict[str, float]:
        """Per intent, a threshold from the scenario itself: above how alike the other intents' examples are to
        this one (all but the most alike twentieth of them), never below FLOOR."""
        out: dict[str, float] = {}
        for name, centroid in self._centroids.items():
            others = sorted(_dot(v, centroid) for other, vs in self._vectors.items() if other != name for _, v in vs)
            cut = others[int(len(others) * QUANTILE)] if others else 0.0
            out[name] = min(CEILING, max(FLOOR, cut))
        return out

    def scores(self, v: dict[str, float]) -> list[tuple[float, str]]:
        return sorted(((_dot(v, c), name) for name, c in self._centroids.items()), reverse=True)

    def nearest_example(self, name: str, v: dict[str, float]) -> tuple[float, str]:
        return max(((_dot(v, ev), d) for d, ev in self._vectors.get(name, ())), default=(0.0, ""))

    def resembles(self, message: Message, names: tuple[str, ...]) -> list[Resemblance]:
        """Per sentence of the message, the intents of `names` it resembles: above the threshold and close to
        the best match (a sentence may do two things at once)."""
        out: list[Resemblance] = []
        for start, end in _sentences(message):
            bag = features(message, start, end)
            if sum(1 for f in bag if "|" not in f and not f.startswith("@")) < MIN_FEATURES:
                continue
            v = self._vector(bag)
            ranked = self.scores(v)
            if not ranked:
                continue
            best = ranked[0][0]
            for score, name in ranked:
                if score < RATIO * best:
                    break
                if score < self.thresholds.get(name, CEILING):
                    continue
                if name in names:
                    near, example = self.nearest_example(name, v)
                    if near < NEAR or near <= max((_dot(v, n) for n in self._neutral), default=0.0):
                        continue  # closer to small talk than to any example
                    if not any(name in self._owners.get(f, ()) and len(self._owners[f]) <= DISTINCT
                               for f in v if "|" not in f and not f.startswith("@")):
                        continue  # shares only words every intent uses ("thank you", her name)
                    out.append(Resemblance(name, round(score, 2), example,
                                           self._carriers(message, start, end, self._centroids[name])))
        return out

    def _carriers(self, message: Message, start: int, end: int, centroid: dict[str, float]) -> tuple[int, ...]:
        """The clause that carries most of the resemblance, by its strongest word: it must say it as meant."""
        share: dict[int, float] = {}
        strongest: dict[int, tuple[float, int]] = {}
        for i in range(start, end):
            weight = max((centroid.get(k, 0.0) for k in message.keys[i]), default=0.0)
            if weight > 0:
                clause = message.clause_of[i]
                share[clause] = share.get(clause, 0.0) + weight
                strongest[clause] = max(strongest.get(clause, (0.0, i)), (weight, i))
        if not share:
            return (start,)
        top = max(share, key=share.__getitem__)
        return (strongest[top][1],)


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(f, 0.0) for f, x in a.items())


def _unit(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {f: x / norm for f, x in v.items()} if norm else {}


def _centroid(vectors: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for v in vectors:
        for f, x in v.items():
            total[f] = total.get(f, 0.0) + x
    return _unit(total)


def _sentences(message: Message) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for c in message.clauses:
        spans.setdefault(c.sentence, [c.start, c.end])
        spans[c.sentence][1] = c.end
    return [(s, e) for s, e in spans.values() if e > s]
