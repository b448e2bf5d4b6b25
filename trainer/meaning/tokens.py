"""A message's words, cut into sentences: where clauses must end, what is quoted, what is capitalised."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from trainer.meaning.matching import normalize

_TOKEN = re.compile(
    r"(?P<w>[^\W_]+(?:['’][^\W_]+)*)"
    r"|(?P<end>[.!?…]+(?=\s|$|[\"'”’)]))"
    r"|(?P<q>[?])"
    r"|(?P<nl>\n)"
    r"|(?P<cut>[;()\[\]—–]|[,:](?!\d)|\s-\s|/)"
    r"|(?P<quote>[\"“”«»]|(?<![^\W_])['‘’]|['‘’](?![^\W_]))"
)
_PIECE = re.compile(r"[a-z0-9]+")
_ABBREVIATIONS = frozenset("e g i mr mrs ms dr nr no st vs etc ca bijv o a d w z m b v dhr mevr".split())


@dataclass
class Tokens:
    """The words of a text, and what its punctuation says about them."""

    words: list[str] = field(default_factory=list)
    raw_of: list[str] = field(default_factory=list)
    """Per word: the token it came from, case-folded ("e-mail" for both "e" and "mail")."""
    capital: list[bool] = field(default_factory=list)
    cuts: set[int] = field(default_factory=set)
    """Positions before which a clause ends (punctuation)."""
    quoted: set[int] = field(default_factory=set)
    sentences: list[tuple[int, int, bool]] = field(default_factory=list)
    """(start, end, ended with a question mark) per sentence."""


def tokenise(text: str) -> Tokens:
    """The words of `text`, its sentences, its clause cuts and its quotations."""
    tokens = Tokens()
    words, quoted = tokens.words, tokens.quoted
    sentence_ends: list[tuple[int, bool]] = []
    """(first position after the sentence, ended with a question mark)."""
    in_quote = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "w":
            raw = m.group()
            pieces = _pieces(raw)
            for piece in pieces:
                words.append(piece)
                tokens.raw_of.append(raw.casefold())
                tokens.capital.append(raw[:1].isupper())
                if in_quote:
                    quoted.add(len(words) - 1)
        elif kind in ("end", "q"):
            mark = m.group()
            if kind == "end" and "." in mark and "?" not in mark and "!" not in mark and words \
                    and words[-1] in _ABBREVIATIONS:
                continue
            sentence_ends.append((len(words), "?" in mark))
        elif kind == "nl":
            sentence_ends.append((len(words), False))
        elif kind == "cut":
            tokens.cuts.add(len(words))
        elif kind == "quote":
            in_quote = not in_quote
    tokens.sentences = _sentences(sentence_ends, len(words))
    if in_quote:  # an unclosed quotation mark quotes nothing: likely an apostrophe
        quoted.clear()
    return tokens


def _sentences(sentence_ends: list[tuple[int, bool]], n: int) -> list[tuple[int, int, bool]]:
    """The sentences between the ends found, as (start, end, asked); a text without an end is one sentence."""
    if not sentence_ends or sentence_ends[-1][0] < n:
        sentence_ends.append((n, False))
    spans: list[tuple[int, int, bool]] = []
    start = 0
    for end, asked in sentence_ends:
        if end > start:
            spans.append((start, end, asked))
            start = end
        elif asked and spans:  # "??" after the end: the sentence was a question after all
            s, e, _ = spans[-1]
            spans[-1] = (s, e, True)
    return spans


@lru_cache(maxsize=65536)
def _pieces(raw: str) -> tuple[str, ...]:
    """A raw token's normalised words ("e-mail" is two); remembered, for tokens recur."""
    return tuple(_PIECE.findall(normalize(raw)))
