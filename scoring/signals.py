"""Built-in phrases, per language, that show how a turn is written (any scenario, any case).

Written in the intent syntax of `trainer.meaning.matching`: `a + b` needs both, `x*` any ending.
"""

from __future__ import annotations

from functools import lru_cache

from trainer.meaning.matching import matches_any
from trainer.meaning.patterns import find
from trainer.meaning.reading import Message
from trainer.meaning.stance import AFFIRMED, ASKED, Kind, Stance

SIGNALS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "empathy": (
            "sorry", "apolog*", "i understand", "understand how", "i can imagine", "frustrat*",
            "awful", "terrible", "must have been", "not ok", "not okay", "upsetting", "annoying",
            "disappoint*", "that is bad", "thats bad", "so bad", "miserable", "my excuses", "our excuses",
        ),
        "feeling": (
            "angry", "furious", "fed up", "upset", "ridiculous", "unacceptable", "disgrace*", "disappoint*",
            "frustrat*", "exhausted", "shocked", "outrage*", "livid", "annoyed", "sick of", "joke", "insult*",
            "worried", "scared", "heartbroken", "devastated", "nightmare", "awful", "terrible",
        ),
        "unheard": (
            "bot", "robot", "copy paste", "copy and paste", "not listening", "are you even reading",
            "did you even read", "you didnt read", "template", "same answer", "already told you",
            "i already said", "as i said", "answer my question",
        ),
        "boilerplate": (
            "inform you as follows", "any inconvenience", "the inconvenience", "responsible department",
            "relevant department", "we value your feedback", "thank you for contacting",
            "thank you for reaching out", "we regret", "has been noted", "please be advised",
            "sorry to hear that", "sorry to hear about", "kind regards", "do not hesitate",
            "thanks for your message", "thank you for your message", "appreciate your patience",
            "thank you for your patience", "thanks for your patience", "shared this with our team",
            "our team will review", "if there is anything else", "we hope to welcome you",
            "we apologise for any", "we apologize for any",
        ),
        "salutation": (
            "dear mrs", "dear mr", "dear ms", "dear sir", "dear madam", "dear customer", "to whom it may concern",
        ),
        "open_question": (
            "what", "why", "how", "when", "where", "which", "who", "tell me", "can you tell",
            "could you tell", "walk me through", "describe",
        ),
        "commitment": (
            "i will", "ill", "i am going to", "im going to", "i have", "ive", "i personally",
        ),
        "time": (
            "today", "tonight", "tomorrow", "this afternoon", "this morning", "this evening",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "within",
            "working days", "by the end of", "end of the day", "next week", "in an hour",
        ),
        "vague_promise": (
            "look into it", "get back to you", "keep you posted", "will be in touch",
        ),
        "hand_off": (
            "forwarded", "passed on", "responsible department", "relevant department", "another department",
            "shared this with", "our team will", "someone will", "someone from", "a colleague will",
            "one of my colleagues will", "will be contacted",
        ),
        "sign_off": (
            "kind regards", "best regards", "warm regards", "with regards", "yours sincerely", "sincerely",
            "yours faithfully", "respectfully yours",
        ),
        "stiff": (
            "please be advised", "kindly note", "please note that", "hereby", "herewith", "inform you as follows",
            "we regret to inform", "aforementioned", "in accordance with", "pursuant to",
            "at your earliest convenience", "gesture of goodwill", "goodwill gesture", "we regret",
            "may have caused",
        ),
        "sarcasm": (
            "yeah right", "as i already said", "as i said before", "as previously stated", "calm down",
            "with all due respect", "no offence", "no offense", "good luck with that", "obviously you",
            "clearly you", "congratulations",
        ),
        "personal_detail": (
            "booking number", "booking reference", "booking code", "reservation number", "confirmation number",
            "ticket number", "your email", "your e mail", "email address", "e mail address", "phone number",
            "telephone number", "mobile number", "your number", "your address", "home address",
            "date of birth", "passport", "card number", "frequent flyer number", "membership number",
            "postcode", "zip code", "your full name",
        ),
        "request": (
            "send us", "send me", "share your", "give us", "give me", "provide", "tell me", "let me know",
            "let me have", "could you", "can you", "would you", "please", "reply with", "whats your",
            "what is your", "we need your", "i need your",
        ),
        "private": (
            "dm", "dms", "direct message", "private message", "send us a message", "message us", "in private",
            "privately", "inbox",
        ),
        "no_mandate": (
            "nothing i can do", "nothing we can do", "not able to", "unable to", "not allowed to",
            "not authorised", "not authorized", "out of my hands", "beyond my", "i cant", "i cannot",
            "not in a position",
        ),
        "because": (
            "because", "reason", "cause*", "due to", "happened", "was that", "that is why", "thats why",
        ),
        "dismissive": (
            "its just", "it is just", "its only", "it is only", "reading too much into", "overreact*",
            "no big deal", "not a big deal", "relax", "chill", "haha", "lol", "lmao", "get over",
        ),
        "suggestion": (
            "how about", "what about", "would you like", "shall i", "shall we", "do you want",
        ),
        "stop": (
            "and", "the", "that", "this", "what", "when", "where", "which", "why", "how", "who", "with", "from",
            "your", "you", "have", "has", "had", "was", "were", "will", "would", "could", "should", "can",
            "did", "does", "are", "is", "not", "for", "just", "still", "then", "than", "there", "here",
            "about", "anyone", "anybody", "someone", "actually", "really", "even", "into", "been", "being",
            "they", "them", "their", "know", "next", "time", "thing", "much", "many", "some", "any",
        ),
    },
    "nl": {
        "empathy": (
            "sorry", "excuses", "excuus", "verontschuldig*", "vervelend", "begrijp", "kan me voorstellen",
            "kan me indenken", "balen", "frustrer*", "rot", "naar voor", "teleurstel*", "niet ok",
            "vreselijk", "ellendig", "ellende", "zuur", "spijt",
        ),
        "feeling": (
            "boos", "woedend", "kwaad", "balen", "belachelijk", "onacceptabel", "schandalig", "teleurgesteld",
            "teleurstel*", "frustr*", "uitgeput", "doodmoe", "geschrokken", "zat", "spuugzat", "ongerust",
            "bang", "verdrietig", "nachtmerrie", "vreselijk", "verschrikkelijk", "klote",
        ),
        "unheard": (
            "bot", "robot", "kopieer", "knip en plak", "luister je", "luistert u", "lees je wel", "leest u wel",
            "standaardantwoord", "standaard antwoord", "zelfde antwoord", "heb ik al gezegd", "zei ik al",
            "beantwoord mijn vraag",
        ),
        "boilerplate": (
            "informeer ik u als volgt", "graag informeer ik", "eventueel ongemak", "het ongemak",
            "ongemak dat", "verantwoordelijke afdeling", "betreffende afdeling", "dank voor uw e-mail",
            "bedankt voor uw e-mail", "hartelijk dank voor uw", "wij betreuren", "met vriendelijke groet",
            "aarzel niet", "wij waarderen uw feedback", "vervelend om te horen", "spijt mij te horen",
            "bedankt voor je bericht", "bedankt voor uw bericht", "dank voor je bericht", "dank voor uw bericht",
            "bedankt voor je geduld", "bedankt voor uw geduld", "dank voor uw geduld", "waarderen je geduld",
            "waarderen uw geduld", "gedeeld met ons team", "ons team gaat ernaar kijken", "als er nog iets is",
            "we hopen je snel weer", "we hopen u snel weer",
            "spijt me te horen",
        ),
        "salutation": (
            "geachte", "beste klant", "beste mevrouw", "beste meneer", "l.s.",
        ),
        "open_question": (
            "wat", "waarom", "hoe", "wanneer", "waar", "welke", "wie", "vertel", "kun je vertellen",
            "kunt u vertellen", "beschrijf",
        ),
        "commitment": (
            "ik ga", "ik zal", "ik zorg", "ik heb", "ik regel", "ik kom", "ik stuur", "ik bel",
            "ik laat", "ik hou", "ik houd", "ik neem", "ik meld", "ik mail",
            # after a time word Dutch puts the verb first: "vrijdag stuur ik je een DM"
            "ga ik", "zorg ik", "regel ik", "kom ik", "stuur ik", "bel ik", "laat ik", "hou ik", "houd ik",
            "neem ik", "meld ik", "mail ik", "hoor je van me", "hoor je van mij", "hoort u van mij",
        ),
        "time": (
            "vandaag", "vanavond", "morgen", "vanmiddag", "vanochtend", "maandag", "dinsdag",
            "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "binnen", "werkdagen",
            "voor het einde", "uiterlijk", "eind van de dag", "volgende week", "over een uur",
        ),
        "vague_promise": (
            "ernaar kijken", "kijken we naar", "komen erop terug", "kom erop terug", "hou je op de hoogte",
            "houden je op de hoogte",
        ),
        "hand_off": (
            "doorgestuurd", "doorsturen", "doorgezet", "doorzetten", "verantwoordelijke afdeling",
            "betreffende afdeling", "andere afdeling", "gedeeld met", "doorgegeven aan", "ons team gaat",
            "iemand van", "iemand neemt", "een collega neemt", "een collega gaat", "wordt contact",
        ),
        "sign_off": (
            "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "hoogachtend",
            "met hartelijke groet", "met de meeste hoogachting",
        ),
        "stiff": (
            "hierbij", "bij dezen", "wij delen u mede", "informeer ik u als volgt", "graag informeer ik",
            "u dient", "naar aanleiding van", "gaarne", "onderhavige", "dient u", "blijk van goede wil",
            "wij verzoeken u", "wij betreuren", "eventuele ongemak",
        ),
        "sarcasm": (
            "ja hoor", "tuurlijk", "zoals ik al zei", "zoals gezegd", "rustig aan", "doe eens rustig",
            "met alle respect", "succes ermee", "gefeliciteerd",
        ),
        "personal_detail": (
            "boekingsnummer", "boekingscode", "reserveringsnummer", "reserveringscode", "ticketnummer",
            "je e mail", "uw e mail", "je email", "uw email", "e mailadres", "emailadres", "mailadres",
            "telefoonnummer", "mobiele nummer", "je nummer", "uw nummer", "je adres", "uw adres", "huisadres",
            "geboortedatum", "paspoort*", "kaartnummer", "klantnummer", "postcode", "volledige naam",
        ),
        "request": (
            "stuur me", "stuur ons", "stuurt u", "geef me", "geef ons", "geeft u", "deel je", "deel uw",
            "laat me weten", "laat ons weten", "kun je", "kunt u", "wil je", "wilt u", "zou je", "zou u",
            "graag je", "graag uw", "mag ik", "wat is je", "wat is uw", "we hebben je", "ik heb je",
        ),
        "private": (
            "dm", "dms", "direct bericht", "privebericht", "prive bericht", "berichtje", "stuur ons een bericht",
            "onder vier ogen", "prive verder", "in prive", "via prive",
        ),
        "no_mandate": (
            "kan ik niets", "kunnen we niets", "kan ik niet", "kunnen wij niet", "mag ik niet", "niet bevoegd",
            "buiten mijn", "niet mogelijk", "niet aan mij",
        ),
        "because": (
            "omdat", "doordat", "reden", "oorzaak", "komt door", "kwam door", "daardoor", "daarom", "gebeurde",
        ),
        "dismissive": (
            "het is maar", "het is gewoon maar", "overdrijf*", "overdreven", "stel je niet aan", "niet zo erg",
            "geen big deal", "rustig maar", "haha", "lol", "niet zo zwaar",
        ),
        "suggestion": (
            "wat dacht je van", "wat dacht u van", "wat vind je van", "zal ik", "zullen we", "wil je een",
            "wilt u een",
        ),
        "stop": (
            "waarom", "wanneer", "welke", "hebben", "heeft", "hebt", "wordt", "worden", "werd", "kunnen",
            "zullen", "zouden", "moeten", "waren", "jullie", "jouw", "mijn", "onze", "deze", "dit", "dat",
            "niet", "toch", "alleen", "eigenlijk", "iemand", "gewoon", "echt", "weten", "volgende", "keer",
            "maar", "want", "voor", "naar", "door", "over", "met", "zijn", "nog", "wel", "ook", "iets", "niets",
        ),
    },
}


