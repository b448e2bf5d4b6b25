"""Read a message once: its words, sentences and clauses, and for each clause polarity, mood, time and actor.

A NegEx-style reading (Chapman et al., 2001) fitted to short chat turns in English and Dutch: negation
triggers with a scope that ends at the clause (a comma, "but", "that you" …), pseudo-triggers that only
look like negation ("no problem", "never happen again"), and a dialogue-act tag per clause: a question,
an offer, a promise (future, spoken by I/we), a statement, or sarcasm. Both the engine's intents and the
scorer's signals ask the same `Message`; it is built once per text and language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from trainer.meaning.lexicon import Lexicon, lexicon
from trainer.meaning.matching import Words, normalize
from trainer.meaning.stems import keys as word_keys

_TOKEN = re.compile(
    r"(?P<w>[^\W_]+(?:['’][^\W_]+)*)"
    r"|(?P<end>[.!?…]+(?=\s|$|[\"'”’)]))"
    r"|(?P<q>[?])"
    r"|(?P<nl>\n)"
    r"|(?P<cut>[;()\[\]—–]|[,:](?!\d)|\s-\s|/)"
    r"|(?P<quote>[\"“”«»]|(?<![^\W_])['‘’]|['‘’](?![^\W_]))"
)
_PIECE = re.compile(r"[a-z0-9]+")
SUBJECT_WITHIN = 5
"""How far into a clause its subject may stand (after "so", "and then", a time or a verb in Dutch)."""
FORWARD_SCOPE = 4
"""How many words "no", "without", "geen" negate: a noun phrase ("geen tekeningen of andere inzendingen"),
not the clause."""
_ABBREVIATIONS = frozenset("e g i mr mrs ms dr nr no st vs etc ca bijv o a d w z m b v dhr mevr".split())
_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday maandag dinsdag woensdag
    donderdag vrijdag zaterdag zondag""".split())
