"""What the trainee says was done, against what was done.

A sentence that tells the customer a check was made ("I've looked at your booking") or a deed was done
("the €160 is refunded", "I've logged the fault") is a claim. In the game every look-up and action is on
record, so a claim is either backed — the matching look-up or action is on record, before it or after (a
trainee may say "I'm refunding you now" and then do it) — or untrue: never done. Amounts said must agree with amounts done. A transcript
scored outside the game has no record of moves: its claims are not verifiable, neither earned nor lost.

Deeds are known by kind (refund, voucher, logging or reporting, compensation, rebooking, a hotel), read
from each action's label through the meaning layer's concepts, so any scenario's actions are covered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from scoring.mandate import amounts
from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.intents import IntentReader, reader_for
from trainer.meaning.lexicon import lexicon
from trainer.meaning.matching import words
from trainer.meaning.patterns import find
from trainer.meaning.reading import FORWARD_SCOPE, Clause, Message, read
from trainer.meaning.stance import AFFIRMED, Kind, Stance
from trainer.scenario.models import Scenario

DEEDS = {
    "en": frozenset({"#refund", "#voucher", "#log", "#compensation", "#rebook", "#hotel"}),
    "nl": frozenset({"#terugbetalen", "#voucher", "#melden", "#compensatie", "#omboeken", "#hotel"}),
}
"""Concepts (`trainer.meaning.concepts`) that name a deed an action can do."""
CHECKS = {"en": "#check", "nl": "#controleren"}
STRONG_CHECK = {
    "en": frozenset("check checked checking investigate investigated verify verified examined traced".split()),
    "nl": frozenset("""gecontroleerd nagekeken gecheckt uitgezocht onderzocht nagegaan nagetrokken gekeken bekeken
        opgezocht controleer""".split()),
}
"""Words that claim a check on their own; weaker ones ("looked", "found") need a record named with them."""
RECORDS = {
    "en": frozenset("""booking bookings record records reservation system systems file history account log logs
        details notes data""".split()),
    "nl": frozenset("""boeking boekingen gegevens systeem systemen dossier historie registratie reservering
        notities data log""".split()),
}
SEEING = {
    "en": ("i can see", "i see that", "i see your", "i see the", "our records show", "according to our records",
           "the record shows", "your booking shows"),
    "nl": ("ik zie", "ik kan zien", "volgens onze gegevens", "in ons systeem zie"),
}
DONE = {
    "en": frozenset("""done sent processed issued arranged completed filed logged booked reported refunded credited
        rebooked raised flagged escalated underway""".split()),
    "nl": frozenset("""gedaan geregeld verwerkt verstuurd gestort teruggestort terugbetaald gemeld geboekt omgeboekt
        onderweg aangemaakt ingediend vastgelegd overgemaakt doorgezet geëscaleerd""".split()),
}
ON_ITS_WAY = {
    "en": ("on its way", "on the way", "back to your card", "back on your card", "back to your account",
           "back into your account"),
    "nl": ("onderweg", "terug op je rekening", "terug op uw rekening", "terug naar je rekening"),
}
MONEY_BACK = {"en": ("on its way back", "back to your card", "back on your card", "back to your account",
                     "back into your account"),
              "nl": ("terug op je rekening", "terug op uw rekening", "terug naar je rekening")}
"""Money said to be coming back is a refund, whatever the word for it."""
UNDONE = {
    "en": ("cancel", "withdraw", "remov", "revok", "void", "expir"),
    "nl": ("annul", "ingetrokken", "intrek", "verwijder", "vervallen", "vervall"),
}
"""Undoing a deed is not doing it: "the voucher has been cancelled" claims no voucher."""
PERFECT_NL = frozenset("heb hebt heeft hebben ben bent is zijn".split())
HISTORY = {
    "en": frozenset("was were".split()),
    "nl": frozenset("werd werden was waren".split()),
}
"""Told as the case's history by no one of us ("the voucher was issued after a phone call"): no claim."""
NOW = {
    "en": frozenset("im am were are".split()),
    "nl": frozenset("nu net zojuist zonet".split()),
}