@lru_cache(maxsize=16384)
def signal(language: str, name: str, words: tuple[str, ...]) -> str | None:
    """The first phrase of the named signal found in the words, if any.

    Remembered: several criteria ask the same question of the same message.
    """
    return matches_any(phrases(language, name), words)


@lru_cache(maxsize=256)
def phrases(language: str, name: str) -> tuple[str, ...]:
    """The named signal's phrases in the language (English for a language without a table). "corporate" is
    the boilerplate without a letter's greeting and sign-off (what stays template in an e-mail)."""
    table = SIGNALS.get(language) or SIGNALS["en"]
    if name == "corporate":
        letter = {*table["salutation"], *table["sign_off"]}
        return tuple(p for p in table["boilerplate"] if p not in letter)
    return table[name]


STANCES: dict[str, Stance] = {
    "empathy": AFFIRMED,
    "because": AFFIRMED,
    "vague_promise": Stance(Kind.STATEMENT, ability_ok=True, hedge_ok=True),
    "hand_off": AFFIRMED,
    "open_question": ASKED,
    "commitment": Stance(Kind.STATEMENT, past_ok=True),
    "time": Stance(Kind.ANY),
}
"""How a signal must be said to count: "I'm not sorry" shows no empathy, a past date is no promise."""


def said(name: str, message: Message) -> str | None:
    """The first phrase of the named signal that the message says as meant (see `STANCES`), if any."""
    hit = find(phrases(message.language, name), message, STANCES.get(name, AFFIRMED))
    if hit is None:
        return None
    if name == "time" and not _ahead(message, hit.position, hit.source):
        return None
    return hit.source


_AHEAD = frozenset("""tomorrow tonight within next later asap soon shortly morgen binnen uiterlijk straks volgende
    vanavond zometeen dadelijk binnenkort""".split())


def _ahead(message: Message, position: int, source: str) -> bool:
    """A time word points ahead unless its clause tells of the past ("the system failed on Tuesday");
    words that only point ahead ("tomorrow", "within") always do."""
    clause = message.clause_at(position)
    if clause.hedged or clause.conditional or clause.irrealis or clause.rhetorical:
        return False
    return clause.time != "past" or source.split(maxsplit=1)[0] in _AHEAD