_FILLERS = frozenset("""and but so ok okay well oh hi hey hello dear yes yeah right also en maar dus oke hoi hallo
    nou ja ook trouwens beste goed""".split())


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of one sentence with a verb of its own, as far as a chat turn lets us tell."""

    start: int
    end: int
    """Token positions [start, end) in the message."""
    sentence: int
    question: bool = False
    """Asks something: a question form, a question mark, or an indirect request ("tell me")."""
    offer: bool = False
    """An offering question ("shall I …", "would you like …")."""
    request: bool = False
    """Asks her to do something ("please DM us", "could you send …", "stuur ons …")."""
    interrogative: bool = False
    """Has a question's form or mark (not only "tell me …")."""
    asks: bool = False
    """Seeks information: a wh-question or an indirect one ("tell me how …"), not only a yes/no request."""
    rhetorical: bool = False
    """Sarcasm or a rhetorical question: its words do not mean what they say."""
    time: str = "present"
    """past, present or future."""
    actor: str = ""
    """Who acts: speaker (I, we), addressee (you), third (someone else, a team), or unknown."""
    hedged: bool = False
    conditional: bool = False
    """Only a condition ("if you send me the code")."""
    irrealis: bool = False
    """Would / could-have: what might be, not what is or will be."""
    reported: bool = False
    """Someone else's words ("the gate told you it was the weather")."""
    ability: bool = False
    """Tells the addressee what she can do herself ("you can ask at the desk")."""
    elsewhere: bool = False
    """Told of another occasion: a year, "last winter", "years ago"."""
    scheduled: bool = False
    """Names a time that can lie ahead: a weekday, today, an hour ("om 10 uur", "before 5pm", "by 17:00")."""
    third_party: bool = False
    """Names someone or somewhere else anywhere in the clause (a desk, a team, a form)."""
    negations: tuple[tuple[int, bool], ...] = ()
    """Negation triggers as (position, whole clause?): a forward one negates only what follows it."""

    def negated_at(self, position: int, ignore: frozenset[int] = frozenset()) -> bool:
        """Whether a word at `position` falls in the scope of a negation (triggers in `ignore` don't count)."""
        return any(
            p not in ignore and (whole or p < position <= p + FORWARD_SCOPE) for p, whole in self.negations
        )

    @property
    def asserted(self) -> bool:
        """Said as so, by the writer: not sarcastic, reported, conditional, hedged or hypothetical."""
        return not (self.rhetorical or self.reported or self.conditional or self.hedged or self.irrealis)


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
    words: list[str] = []
    raw_of: list[str] = []
    capital: list[bool] = []
    cuts: set[int] = set()
    """Positions before which a clause ends (punctuation)."""
    sentence_ends: list[tuple[int, bool]] = []
    """(first position after the sentence, ended with a question mark)."""
    quoted: set[int] = set()
    in_quote = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "w":
            raw = m.group()
            pieces = _pieces(raw)
            for piece in pieces:
                words.append(piece)
                raw_of.append(raw.casefold())
                capital.append(raw[:1].isupper())
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
            cuts.add(len(words))
        elif kind == "quote":
            in_quote = not in_quote
    n = len(words)
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
    if in_quote:  # an unclosed quotation mark quotes nothing: likely an apostrophe
        quoted.clear()
    negation_off = _pseudo_positions(words, lex)
    clauses: list[Clause] = []
    clause_of = [0] * n
    for number, (s, e, asked) in enumerate(spans):
        sentence_clauses = _split(words, s, e, cuts, lex)
        rhetorical = _has_any(words, s, e, lex.rhetorical)
        readings = [
            _clause(words, raw_of, cs, ce, number, lex, negation_off, rhetorical) for cs, ce in sentence_clauses
        ]
        readings = _sentence_mood(words, readings, asked, lex)
        readings = _carry_reports(words, readings, lex)
        readings = _lend_to_fragments(words, readings, lex)
        readings = _continue_lists(words, readings, lex)
        if clauses and readings and (readings[0].rhetorical or words[readings[0].start] in _ANSWERS):
            _self_answered(clauses, number - 1)
        for clause in readings:
            for i in range(clause.start, clause.end):
                clause_of[i] = len(clauses)
            clauses.append(clause)
    if not clauses:
        clauses.append(Clause(0, 0, 0))
    starts = {s for s, _, _ in spans}
    proper = frozenset(i for i, cap in enumerate(capital) if cap and i not in starts and words[i] != "i")
    return Message(
        text, language, Words(words), tuple(word_keys(w, language) for w in words), tuple(clause_of),
        tuple(clauses), frozenset(quoted), proper,
    )


@lru_cache(maxsize=65536)
def _pieces(raw: str) -> tuple[str, ...]:
    """A raw token's normalised words ("e-mail" is two); remembered, for tokens recur."""
    return tuple(_PIECE.findall(normalize(raw)))


# -- clauses ---------------------------------------------------------------------------------


def _split(words: list[str], start: int, end: int, cuts: set[int], lex: Lexicon) -> list[tuple[int, int]]:
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
_COMPLEMENT = frozenset("that so dat zodat waardoor".split())
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