@dataclass(frozen=True, slots=True)
class Claim:
    turn: int
    sentence: str
    kind: str
    """"check", or the deed's concept ("#refund")."""
    actions: tuple[str, ...]
    """The scenario's actions of that kind (empty for a check)."""
    amount: float | None = None
    backed: bool | None = None
    """True: done; False: not done (untrue); None: not verifiable (no record of moves)."""
    done_amount: float | None = None

    @property
    def untrue(self) -> bool:
        return self.backed is False

    @property
    def wrong_amount(self) -> bool:
        """Says more money than was moved: "€160 refunded" after refunding €80."""
        return (self.backed is True and self.amount is not None and self.done_amount is not None
                and self.amount > self.done_amount + 0.5)


@lru_cache(maxsize=256)
def deed_kinds(label: str, language: str) -> frozenset[str]:
    """The deeds an action's label names ("Register EU 261 compensation" → #compensation and #log)."""
    message = read(label, language)
    return frozenset(k for i in range(len(message.words)) for k in _keys(message, i, language)) \
        & DEEDS.get(language, DEEDS["en"])


def verifiable(s: Scenario) -> bool:
    """Whether moves are on record: a session played in the game (a back office or actions to use)."""
    return bool(s.lookups or s.actions)


def claims(t: Transcript, s: Scenario) -> list[Claim]:
    """Every claim of a check or deed in the trainee's messages, each judged against the record."""
    return t.once("claims", lambda: _judge_claims(t, s))


def untrue_deeds(t: Transcript, s: Scenario, actions: tuple[str, ...] | set[str]) -> list[Claim]:
    """Claims that one of `actions` was done when it was not."""
    return [c for c in claims(t, s) if c.untrue and set(c.actions) & set(actions)]


def _judge_claims(t: Transcript, s: Scenario) -> list[Claim]:
    lang = t.language
    kinds = {name: deed_kinds(a.label, lang) for name, a in s.actions.items()}
    record = verifiable(s)
    out: list[Claim] = []
    for m in t.messages:
        for kinds_said, sentence, amount in _claims_in(m, lang):
            kind = kinds_said[0]
            if kind == "check":
                actions: tuple[str, ...] = ()
                backed = any(x.ok for x in t.lookups) if record else None  # before or after: never is a lie
                done_amount = None
            else:
                actions = tuple(n for n, k in kinds.items() if k & set(kinds_said))
                if not actions:
                    continue  # the case has no such deed: nothing to check it against
                done = [a for a in t.actions if a.ok and a.name in actions]
                backed = bool(done) if record else None
                amounts = [a.amount for a in done if a.amount is not None]
                done_amount = sum(amounts) if amounts else None
            out.append(Claim(m.turn, sentence, kind, actions, amount, backed, done_amount))
    return out


