"""A sentence's mood, clause by clause: which clauses ask, offer or request, and which only look as if they do."""

from __future__ import annotations

from trainer.meaning.clause import FILLERS, Clause, revised
from trainer.meaning.clauses import fragment
from trainer.meaning.lexicon import Lexicon
from trainer.meaning.phrases import has_any, starts_with_any

_DETERMINERS = frozenset("your the my our this that his her their jouw uw de het dit dat mijn onze zijn haar hun".split())


def sentence_mood(words: list[str], clauses: list[Clause], asked: bool, lex: Lexicon) -> list[Clause]:
    """Which clauses ask (or offer): question forms, the question mark, indirect requests."""
    shaped = [_question_shape(words, c, lex) for c in clauses]
    indirect = [has_any(words, c.start, c.end, lex.indirect_questions) for c in clauses]
    offers = [starts_with_any(words, c, lex.offer_questions) for c in clauses]
    out = []
    first_shaped = next((i for i, x in enumerate(shaped) if x), None)
    if first_shaped is not None:  # "And your suitcase, Thomas, was it on that cart?": the lead-in asks too
        while first_shaped > 0 and fragment(words, clauses[first_shaped - 1], lex):
            first_shaped -= 1
    for i, c in enumerate(clauses):
        if asked:
            # a list after the question form goes on asking ("can you give me the flight, the date and …?")
            question = (first_shaped is not None and i >= first_shaped) or indirect[i] or (
                i == len(clauses) - 1 and first_shaped is None)
        else:
            question = indirect[i] or (shaped[0] == "inverted" and i >= 0) or (
                shaped[i] == "wh" and i == 0 and len(clauses) == 1 and not _cleft(words, c))
        offer = (offers[i] or words[c.start] in _PROPOSALS) and not c.rhetorical and not indirect[i]
        request = not c.rhetorical and _request(words, c, lex)
        if asked and len(clauses) == 1 and not shaped[i] and not indirect[i] and not offers[i] \
                and c.end - c.start <= 3 \
                and not any(w in lex.subjects or w in lex.speaker or w in lex.addressee for w in words[c.start:c.end]):
            c = revised(c, rhetorical=True)  # an echo ("A refund? For a seat you sat in?") offers nothing
        if c.rhetorical:
            question = False
        asks = bool(question) and (shaped[i] == "wh" or indirect[i] or _has_wh(words, c, lex))
        interrogative = bool(question) and (asked or bool(shaped[i]))
        # "could you …", "would you …": a polite request or question, not a hypothesis
        polite = request or interrogative or offer
        out.append(revised(c, question=bool(question), offer=offer, request=request, asks=asks,
                            interrogative=interrogative, irrealis=c.irrealis and not polite,
                            ability=c.ability and not polite,
                            reported=c.reported and not interrogative))  # "what were you told?" asks
    return out


_REQUEST_OPENERS = frozenset("please pls plz kindly graag gelieve".split())
_PLEASE = frozenset("please pls plz graag alsjeblieft alstublieft aub svp".split())
_NEED = frozenset("need nodig".split())
_YOUR = frozenset("your je jouw uw".split())
_PROPOSALS = frozenset("lets laten".split())
""""Let's find him", "laten we …": a proposal, like an offer; it asks her nothing."""
_MODAL_REQUEST = frozenset("can could would will kun kunt kan wil wilt zou".split())
_OBJECTS = frozenset("me us mij ons".split())
_ASKING_VERBS = frozenset("""send share give tell dm message forward provide describe include attach stuur deel geef
    vertel beschrijf mail app noem""".split())
"""Verbs that ask her to hand something over when a clause starts with them: an imperative request."""


def _request(words: list[str], c: Clause, lex: Lexicon) -> bool:
    i = c.start
    while i < c.end - 1 and words[i] in FILLERS:
        i += 1
    w = words[i] if i < c.end else ""
    nxt = words[i + 1] if i + 1 < c.end else ""
    span = words[c.start : c.end]
    if w in _REQUEST_OPENERS or any(x in _PLEASE for x in span):
        return True
    if any(x in _NEED for x in span) and any(x in _YOUR for x in span):
        return True  # "I'll need your passport number", "ik heb je vluchtnummer nodig"
    if w in _MODAL_REQUEST and nxt in lex.addressee:
        return True
    if w in _ASKING_VERBS and nxt not in lex.addressee and nxt not in lex.subjects:
        return True  # a verb of handing over, first: "Send airport, gate and time", "DM booking code", "stuur …"
    # an imperative: a verb first, then "me"/"us" ("send us", "drop me", "stuur ons")
    return nxt in _OBJECTS and w not in lex.subjects and w not in lex.speaker and w not in lex.addressee


def _has_wh(words: list[str], c: Clause, lex: Lexicon) -> bool:
    return any(w in lex.question_words for w in words[c.start : c.end])


def _question_shape(words: list[str], c: Clause, lex: Lexicon) -> str:
    i = c.start
    while i < c.end - 1 and words[i] in FILLERS:
        i += 1
    if i >= c.end:
        return ""
    w = words[i]
    nxt = words[i + 1] if i + 1 < c.end else ""
    if w in lex.question_words or (w in lex.prepositions and nxt in lex.question_words):
        return "wh"
    if w in lex.inverted and (nxt in lex.subjects or nxt in lex.addressee or nxt in lex.speaker
                              or nxt in _DETERMINERS):
        return "inverted"
    return ""


def _cleft(words: list[str], c: Clause) -> bool:
    """"What happened was …", "wat er gebeurde is …": a statement that opens like a question."""
    return any(w in ("was", "is", "were", "waren") for w in words[c.start + 2 : c.end])