def _clause(words: list[str], raw_of: list[str], start: int, end: int, sentence: int, lex: Lexicon,
            negation_off: set[int], rhetorical: bool) -> Clause:
    raws = raw_of[start:end]
    span = [w if w not in _AMBIGUOUS or "'" in r or "’" in r else "_" + w for w, r in zip(words[start:end], raws)]
    body = start
    while body < end - 1 and words[body] in _FILLERS:
        body += 1
    negations = tuple(
        (i, words[i] in lex.negators or raw_of[i].endswith(("n't", "n’t")))
        for i in range(start, end)
        if i not in negation_off and (words[i] in lex.negators or words[i] in lex.forward_negators
                                      or raw_of[i].endswith(("n't", "n’t")))
    ) + tuple((i + length - 1, False) for i, length in _occurrences(words, start, end, lex.forward_phrases)) \
      + tuple((i, True) for i, _ in _occurrences(words, start, end, lex.clause_negations) if i not in negation_off)
    polite = _has_any(words, start, end, lex.polite)
    future = (
        any(w in lex.future and _auxiliary(w, span[i + 1:]) for i, w in enumerate(span))
        or any(r.endswith(("'ll", "’ll")) for r in raw_of[start:end])
        or _has_any(words, start, end, lex.future_phrases) or _has_any(words, start, end, lex.future_times)
    )
    past = (_has_any(words, start, end, lex.past_times) or any(w in lex.past for w in words[start:end])
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
    hedged = _has_any(words, start, end, lex.hedges)
    irrealis = not polite and any(w in lex.irrealis for w in span) and not _has_any(words, start, end,
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
        reported=_has_any(words, start, end, lex.reporting),
        ability=actor == "addressee" and any(w in lex.ability for w in span),
        elsewhere=any(_YEAR.fullmatch(w) for w in span) or _has_any(words, start, end, lex.other_times),
        scheduled=_scheduled(words[start:end]) or _has_any(words, start, end, lex.future_times),
        third_party=any(w in lex.third or w in _PLACES or (len(w) > 8 and w.endswith(_THIRD_HEADS)) for w in span),
        negations=negations,
    )


_DETERMINERS = frozenset("your the my our this that his her their jouw uw de het dit dat mijn onze zijn haar hun".split())
_TODAY = frozenset("today vandaag tonight vanavond vanmiddag morning afternoon evening ochtend middag avond".split())
_HOUR_BEFORE = frozenset("om at by before voor tot until uiterlijk".split())
_PLACES = frozenset("""form formulier website site kiosk kiosks desk balie counter app portal helpdesk
    insurer verzekeraar centre center hotline klantenservice servicecentrum""".split())
_ANSWERS = frozenset("well nou tja simple simpel easy".split())
"""A question answered at once ("What happened? Well, you flew …") was never asked."""


def _scheduled(span: list[str]) -> bool:
    for i, w in enumerate(span):
        if w in _WEEKDAYS or w in _TODAY:
            return True
        if w in _HOUR_BEFORE and i + 1 < len(span) and span[i + 1].isdigit():
            return True
    return False


def _sentence_mood(words: list[str], clauses: list[Clause], asked: bool, lex: Lexicon) -> list[Clause]:
    """Which clauses ask (or offer): question forms, the question mark, indirect requests."""
    shaped = [_question_shape(words, c, lex) for c in clauses]
    indirect = [_has_any(words, c.start, c.end, lex.indirect_questions) for c in clauses]
    offers = [_starts_with_any(words, c, lex.offer_questions) for c in clauses]
    out = []
    first_shaped = next((i for i, x in enumerate(shaped) if x), None)
    if first_shaped is not None:  # "And your suitcase, Thomas, was it on that cart?": the lead-in asks too
        while first_shaped > 0 and _fragment(words, clauses[first_shaped - 1], lex):
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
            c = _replace(c, rhetorical=True)  # an echo ("A refund? For a seat you sat in?") offers nothing
        if c.rhetorical:
            question = False
        asks = bool(question) and (shaped[i] == "wh" or indirect[i] or _has_wh(words, c, lex))
        interrogative = bool(question) and (asked or bool(shaped[i]))
        # "could you …", "would you …": a polite request or question, not a hypothesis
        polite = request or interrogative or offer
        out.append(_replace(c, question=bool(question), offer=offer, request=request, asks=asks,
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
    while i < c.end - 1 and words[i] in _FILLERS:
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


def _fragment(words: list[str], c: Clause, lex: Lexicon) -> bool:
    """No subject and no verb of its own: a name, a greeting, a noun phrase."""
    return not any(w in lex.subjects or w in lex.speaker or w in lex.addressee or w in _VERBISH or w in lex.emotive
                   or w in _INTERJECTIONS or (len(w) >= 5 and w.endswith("ed")) for w in words[c.start : c.end])


_INTERJECTIONS = frozenset("sorry thanks thank dank bedankt excuses oh wow oei au helaas unfortunately".split())


def _question_shape(words: list[str], c: Clause, lex: Lexicon) -> str:
    i = c.start
    while i < c.end - 1 and words[i] in _FILLERS:
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


def _lend_to_fragments(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """A clause without a verb of its own ("de voucher", then "die je vorig jaar kreeg, is verlopen") is
    said the way the clause after it is: its time, occasion, denial and who acts are that clause's."""
    out = list(clauses)
    for i in range(len(out) - 2, -1, -1):
        c, nxt = out[i], out[i + 1]
        if c.question or c.offer or c.request or not 2 <= c.end - c.start <= 4 or not _fragment(words, c, lex):
            continue  # only a short noun phrase borrows; an interjection ("haha") or a long clause does not
        out[i] = _replace(c, time=nxt.time, actor=c.actor or nxt.actor, elsewhere=c.elsewhere or nxt.elsewhere,
                          reported=c.reported or nxt.reported, hedged=c.hedged or nxt.hedged,
                          conditional=c.conditional or nxt.conditional, irrealis=c.irrealis or nxt.irrealis,
                          negations=c.negations + tuple((p, True) for p, whole in nxt.negations if whole))
    return out


def _continue_lists(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """The items of a list go on what the clause before them asks: "Send airport, | gate, | time and flight
    number" asks for all three, as "Which airport, | gate | and flight?" does."""
    out = list(clauses)
    for i in range(1, len(out)):
        before, c = out[i - 1], out[i]
        if not (before.interrogative or before.request) or c.question or c.request or c.end - c.start > LIST_ITEM \
                or not _fragment(words, c, lex):
            continue
        out[i] = _replace(c, question=before.question, request=before.request, asks=before.asks,
                          interrogative=before.interrogative, actor=c.actor or before.actor,
                          negations=c.negations + tuple((p, True) for p, whole in before.negations if whole))
    return out


LIST_ITEM = 8
"""A list item is a short noun phrase; a longer stretch without a verb is something else."""


def _self_answered(clauses: list[Clause], sentence: int) -> None:
    """The question just before a sarcastic or self-answering sentence was rhetorical too."""
    for i, c in enumerate(clauses):
        if c.sentence == sentence and (c.question or c.offer):
            clauses[i] = _replace(c, rhetorical=True, question=False, offer=False, asks=False, request=False)


def _carry_reports(words: list[str], clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """What governs a clause runs on into the clause it introduces: reported speech ("they said | that it was
    the weather"), a hedge ("I hope | that …", "misschien | dat …"), a hypothesis, and a negated main clause
    ("I can't say | that it was our fault")."""
    out: list[Clause] = []
    for c in clauses:
        if out and words[c.start] not in ("but", "however", "maar", "echter", "although"):
            before = out[-1]
            changes = {}
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
                c = _replace(c, **changes)
        out.append(c)
    return out


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


def _replace(c: Clause, **changes) -> Clause:
    values = {f: getattr(c, f) for f in Clause.__slots__}
    values.update(changes)
    return Clause(**values)


# -- phrase lookups --------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        parts = tuple(p.split())
        index.setdefault(parts[0], []).append(parts)
    return {k: tuple(v) for k, v in index.items()}


def _occurrences(words: list[str], start: int, end: int, phrases: tuple[str, ...]):
    index = _phrase_index(phrases)
    if index.keys().isdisjoint(words[start:end]):  # most lists have no first word here: skip at C speed
        return
    for i in range(start, end):
        for parts in index.get(words[i], ()):
            if i + len(parts) <= end and tuple(words[i : i + len(parts)]) == parts:
                yield i, len(parts)


def _has_any(words: list[str], start: int, end: int, phrases: tuple[str, ...]) -> bool:
    return next(_occurrences(words, start, end, phrases), None) is not None


def _starts_with_any(words: list[str], c: Clause, phrases: tuple[str, ...]) -> bool:
    i = c.start
    while i < c.end - 1 and words[i] in _FILLERS:
        i += 1
    return any(pos == i for pos, _ in _occurrences(words, i, c.end, phrases))


def _pseudo_positions(words: list[str], lex: Lexicon) -> set[int]:
    """Positions of negation words that belong to a pseudo-negation ("no problem"): not triggers. Also the
    Dutch "had nooit … mogen": "should never have" admits a fault, it denies nothing."""
    off: set[int] = set()
    for i, length in _occurrences(words, 0, len(words), lex.pseudo_negations):
        off.update(range(i, i + length))
    for i, w in enumerate(words):
        if w in ("niet", "nooit") and any(x in ("had", "hadden", "zou", "zouden") for x in words[max(0, i - 4):i]) \
                and any(x in ("mogen", "moeten", "gemogen", "gemoeten") for x in words[i + 1:i + 7]):
            off.add(i)
    return off