def _claims_in(m: Turn, language: str) -> list[tuple[tuple[str, ...], str, float | None]]:
    """(kinds, sentence, amount) of each claim: ("check",), or the deeds a clause tells of as done."""
    message = m.message
    deeds = DEEDS.get(language, DEEDS["en"])
    check = CHECKS.get(language, "#check")
    found: list[tuple[tuple[str, ...], str, float | None]] = []
    seen: set[tuple[str, int]] = set()
    strong_checks = STRONG_CHECK.get(language, STRONG_CHECK["en"])
    for c in message.clauses:
        if not _plain(c) or c.actor == "third" or c.elsewhere or c.time == "future":
            continue
        candidates = [(i, ks) for i in range(c.start, c.end)
                      if (ks := _keys(message, i, language)) & deeds or check in ks
                      or message.words[i] in strong_checks]
        if not candidates:
            continue  # most clauses: no deed or check word at all
        sentence = _raw_sentence(m, message, c)
        span = message.words[c.start:c.end]
        undone = any(w.startswith(UNDONE.get(language, UNDONE["en"])) for w in span)
        history = c.actor != "speaker" and any(w in HISTORY.get(language, HISTORY["en"]) for w in span)
        completed = any(w in DONE.get(language, DONE["en"]) for w in span)
        doing = c.actor == "speaker" and any(w in NOW.get(language, NOW["en"]) for w in span)
        told = _told_as_done(message, c, language)
        kinds: list[str] = []
        for i, ks in candidates:
            if c.negated_at(i):
                continue
            word = message.words[i]
            if ks & deeds and not undone and not history and (
                    _done_form(word, language) or completed or (doing and (language == "nl" or word.endswith("ing")))):
                kinds += [k for k in sorted(ks & deeds) if k not in kinds]
            if told and (check in ks or word in strong_checks) and ("check", c.sentence) not in seen \
                    and _checks(message, c, i, language):
                seen.add(("check", c.sentence))
                found.append((("check",), sentence, None))
        fresh = [k for k in kinds if (k, c.sentence) not in seen]
        if fresh:
            seen.update((k, c.sentence) for k in fresh)
            found.append((tuple(fresh), sentence, _amount(sentence)))
    refund = next(iter(sorted(deeds & {"#refund", "#terugbetalen"})), None)
    for c in message.clauses if refund and any(p in m.text.lower() for p in ("back", "terug")) else ():
        spoken = " ".join(message.words[c.start:c.end])
        if refund and (refund, c.sentence) not in seen and _told_as_done(message, c, language) and not c.negations \
                and any(_has_phrase(spoken, p) for p in MONEY_BACK.get(language, MONEY_BACK["en"])):
            seen.add((refund, c.sentence))
            sentence = _raw_sentence(m, message, c)
            found.append(((refund,), sentence, _amount(sentence)))
    records = RECORDS.get(language, RECORDS["en"])
    for c in message.clauses:
        if ("check", c.sentence) in seen or not _plain(c) or c.negations:
            continue
        spoken = " ".join(message.words[c.start:c.end])
        named = any(w in records for w in message.words[c.start:c.end])  # "I see what it looks like" is no check
        if named and any(_has_phrase(spoken, p) for p in SEEING.get(language, SEEING["en"])):
            seen.add(("check", c.sentence))
            found.append((("check",), _raw_sentence(m, message, c), None))
    return found


_SEPARABLE = ("terug", "vast", "door", "over", "mee", "weg", "toe", "voor", "rond", "aan", "uit", "op", "om",
              "na", "af", "in", "bij")


def _keys(message: Message, i: int, language: str) -> frozenset[str]:
    """A word's keys, and for a Dutch participle those of its verb too: teruggestort → terugstorten."""
    ks = message.keys[i]
    word = message.words[i]
    if language != "nl" or len(word) < 6 or word[-1] not in "dt":
        return ks
    for prefix in ("", *_SEPARABLE):
        if word.startswith(prefix + "ge") and len(word) > len(prefix) + 4:
            root = prefix + word[len(prefix) + 2:]
            for verb in (root[:-1] + "en", root + "en"):  # gemeld → melden, gestort → storten
                ks = ks | read(verb, language).keys[0]
            return ks
    return ks


def _plain(c: Clause) -> bool:
    """Told as so, by the writer: not asked, offered, requested, hedged, conditional or someone else's words."""
    return c.asserted and not (c.question or c.offer or c.request or c.interrogative)


def _done_form(word: str, language: str) -> bool:
    """The deed word itself says it is done: "refunded", "logged", "terugbetaald", "gemeld"."""
    if language == "nl":
        return len(word) >= 6 and word[-1] in "dt" and ("ge" in word[:7])
    return word.endswith("ed") and len(word) >= 5


