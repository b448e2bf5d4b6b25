"""Built-in phrases, per language, that show how a turn is written (any scenario, any case).

Written in the intent syntax of `trainer.engine.matching`: `a + b` needs both, `x*` any ending.
"""

from __future__ import annotations

from trainer.engine.matching import matches_any

SIGNALS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "empathy": (
            "sorry", "apolog*", "i understand", "understand how", "i can imagine", "frustrat*",
            "awful", "terrible", "must have been", "not ok", "not okay", "upsetting", "annoying",
            "disappoint*", "that is bad", "thats bad", "so bad", "miserable",
        ),
        "boilerplate": (
            "inform you as follows", "any inconvenience", "the inconvenience", "responsible department",
            "relevant department", "we value your feedback", "thank you for contacting",
            "thank you for reaching out", "we regret", "has been noted", "please be advised",
            "sorry to hear that", "kind regards", "do not hesitate",
        ),
        "salutation": (
            "dear mrs", "dear mr", "dear ms", "dear sir", "dear madam", "dear customer",
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
            "look into it", "get back to you", "keep you posted", "will be in touch", "forwarded",
            "passed on", "responsible department",
        ),
    },
    "nl": {
        "empathy": (
            "sorry", "excuses", "excuus", "verontschuldig*", "vervelend", "begrijp", "kan me voorstellen",
            "kan me indenken", "balen", "frustrer*", "rot", "naar voor", "teleurstel*", "niet ok",
            "vreselijk", "ellendig", "zuur",
        ),
        "boilerplate": (
            "informeer ik u als volgt", "graag informeer ik", "eventueel ongemak", "het ongemak",
            "ongemak dat", "verantwoordelijke afdeling", "betreffende afdeling", "dank voor uw e-mail",
            "bedankt voor uw e-mail", "hartelijk dank voor uw", "wij betreuren", "met vriendelijke groet",
            "aarzel niet", "wij waarderen uw feedback", "vervelend om te horen",
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
            "ik laat", "ik hou", "ik houd", "ik neem",
        ),
        "time": (
            "vandaag", "vanavond", "morgen", "vanmiddag", "vanochtend", "maandag", "dinsdag",
            "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "binnen", "werkdagen",
            "voor het einde", "uiterlijk", "eind van de dag", "volgende week", "over een uur",
        ),
        "vague_promise": (
            "ernaar kijken", "kijken we naar", "komen erop terug", "kom erop terug", "doorgestuurd",
            "doorsturen", "doorgezet", "doorzetten", "verantwoordelijke afdeling",
        ),
    },
}


def signal(language: str, name: str, words: tuple[str, ...]) -> str | None:
    """The first phrase of the named signal found in the words, if any."""
    table = SIGNALS.get(language) or SIGNALS["en"]
    return matches_any(table[name], words)
