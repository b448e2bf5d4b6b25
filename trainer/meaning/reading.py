"""Read a message once: its words, sentences and clauses, and for each clause polarity, mood, time and actor.

A NegEx-style reading (Chapman et al., 2001) fitted to short chat turns in English and Dutch: negation
triggers with a scope that ends at the clause (a comma, "but", "that you" …), pseudo-triggers that only
look like negation ("no problem", "never happen again"), and a dialogue-act tag per clause: a question,
an offer, a promise (future, spoken by I/we), a statement, or sarcasm. Both the engine's intents and the
scorer's signals ask the same `Message`; it is built once per text and language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from trainer.meaning.carrying import carry_reports, continue_lists, lend_to_fragments, self_answered
from trainer.meaning.clause import FORWARD_SCOPE, Clause
from trainer.meaning.clauses import read_clause, split_clauses
from trainer.meaning.lexicon import Lexicon, lexicon
from trainer.meaning.matching import Words
from trainer.meaning.mood import sentence_mood
from trainer.meaning.phrases import has_any, pseudo_positions
from trainer.meaning.stems import keys as word_keys
from trainer.meaning.tokens import Tokens, tokenise

__all__ = ["FORWARD_SCOPE", "Clause", "Message", "read"]
"""`Clause` and `FORWARD_SCOPE` are re-exported: a reading's callers (the scorer's claims) meet them here."""

_ANSWERS = frozenset("well nou tja simple simpel easy".split())
"""A question answered at once ("What happened? Well, you flew …") was never asked."""


@dataclass(frozen=True, slots=True)
class Message:
    """One message, read."""

    text: str
    language: str
    words: Words
    keys: tuple[frozenset[str], ...]
    """Per word: its stem, variants and concept (see `stems.keys`)."""
    clause_of: tuple[int, ...]
    """Per word: the index of its clause."""
    clauses: tuple[Clause, ...]
    quoted: frozenset[int]
    """Word positions inside quotation marks: mentioned, not said."""
    proper: frozenset[int] = frozenset()
    """Word positions of names: capitalised, not opening a sentence ("Daniela", "Ruben", "Lisbon")."""

    def clause_at(self, position: int) -> Clause:
        return self.clauses[self.clause_of[position]]

    def sentence_text(self, position: int) -> str:
        """The words of the sentence holding `position`, joined (for explanations)."""
        n = self.clause_at(position).sentence
        return " ".join(w for i, w in enumerate(self.words) if self.clauses[self.clause_of[i]].sentence == n)


@lru_cache(maxsize=8192)
def read(text: str, language: str = "en") -> Message:
    """The message read once (remembered: the engine and every criterion ask about the same texts)."""
    lex = lexicon(language)
    tokens = tokenise(text)
    words = tokens.words
    clauses, clause_of = _clauses(tokens, lex)
    starts = {s for s, _, _ in tokens.sentences}
    proper = frozenset(i for i, cap in enumerate(tokens.capital) if cap and i not in starts and words[i] != "i")
    return Message(
        text, language, Words(words), tuple(word_keys(w, language) for w in words), tuple(clause_of),
        tuple(clauses), frozenset(tokens.quoted), proper,
    )


def _clauses(tokens: Tokens, lex: Lexicon) -> tuple[list[Clause], list[int]]:
    """Every sentence's clauses, read and then read together; and per word, the index of its clause."""
    words, raw_of = tokens.words, tokens.raw_of
    negation_off = pseudo_positions(words, lex)
    clauses: list[Clause] = []
    clause_of = [0] * len(words)
    for number, (s, e, asked) in enumerate(tokens.sentences):
        sentence_clauses = split_clauses(words, s, e, tokens.cuts, lex)
        rhetorical = has_any(words, s, e, lex.rhetorical)
        readings = [
            read_clause(words, raw_of, cs, ce, number, lex, negation_off, rhetorical) for cs, ce in sentence_clauses
        ]
        readings = sentence_mood(words, readings, asked, lex)
        readings = carry_reports(words, readings, lex)
        readings = lend_to_fragments(words, readings, lex)
        readings = continue_lists(words, readings, lex)
        if clauses and readings and (readings[0].rhetorical or words[readings[0].start] in _ANSWERS):
            self_answered(clauses, number - 1)
        for clause in readings:
            for i in range(clause.start, clause.end):
                clause_of[i] = len(clauses)
            clauses.append(clause)
    if not clauses:
        clauses.append(Clause(0, 0, 0))
    return clauses, clause_of
