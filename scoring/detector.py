"""Which trade a single turn exercises: facilitator, detective, plumber, or other.

A first, rule-based detector from phrase lists the project wrote itself (English and
Dutch). `make eval` measures it on the labelled dev data, which is read where it lies and
never shipped.
"""

from __future__ import annotations

from trainer.engine.matching import matches_any, words

LABELS = ("facilitator", "detective", "plumber", "other")

PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "plumber": (
            "you could", "you can", "you might", "you may want", "have you tried", "have you thought",
            "have you considered", "maybe you", "perhaps you", "try", "i suggest", "i would suggest",
            "i recommend", "i would recommend", "it might help", "it may help", "might be helpful",
            "could help", "can help", "would help", "what about", "how about", "you should", "consider",
            "one thing", "a good idea", "good idea", "option", "options", "plan", "step", "steps",
            "research", "studies", "recommend*", "suggest*", "tip", "advice", "i will", "ill", "let me",
            "refund", "rebook", "voucher", "escalat*", "fix", "solution", "resource*", "website",
            "exercise", "meditat*", "therapist", "counsel*", "doctor",
        ),
        "facilitator": (
            "sounds like", "it sounds", "seems like", "it seems", "i understand", "understandable",
            "i can imagine", "can imagine", "must be", "must have been", "sorry", "i hear", "you feel",
            "you are feeling", "youre feeling", "feel", "feeling", "that is hard", "thats hard",
            "that is tough", "thats tough", "difficult", "i know how", "im glad", "i am glad", "glad",
            "proud", "great job", "good for you", "well done", "you did", "you have done", "youve",
            "not alone", "normal to", "makes sense", "so what youre saying", "what im hearing",
            "frustrat*", "stressful", "hard time", "i have been", "ive been", "i was", "i had", "me too",
            "i also", "same", "appreciate", "thank you for sharing", "thanks for sharing", "brave",
            "strong", "you care", "important to you", "you want",
        ),
        "detective": (
            "what", "why", "how", "when", "where", "which", "who", "tell me", "can you tell",
            "could you tell", "do you", "did you", "are you", "have you", "is there", "is it",
            "would you", "can you", "could you",
        ),
        "other": (
            "hello", "hi", "hey", "good morning", "good evening", "bye", "goodbye", "take care",
            "you are welcome", "youre welcome", "no problem", "ok", "okay", "yes", "no", "mhm", "yeah",
        ),
    },
    "nl": {
        "plumber": (
            "je zou", "u zou", "je kunt", "u kunt", "misschien kun", "heb je geprobeerd", "probeer",
            "ik stel voor", "ik raad", "raad ik", "het kan helpen", "kan helpen", "wat dacht je van",
            "hoe zou het zijn", "optie", "opties", "plan", "stap", "stappen", "tip", "advies",
            "ik ga", "ik zal", "ik regel", "terugbetal*", "vergoed*", "omboek*", "oplossing", "oploss*",
        ),
        "facilitator": (
            "klinkt alsof", "het klinkt", "lijkt alsof", "ik begrijp", "begrijpelijk", "kan me voorstellen",
            "moet zijn", "moet ... geweest", "sorry", "excuses", "vervelend", "je voelt", "voel", "gevoel",
            "moeilijk", "lastig", "fijn dat", "trots", "goed gedaan", "niet alleen", "normaal dat",
            "logisch", "frustrer*", "balen", "rot", "dank voor het delen", "bedankt voor het delen",
        ),
        "detective": (
            "wat", "waarom", "hoe", "wanneer", "waar", "welke", "wie", "vertel", "kun je", "kunt u",
            "heb je", "heeft u", "ben je", "bent u", "is er", "zou je", "wil je",
        ),
        "other": (
            "hallo", "hoi", "goedemorgen", "goedemiddag", "goedenavond", "doei", "dag", "graag gedaan",
            "geen probleem", "ok", "oke", "ja", "nee",
        ),
    },
}


def _count(phrases: tuple[str, ...], text_words) -> int:
    return sum(1 for p in phrases if matches_any((p,), text_words))


def detect(text: str, language: str = "en") -> str:
    """The trade one agent turn exercises most."""
    table = PHRASES.get(language) or PHRASES["en"]
    found = words(text)
    if not found:
        return "other"
    question = text.rstrip().endswith("?") or ("?" in text and len(found) < 25)
    plumber = _count(table["plumber"], found)
    facilitator = _count(table["facilitator"], found)
    detective = _count(table["detective"], found[:4]) if question else 0
    if question and detective and plumber <= 1:
        return "detective"
    if question and not plumber and not facilitator:
        return "detective"
    if plumber > facilitator + 1 or (plumber > facilitator and plumber >= 2):
        return "plumber"
    if facilitator:
        return "facilitator"
    if plumber:
        return "plumber"
    if len(found) <= 6 and _count(table["other"], found):
        return "other"
    return "other" if len(found) <= 4 else "facilitator"
