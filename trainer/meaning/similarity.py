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

from trainer.meaning.lexicon import lexicon
from trainer.meaning.reading import Message, read

FLOOR = 0.5
"""No intent is recognised on less resemblance than this, however distinct its examples are."""
MARGIN = 0.12
"""How far above the nearest other intent's examples a sentence must come."""
CEILING = 0.8
MIN_FEATURES = 2
"""A sentence needs at least this many content words to be compared at all."""

_STOP = {
    "en": frozenset("""a an the to of in on for at by with from about as is are was were be been being am do does
        did have has had i im ive id ill me my we were weve well us our you youre your yours it its this that
        these those there here and or but so if then than just really very too also can could would should
        will shall may might must not no yes ok okay hi hello hey dear please thanks thank""".split()),
    "nl": frozenset("""de het een en of maar dat die dit deze er hier daar te van in op voor met aan bij naar om
        uit over als dan ook nog al wel niet geen is zijn was waren ben bent heb hebt heeft hebben had hadden
        wordt worden werd ik me mij mijn we wij ons onze je jij jou jouw u uw jullie ze zij hij het zal zullen
        kan kun kunt kunnen wil wilt willen zou zouden moet moeten mag hoi hallo beste dag groet""".split()),
}


@dataclass(frozen=True, slots=True)
class Resemblance:
    intent: str
    score: float
    example: str
    position: int
    """The word of the sentence that weighs most in the resemblance: where its clause is read."""


def features(message: Message, start: int, end: int) -> Counter[str]:
    """Content words of message[start:end] by concept or stem, and neighbouring pairs of them."""
    stop = _STOP.get(message.language, _STOP["en"])
    lex = lexicon(message.language)
    units: list[str] = []
    for i in range(start, end):
        w = message.words[i]
        if w in stop or w in lex.negators or w in lex.forward_negators or i in message.quoted or w.isdigit():
            continue
        ks = message.keys[i]
        units.append(min((k for k in ks if k.startswith("#")), default=None) or min(ks, key=len))
    out = Counter(units)
    out.update(f"{a}|{b}" for a, b in zip(units, units[1:]))
    return out


class ExampleIndex:
    """An intent's examples as vectors, with a threshold per intent."""

    def __init__(self, docs: dict[str, tuple[str, ...]], language: str) -> None:
        self.language = language
        bags = {name: [(d, features(m := read(d, language), 0, len(m.words))) for d in texts]
                for name, texts in docs.items()}
        df: Counter[str] = Counter()
        total = 0
        for items in bags.values():
            for _, bag in items:
                df.update(set(bag))
                total += 1
        self._idf = {f: math.log((1 + total) / (1 + n)) + 1 for f, n in df.items()}
        self._default_idf = math.log(1 + total) + 1
        self._vectors = {
            name: [(d, v) for d, bag in items if (v := self._vector(bag))] for name, items in bags.items()
        }
        self.thresholds = {name: self._calibrate(name) for name in self._vectors}

    def _vector(self, bag: Counter[str]) -> dict[str, float]:
        v = {f: (1 + math.log(n)) * self._idf.get(f, self._default_idf) for f, n in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {f: x / norm for f, x in v.items()} if norm else {}

    def _calibrate(self, name: str) -> float:
        nearest = 0.0
        for other, vectors in self._vectors.items():
            if other == name:
                continue
            for _, v in vectors:
                nearest = max(nearest, self._best(name, v)[0])
        return min(CEILING, max(FLOOR, nearest + MARGIN))

    def _best(self, name: str, v: dict[str, float]) -> tuple[float, str]:
        best, example = 0.0, ""
        for d, ev in self._vectors.get(name, ()):
            score = sum(x * ev.get(f, 0.0) for f, x in v.items())
            if score > best:
                best, example = score, d
        return best, example

    def resembles(self, message: Message, names: tuple[str, ...]) -> list[Resemblance]:
        """Per sentence of the message, the intents of `names` it resembles enough."""
        out: list[Resemblance] = []
        for start, end in _sentences(message):
            bag = features(message, start, end)
            if sum(1 for f in bag if "|" not in f) < MIN_FEATURES:
                continue
            v = self._vector(bag)
            for name in names:
                score, example = self._best(name, v)
                if score >= self.thresholds.get(name, 1.0):
                    out.append(Resemblance(name, round(score, 2), example, self._anchor(message, start, end, v)))
        return out

    def _anchor(self, message: Message, start: int, end: int, v: dict[str, float]) -> int:
        best, at = -1.0, start
        for i in range(start, end):
            ks = message.keys[i]
            weight = max((v.get(k, 0.0) for k in ks), default=0.0)
            if weight > best:
                best, at = weight, i
        return at


def _sentences(message: Message) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for c in message.clauses:
        spans.setdefault(c.sentence, [c.start, c.end])
        spans[c.sentence][1] = c.end
    return [(s, e) for s, e in spans.values() if e > s]
