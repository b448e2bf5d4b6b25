"""Checks on a model's line before she says it: cheap, local, and in English and Dutch.

Each check returns a problem kind (a key of PROBLEMS) or None. A failed check never ends the
session: the caller says the scripted line instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trainer.meaning.matching import normalize

PROBLEMS = ("empty", "out_of_character", "wrong_language", "leak", "claims_resolved", "too_long")
"""What a check can find wrong with her line; told to the trainee as `customer.problem.*` in the catalogue."""

STOP_WORDS = {
    "en": frozenset("the and you your is are was were this that it not what why have has with for of to my me "
                    "i we our they be been do did does just but so at on in an".split()),
    "nl": frozenset("de het een en je jij jullie is zijn was waren dit dat niet wat waarom heb heeft met voor "
                    "van naar mijn mij ik we wij ons onze zij ze doe deed gewoon maar dus op bij er nog wel geen".split()),
}
"""Frequent words of each language (words both share, like `is`, count for both)."""

OUT_OF_CHARACTER = (
    "as an ai", "an ai language model", "language model", "i am an ai", "i'm an ai", "as a customer in this",
    "role-play", "roleplay", "role play", "my instructions", "system prompt", "i cannot comply", "i can't comply",
    "i'm sorry, but i can", "as an assistant", "i am an assistant", "i'm an assistant", "openai",
    "als ai", "als taalmodel", "een taalmodel", "ik ben een ai", "mijn instructies", "rollenspel", "als assistent",
)
RESOLVED = {
    "en": ("resolved", "case closed", "case is closed", "all settled", "is settled", "problem solved",
           "all sorted", "is sorted", "issue closed", "consider it closed", "no further action"),
    "nl": ("opgelost", "afgehandeld", "zaak gesloten", "zaak is gesloten", "is geregeld", "afgesloten",
           "probleem verholpen"),
}
SECRET_WORD = 5
"""Words of an unrevealed fact at least this long (and found nowhere in what she was told) are telling."""


def normalized(text: str) -> str:
    return " ".join(normalize(text).split())


def out_of_character(text: str) -> bool:
    low = normalized(text)
    return any(_has(low, normalized(marker)) for marker in OUT_OF_CHARACTER)


def wrong_language(text: str, language: str) -> bool:
    """True when the line is plainly in the other language: more of its frequent words than of ours."""
    found = _words(text)
    ours = sum(w in STOP_WORDS.get(language, ()) for w in found)
    others = max((sum(w in words for w in found) for lang, words in STOP_WORDS.items() if lang != language),
                 default=0)
    return others >= 3 and others > 2 * ours


def claims_resolved(text: str, language: str, allowed: Iterable[str]) -> bool:
    """A resolution claim her script does not make here (the state machine alone settles the case)."""
    low = normalized(text)
    script = normalized(" ".join(allowed))
    negations = ("not", "never", "isnt", "arent", "wasnt", "niet", "nooit", "geen")
    for phrase in RESOLVED.get(language, RESOLVED["en"]):
        if _has(low, phrase) and not _has(script, phrase):
            before = low[: low.find(phrase)].split()[-3:]
            if not any(n in before for n in negations):
                return True
    return False


def leaks(text: str, secrets: Iterable[str], known: str) -> bool:
    """True when the line uses two telling words of facts she has not been told (nor read anywhere else)."""
    said = set(_words(text))
    seen = set(_words(known))
    for secret in secrets:
        telling = {w for w in _words(secret) if len(w) >= SECRET_WORD and w not in seen}
        if len(telling & said) >= 2:
            return True
    return False


def trimmed(text: str, limit: int | None) -> str:
    """The line cut to fit the channel: at the last sentence end that fits, else the last word, with `…`."""
    text = text.strip()
    if limit is None or len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in re.finditer(r"[.!?…](?=\s|$)", head)]
    if ends and ends[-1] >= limit * 0.4:
        return head[: ends[-1]].strip()
    cut = head[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def cleaned(text: str, first_name: str) -> str:
    """The line without what models add around it: quotes, a `Daniela:` label, surrounding whitespace."""
    text = text.strip()
    for label in (f"{first_name}:", f"**{first_name}:**", f"{first_name} :"):
        if text.lower().startswith(label.lower()):
            text = text[len(label):].strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'“”":
        text = text[1:-1].strip()
    if len(text) >= 2 and text[0] == "“" and text[-1] == "”":
        text = text[1:-1].strip()
    return text


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", normalized(text))


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text) is not None
