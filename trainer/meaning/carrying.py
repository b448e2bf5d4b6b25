"""What one clause lends the next: a report, a hedge or a denial running on, a list going on asking."""

from __future__ import annotations

from typing import Any

from trainer.meaning.clause import Clause, revised
from trainer.meaning.clauses import fragment
from trainer.meaning.lexicon import Lexicon

_COMPLEMENT = frozenset("that so dat zodat waardoor".split())


def lend_to_fragments(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """A clause without a verb of its own ("de voucher", then "die je vorig jaar kreeg, is verlopen") is
    said the way the clause after it is: its time, occasion, denial and who acts are that clause's."""
    out = list(clauses)
    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if c.question or c.offer or c.request or not 2 <= c.end - c.start <= 4 or not fragment(words, c, lex):
            continue  # only a short noun phrase borrows; an interjection ("haha") or a long clause does not
        out[i] = revised(c, time=nxt.time, actor=c.actor or nxt.actor, elsewhere=c.elsewhere or nxt.elsewhere,
                          reported=c.reported or nxt.reported, hedged=c.hedged or nxt.hedged,
                          conditional=c.conditional or nxt.conditional, irrealis=c.irrealis or nxt.irrealis,
                          negations=c.negations + tuple((p, True) for p, whole in nxt.negations if whole))
    return out


def continue_lists(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """The items of a list go on what the clause before them asks: "Send airport, | gate, | time and flight
    number" asks for all three, as "Which airport, | gate | and flight?" does."""
    out = list(clauses)
    for i in range(1, len(out)):
        before, c = out[i - 1], out[i]
        if not (before.interrogative or before.request) or c.question or c.request or c.end - c.start > LIST_ITEM \
                or not fragment(words, c, lex):
            continue
        out[i] = revised(c, question=before.question, request=before.request, asks=before.asks,
                          interrogative=before.interrogative, actor=c.actor or before.actor,
                          negations=c.negations + tuple((p, True) for p, whole in before.negations if whole))
    return out


LIST_ITEM = 8
"""A list item is a short noun phrase; a longer stretch without a verb is something else."""


def self_answered(clauses: list[Clause], sentence: int) -> None:
    """The question just before a sarcastic or self-answering sentence was rhetorical too."""
    for i, c in enumerate(clauses):
        if c.sentence == sentence and (c.question or c.offer):
            clauses[i] = revised(c, rhetorical=True, question=False, offer=False, asks=False, request=False)


def carry_reports(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """What governs a clause runs on into the clause it introduces: reported speech ("they said | that it was
    the weather"), a hedge ("I hope | that …", "misschien | dat …"), a hypothesis, and a negated main clause
    ("I can't say | that it was our fault")."""
    out: list[Clause] = []
    for c in clauses:
        if out and words[c.start] not in ("but", "however", "maar", "echter", "although"):
            before = out[-1]
            changes: dict[str, Any] = {}
            if before.reported and not c.reported:
                changes["reported"] = True
            if before.conditional and before.time == "past" and not c.conditional:
                changes["conditional"] = True  # "if it were up to me, you'd get …": a counterfactual
            if words[c.start] in _COMPLEMENT:
                if before.hedged:
                    changes["hedged"] = True
                if before.irrealis:
                    changes["irrealis"] = True
                if before.conditional:
                    changes["conditional"] = True
                if any(whole for _, whole in before.negations) and words[c.start] in ("that", "dat"):
                    changes["negations"] = c.negations + ((c.start, True),)
            if changes:
                c = revised(c, **changes)
        out.append(c)
    return out
