"""Cutting a sentence into clauses, and reading each: its negations, time, actor, hedges and conditions."""

from __future__ import annotations

import re

from trainer.meaning.clause import FILLERS, Clause
from trainer.meaning.lexicon import Lexicon, lexicon
from trainer.meaning.phrases import has_any, occurrences

SUBJECT_WITHIN = 5
"""How far into a clause its subject may stand (after "so", "and then", a time or a verb in Dutch)."""
_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag""".split())


def split_clauses(words: list[str], start: int, end: int, cuts: set[int], lex: Lexicon) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = start
    for i in range(start + 1, end):
        w, prev = words[i], words[i - 1]
        nxt = words[i + 1] if i + 1 < end else ""
        cut = (
            i in cuts
            or w in lex.breaks
            or (w in lex.break_before_subject and (nxt in lex.subjects or nxt in lex.speaker or nxt in lex.addressee
                                                   or (nxt in lex.starters and w not in _COORDINATORS)))
            or (prev in lex.emotive and i - begin >= 2 and _new_subject(words, i, end, lex))
        )
        if cut and i > begin:
            out.append((begin, i))
            begin = i
    out.append((begin, end))
    return out


_COORDINATORS = frozenset("and or en of".split())
_AMBIGUOUS = frozenset("id wed were well shell hell its".split())
"""Contractions only with their apostrophe: "ID" is no "I'd", "were" no "we're", "well" no "we'll"."""
_OBJECT_AFTER = frozenset("""thank thanks calling contacting emailing writing reaching to for with at from tell ask give send help let see call email mail contact
    refund pay owe show offer meet about told asked gave sent reach update keep assure remind bring put move book
    rebook dank bedankt voor met aan naar bij van om op vertel""".split())
_IF_NEEDS_SUBJECT = frozenset({"als"})
"""Dutch "als" is "if" only before a subject ("als je …"); otherwise "as" ("als gebaar")."""
_YEAR = re.compile(r"(19|20)\d\d")
_VERBISH = frozenset("""was were is are had has have did will would can could got went been wasnt werent isnt
    didnt cant couldnt wont hadnt hasnt havent doesnt dont is was waren werd werden heeft hebben had kreeg kregen
    ging zijn zou kon""".split())


def _auxiliary(word: str, rest: list[str]) -> bool:
    """Dutch "gaan" makes a future only with an infinitive ("ik ga je terugbetalen"); "het geld gaat terug
    naar je kaart" is a movement, now."""
    if word not in ("ga", "gaat", "gaan"):
        return True
    return any(len(w) > 4 and w.endswith("en") for w in rest)


def _new_subject(words: list[str], i: int, end: int, lex: Lexicon) -> bool:
    """After "sorry", "I know" …: a pronoun starts a clause; "the seats" only when a verb follows soon."""
    w = words[i]
    if w in lex.subjects or w in lex.addressee:
        return True
    if w not in lex.starters:
        return False
    return any(x in _VERBISH or (len(x) >= 5 and x.endswith("ed")) for x in words[i + 1 : min(end, i + 5)])


def read_clause(words: list[str], raw_of: list[str], start: int, end: int, sentence: int, lex: Lexicon,
            negation_off: set[int], rhetorical: bool) -> Clause:
    raws = raw_of[start:end]
    span = [w if w not in _AMBIGUOUS or "'" in r or "’" in r else "_" + w for w, r in zip(words[start:end], raws)]
    body = start
    while body < end - 1 and words[body] in FILLERS:
        body += 1
    negations = tuple(
        (i, words[i] in lex.negators or raw_of[i].endswith(("n't", "n’t")))
        for i in range(start, end)
        if i not in negation_off and (words[i] in lex.negators or words[i] in lex.forward_negators
                                      or raw_of[i].endswith(("n't", "n’t")))
    ) + tuple((i + length - 1, False) for i, length in occurrences(words, start, end, lex.forward_phrases)) \
      + tuple((i, True) for i, _ in occurrences(words, start, end, lex.clause_negations) if i not in negation_off)
    polite = has_any(words, start, end, lex.polite)
    future = (
        any(w in lex.future and _auxiliary(w, span[i + 1:]) for i, w in enumerate(span))
        or any(r.endswith(("'ll", "’ll")) for r in raw_of[start:end])
        or has_any(words, start, end, lex.future_phrases) or has_any(words, start, end, lex.future_times)
    )
    past = (has_any(words, start, end, lex.past_times) or any(w in lex.past for w in words[start:end])
            or _past_form(span, lex) or any(_YEAR.fullmatch(w) for w in span))
    if future:
        time = "future"
    elif past:
        time = "past"
    elif any(w in _WEEKDAYS for w in span):
        time = "future"  # "ik bel je vrijdag": a weekday in the present points ahead
    else:
        time = "present"
    actor = _actor(span, raws, lex)
    first = words[body] if body < end else ""
    after_first = words[body + 1] if body + 1 < end else ""
    hedged = has_any(words, start, end, lex.hedges)
    irrealis = not polite and any(w in lex.irrealis for w in span) and not has_any(words, start, end,
                                                                                   lex.offer_questions)
    return Clause(
        start, end, sentence,
        rhetorical=rhetorical,
        time=time,
        actor=actor,
        hedged=hedged,
        conditional=first in lex.conditional and (first not in _IF_NEEDS_SUBJECT or after_first in lex.subjects
                                                  or after_first in lex.speaker or after_first in lex.addressee),
        irrealis=irrealis,
        reported=has_any(words, start, end, lex.reporting),
        ability=actor == "addressee" and any(w in lex.ability for w in span),
        elsewhere=any(_YEAR.fullmatch(w) for w in span) or has_any(words, start, end, lex.other_times),
        scheduled=_scheduled(words[start:end]) or has_any(words, start, end, lex.future_times),
        third_party=any(w in lex.third or w in _PLACES or (len(w) > 8 and w.endswith(_THIRD_HEADS)) for w in span),
        negations=negations,
    )