def _told_as_done(message: Message, c: Clause, language: str) -> bool:
    """Tells of something done or under way, by us or by nobody named: "I've refunded", "Refund done.",
    "the money is on its way", "I'm logging it now" — not "you asked for a refund", not "I'll refund"."""
    if not _plain(c) or c.actor in ("addressee", "third") or c.elsewhere or c.time == "future":
        return False
    words = message.words[c.start:c.end]
    if c.time == "past" or any(w in DONE.get(language, DONE["en"]) for w in words):
        return True
    if language == "nl" and any(w in PERFECT_NL for w in words) and any(
            len(w) >= 6 and "ge" in w[:7] and w.endswith(("d", "t", "en")) for w in words):
        return True  # "ik heb het nagekeken": a separable participle after a perfect
    if any(_has_phrase(" ".join(words), p) for p in ON_ITS_WAY.get(language, ON_ITS_WAY["en"])):
        return True
    now = NOW.get(language, NOW["en"])
    if language == "en":
        return c.actor == "speaker" and any(w in now for w in words) and any(w.endswith("ing") for w in words)
    return c.actor == "speaker" and (any(w in now for w in words) or "aan het" in " ".join(words))


def _checks(message: Message, c: Clause, i: int, language: str) -> bool:
    """A check word claims a look-up when it is a strong one, or names a record with it."""
    if message.words[i] in STRONG_CHECK.get(language, STRONG_CHECK["en"]):
        return True
    records = RECORDS.get(language, RECORDS["en"])
    return any(w in records for w in message.words[c.start:c.end])


def _raw_sentence(m: Turn, message: Message, c: Clause) -> str:
    """The sentence as the trainee wrote it (for quoting and amounts): the one that shares most words with the
    clause's sentence."""
    wanted = {w for i, w in enumerate(message.words) if message.clauses[message.clause_of[i]].sentence == c.sentence}
    best, chosen = 0, None
    for sentence in split_sentences(m.text):
        shared = len(wanted & set(words(sentence)))
        if shared > best:
            best, chosen = shared, sentence
    return chosen if chosen is not None else m.quote()


def _has_phrase(span: str, phrase: str) -> bool:
    return f" {phrase} " in f" {span} "


def _amount(sentence: str) -> float | None:
    found = amounts(sentence)
    return found[0][1] if found else None


DENIED = Stance(Kind.STATEMENT, owned=False, ability_ok=True, negated=True)
"""An explanation said with a negation around it: "there was no aircraft change"."""


def contradictions(t: Transcript, s: Scenario) -> list[tuple[Turn, str, bool]]:
    """Messages that deny the case's explanation (the cause the records show), each with the phrase denied and
    whether a record had been read before: (message, phrase, after a look-up).

    Conservative on purpose: the negation must come before the phrase, in the same clause, and not open a
    contrast after the point was made ("… our own bookings, not ones made by a travel agency")."""
    return t.once("contradictions", lambda: _contradictions(t, s))


def _contradictions(t: Transcript, s: Scenario) -> list[tuple[Turn, str, bool]]:
    read_by = reader_for(s) if s.rubric.explains else None
    lex = lexicon(t.language)
    negative = lex.negators | lex.forward_negators
    facts = [(name, _fact_keys(f.is_, t.language)) for name, f in s.facts.items()
             if not f.known and not set(words(f.is_)) & negative]  # "no damage was reported" is denied by agreeing
    stated = [(name, tuple(f.contradicts)) for name, f in s.facts.items() if f.contradicts]
    out = []
    for m in t.messages:
        said_false = next(((name, hit.source) for name, phrases in stated
                           if (hit := find(phrases, m.message, AFFIRMED)) is not None), None)
        if said_false is not None:  # the author's own: "it was overbooking", told as so
            stated_fact, phrase = said_false
            seen = stated_fact in t.facts and t.facts[stated_fact][0] < m.turn
            out.append((m, phrase, seen or any(x.ok and x.turn < m.turn for x in t.lookups)))
            continue
        if not any(c.negations for c in m.message.clauses):
            continue  # a denial needs a negation
        denied = _denied_explanation(m.message, s, read_by, negative) if read_by is not None else None
        fact: str | None = None
        if denied is None:
            fact, denied = _denies_fact(m.message, facts)
        if denied is not None:
            seen = fact is not None and fact in t.facts and t.facts[fact][0] < m.turn
            read_before = any(x.ok and x.turn < m.turn for x in t.lookups)
            out.append((m, denied, seen or (fact is None and read_before)))
    return out


FACT_WORDS = 2
"""A negation denies a fact when this many of the fact's own words follow it closely ("there was no aircraft
change" against "An aircraft change moved the flight …")."""


def _fact_keys(sentence: str, language: str) -> frozenset[str]:
    message = read(sentence, language)
    stop = _STOP.get(language, _STOP["en"])
    return frozenset(min(ks, key=len) for w, ks in zip(message.words, message.keys)
                     if len(w) >= 4 and w not in stop and not w.isdigit())


def _denied_explanation(message: Message, s: Scenario, read_by: IntentReader, negative: frozenset[str]) -> str | None:
    """The phrase of the case's explanation that `message` denies, if it denies one of them."""
    for name in s.rubric.explains:
        stance = read_by.stances.get(name)
        if name not in s.intents or stance is None or stance.negated or stance.denies:
            continue
        plain = tuple(p for p in s.intents[name].match if not set(words(p)) & negative)
        hit = find(plain, message, DENIED) if plain else None
        if hit is not None and _denied_before(message, hit.position):
            return hit.source
    return None


def _denies_fact(message: Message, facts: list[tuple[str, frozenset[str]]]) -> tuple[str | None, str | None]:
    """The fact a negation in the message denies, and the words denied, if any."""
    stop = _STOP.get(message.language, _STOP["en"])
    for c in message.clauses:
        if not c.negations or not _plain(c) or c.actor == "speaker" or c.time == "future" \
                or any(w in MODALS for w in message.words[c.start:c.end]):
            continue  # "I won't report it" refuses a deed, "nobody can change it now" tells what may be
        for p, _ in c.negations:
            if (p == c.start and _opens_contrast(message, c)) or message.words[p] in LACKING:
                continue
            after = range(p + 1, min(c.end, p + 1 + FORWARD_SCOPE))
            said = {min(message.keys[i], key=len) for i in after
                    if len(message.words[i]) >= 4 and message.words[i] not in stop}
            for name, keys in facts:
                if len(said & keys) >= FACT_WORDS:
                    return name, " ".join(message.words[p:after.stop])
    return None, None


MODALS = frozenset("can cannot cant could couldnt may might kan kun kunt kunnen kon konden mag mogen".split())
LACKING = frozenset({"without", "zonder"})
"""Tells of something missing ("ten hours without the seats you paid for"), not that a fact is false."""
_STOP = {
    "en": frozenset("""that this there their they them then than were have been with from your what when which about
        just only also very really because into onto over some more most much many other""".split()),
    "nl": frozenset("""deze dit dat die daar hier zijn waren hebben heeft werd worden wordt want omdat maar ook heel
        echt alleen naar voor over onder met door jouw jullie onze""".split()),
}


def _opens_contrast(message: Message, c: Clause) -> bool:
    """The clause comes after another in the same sentence ("…, not ones made by a travel agency")."""
    return c.start > 0 and message.clauses[message.clause_of[c.start - 1]].sentence == c.sentence


def _denied_before(message: Message, position: int) -> bool:
    c = message.clause_at(position)
    if c.actor == "speaker" or c.time == "future":
        return False  # "I won't report it" refuses a deed; it denies no fact
    return any(p < position and (whole or position <= p + FORWARD_SCOPE)
               and not (p == c.start and _opens_contrast(message, c)) for p, whole in c.negations)