_TODAY = frozenset("today vandaag tonight vanavond vanmiddag morning afternoon evening ochtend middag avond".split())
_HOUR_BEFORE = frozenset("om at by before voor tot until uiterlijk".split())
_PLACES = frozenset("""form formulier website site kiosk kiosks desk balie counter app portal helpdesk
    insurer verzekeraar centre center hotline klantenservice servicecentrum""".split())


def _scheduled(span: list[str]) -> bool:
    for i, w in enumerate(span):
        if w in _WEEKDAYS or w in _TODAY:
            return True
        if w in _HOUR_BEFORE and i + 1 < len(span) and span[i + 1].isdigit():
            return True
    return False


def fragment(words: list[str], c: Clause, lex: Lexicon) -> bool:
    """No subject and no verb of its own: a name, a greeting, a noun phrase."""
    return not any(w in lex.subjects or w in lex.speaker or w in lex.addressee or w in _VERBISH or w in lex.emotive
                   or w in _INTERJECTIONS or (len(w) >= 5 and w.endswith("ed")) for w in words[c.start : c.end])


_INTERJECTIONS = frozenset("sorry thanks thank dank bedankt excuses oh wow oei au helaas unfortunately".split())


def _actor(span: list[str], raws: list[str], lex: Lexicon) -> str:
    """The first person named in subject position, near the clause's start ("the operations team has …",
    "morgen belt mijn collega …"); "you" after "thank", "for", "tell" … is an object."""
    for i, (w, raw) in enumerate(zip(span[:SUBJECT_WITHIN], raws)):
        if i and span[i - 1] in _OBJECT_AFTER and (w in lex.addressee or w in ("me", "us", "mij", "ons")):
            continue
        if w in lex.speaker or raw.startswith(("i'", "i’", "we'", "we’")):
            return "speaker"
        if w in lex.addressee:
            return "addressee"
        if w in lex.third or (len(w) > 8 and w.endswith(_THIRD_HEADS)):
            return "third"
    return ""


_THIRD_HEADS = ("afdeling", "balie", "team", "medewerker", "department", "desk")


def _past_form(span: list[str], lex: Lexicon) -> bool:
    """A past tense or participle: "-ed" in English (not after "have": "I've logged it" is done, not past
    for a promise either way), Dutch weak past "-de/-te" and "ge-…-d/t" participles after a perfect aux."""
    if lex is lexicon("nl"):
        return any(len(w) >= 6 and w.endswith(("de", "te", "den", "ten")) and w.startswith(("ge", "ver", "be"))
                   for w in span) or (any(w in lex.perfect_aux for w in span)
                                      and any(len(w) >= 5 and w.startswith("ge") and w[-1] in "dt" for w in span))
    return any(len(w) >= 5 and w.endswith("ed") and not w.endswith("eed")
               and not any(x in _STATE_VERBS for x in span[max(0, i - 2):i]) for i, w in enumerate(span))


_STATE_VERBS = frozenset("""am is are be been being im youre theyre its isnt arent get gets getting feel feels seem
    seems look looks""".split())
"""Before them "-ed" is a state, not the past: "you're entitled", "I'm so frustrated", "it looks confirmed"."""
