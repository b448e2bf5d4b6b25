"""A new scenario from a short interview: the answers in, a commented, playable YAML file out (no I/O)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache
from importlib.resources import files
from typing import get_args

from trainer.scenario.kinds import PRIVATE_ONLY, Audience, Channel, Difficulty, Language
from trainer.scenario.scaffold_texts import DEFAULTS, PHRASES, QUESTIONS, STOPWORDS, WORD_LISTS
from trainer.scenario.where import is_phone

__all__ = ["DEFAULTS", "QUESTIONS", "Answers", "handle_for", "harm_words", "id_for", "poor_moves", "problems",
           "scaffold"]

LANGUAGES: tuple[Language, ...] = ("en", "nl")
CHANNELS: tuple[Channel, ...] = get_args(Channel)
AUDIENCES: tuple[Audience, ...] = ("public", "private")
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")

MOOD_RANGE = (20, 100)
"""A new customer's mood: below 20 the scaffold's weaker trainees would push her public at once."""
PATIENCE = {"easy": 6, "medium": 5, "hard": 4}
"""Wasted moves she allows, by difficulty."""
PUBLIC_BELOW = 10
"""Below this mood she goes public (the scaffold's `anywhere` rule)."""
BOILERPLATE_MOOD, BOILERPLATE_PATIENCE = -10, -1
"""What one template phrase costs (the scaffold's `anywhere` rule)."""

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Answers:
    """The interview: everything `webcare new` asks, one field per question (each also a flag)."""

    id: str
    language: str = "en"
    title: str = ""
    channel: str = "twitter"
    audience: str = ""
    difficulty: str = "medium"
    company: str = "@SkyblueAir"
    name: str = ""
    handle: str = ""
    persona: str = ""
    mood: int = 30
    harm: str = ""
    wants: str = ""
    cause: str = ""
    fix: str = ""

    def with_defaults(self) -> Answers:
        """Empty answers filled in from the language's defaults (the audience follows the channel)."""
        d = DEFAULTS.get(self.language, DEFAULTS["en"])
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, default in d.items():
            if values.get(key) in ("", None):
                values[key] = default
        if not values["audience"]:
            values["audience"] = "public" if values["channel"] == "twitter" else "private"
        if not values["handle"]:
            values["handle"] = handle_for(values["name"])
        return Answers(**values)


def handle_for(name: str) -> str:
    """'Noor Bakker' → '@noor_bakker'."""
    words = _WORD.findall(_plain(name))
    return "@" + ("_".join(words) or "customer")


def id_for(stem: str) -> str:
    """A file name's stem made into a scenario id: 'My Case' → 'my-case' ('' when nothing is left)."""
    text = re.sub(r"[^a-z0-9_-]+", "-", _plain(stem)).strip("-_")
    text = re.sub(r"^[^a-z]+", "", text)
    return text[:60].rstrip("-_")


def harm_words(harm: str, limit: int = 3) -> list[str]:
    """The words that name the harm: the longest uncommon ones, in the order she wrote them."""
    found: list[str] = []
    for word in _WORD.findall(_plain(harm)):
        if len(word) >= 3 and word not in STOPWORDS and word not in found:
            found.append(word)
    longest = sorted(found, key=lambda w: -len(w))[:limit]
    return [w for w in found if w in longest]


def problems(a: Answers) -> dict[str, str]:
    """What is wrong with the answers, per question (empty: a scenario can be written)."""
    out: dict[str, str] = {}
    if not _ID.match(a.id) or len(a.id) > 60:
        out["id"] = (f"'{a.id}' can't be a scenario id: use lower-case letters, digits, - and _, "
                     "starting with a letter (at most 60)")
    choices = {"language": LANGUAGES, "channel": CHANNELS, "audience": AUDIENCES, "difficulty": DIFFICULTIES}
    for key, allowed in choices.items():
        if getattr(a, key) not in allowed:
            out[key] = f"'{getattr(a, key)}' is not one of: {', '.join(allowed)}"
    for f in fields(a):
        value = getattr(a, f.name)
        if not isinstance(value, str) or f.name in out:
            continue
        if not value.strip():
            out[f.name] = "write something here"
        elif "{" in value or "}" in value:
            out[f.name] = "no { or } here: in a scenario they mark placeholders"
        elif "\n" in value or "\r" in value:
            out[f.name] = "one line, please (edit the file for more)"
    if "handle" not in out and any(c.isspace() for c in a.handle) and not is_phone(a.handle):
        out["handle"] = "a handle has no spaces (a phone number may: +31 6 1234 5678)"
    if "audience" not in out and a.channel in PRIVATE_ONLY and a.audience == "public":
        out["audience"] = f"no one else reads along on {a.channel}: choose private (or channel twitter)"
    low, high = MOOD_RANGE
    if not isinstance(a.mood, int) or not low <= a.mood <= high:
        out["mood"] = f"her mood is a whole number from {low} to {high}"
    if "harm" not in out and not harm_words(a.harm):
        out["harm"] = "name what went wrong in a few real words, e.g. 'My suitcase came back with a broken wheel.'"
    return out


def scaffold(a: Answers, schema: str = "schema.json") -> str:
    """The scenario file for these answers (which must have no `problems`); `schema` is the modeline's path."""
    t, lists = PHRASES[a.language], WORD_LISTS[a.language]
    first = a.name.split()[0]
    words = harm_words(a.harm)
    fix_words = harm_words(a.fix, limit=2) or words[:1]
    patience = PATIENCE[a.difficulty]
    values = {
        "id": a.id, "title": q(a.title), "language": a.language, "channel": a.channel, "audience": a.audience,
        "difficulty": a.difficulty, "company": q(a.company), "name": q(a.name), "handle": q(a.handle),
        "persona": q(a.persona), "mood": a.mood, "patience": patience, "first": first,
        "harm": a.harm, "wants": a.wants, "cause": a.cause, "fix": a.fix, "fix_lower": _lower_first(a.fix),
        "schema": schema, "public_below": PUBLIC_BELOW,
        "opening": q(_opening(a, t)),
        "opening_furious": q(_opening(a, t, t["furious_tail"])),
        "teaser": q(_one_line(a.harm)),
        "harm_is": q(t["harm_is"].format(harm=a.harm)),
        "cause_is": q(a.cause),
        "fix_label": q(a.fix),
        "mandate_fix": q(_sentence(a.fix)),
        "shows": q(t["shows"].format(cause=a.cause)),
        "wants_q": q(a.wants),
        "told_line": q(t["told_line"].format(wants=a.wants)),
        "otherwise_telling": q(t["otherwise_telling"].format(wants=a.wants)),
        "acknowledge_match": _flow(
            [f"{w} + {kw}" for kw in words for w in lists["sorry_words"]] + list(lists["acknowledge_extra"])),
        "harm_phrases": _flow(words),
        "offer_match": _flow([f"{w} + {kw}" for kw in fix_words for w in lists["offer_words"]] + list(lists["offer_extra"])),
        "exemplary": _moves([
            t["ex_1"].format(first=first, harm=a.harm),
            "/lookup case_file",
            t["ex_3"].format(cause=_sentence(a.cause)),
            t["ex_4"].format(fix=_lower_first(a.fix)),
            "/do make_it_right",
        ]),
        "mediocre": _moves([t["me_1"].format(first=first), "/lookup case_file", "/do make_it_right",
                            t["me_4"], "/end"]),
        "poor": _moves(poor_moves(a, lists["poor"])),
        "briefing": _block(t["briefing"].format(channel=t["channel_" + a.channel], harm=a.harm, wants=a.wants)),
        "acknowledge_example": q(t["ack_example"].format(harm=a.harm)),
        "offer_example": q(t["offer_example"].format(fix=_lower_first(a.fix))),
    }
    return _align(template(a.language).format(**values))


def poor_moves(a: Answers, sentences: tuple[str, ...]) -> list[str]:
    """Template phrases, one per move, until she goes public: her mood below 10 or her patience gone."""
    mood, patience = a.mood, PATIENCE[a.difficulty]
    moves: list[str] = []
    while True:
        moves.append(sentences[len(moves) % len(sentences)])
        mood, patience = max(0, mood + BOILERPLATE_MOOD), patience + BOILERPLATE_PATIENCE
        if mood < PUBLIC_BELOW or patience <= 0:
            return moves


COMMENT_COLUMN = 38


def _align(text: str) -> str:
    """Line up the template's trailing comments (marked with a tab) whatever the answers' lengths."""
    out = []
    for line in text.splitlines():
        code, tab, comment = line.partition("\t# ")
        if tab:
            line = (code.ljust(COMMENT_COLUMN - 1) if len(code) < COMMENT_COLUMN - 2 else code + " ") + " # " + comment
        out.append(line)
    return "\n".join(out) + "\n"


def _mark_comments(template: str) -> str:
    return re.sub(r"(?m)(?<=\S) {2,}(?=# )", "\t", template)


@cache
def template(language: str) -> str:
    """The scenario file in `language` with `{answer}` fields, its trailing comments marked for `_align`.

    It teaches the format as the author reads it: every part once, with a comment saying what it does
    and where the docs say more. Braces for YAML flow lists are doubled ({{ }}).
    """
    path = files("trainer.scenario") / "templates" / f"scenario.{language}.yaml.tmpl"
    return _mark_comments(path.read_text(encoding="utf-8"))


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "").replace("\u2019", "")


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".!")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def _moves(moves: list[str]) -> str:
    return "\n".join(f"      - {q(m)}" for m in moves)


def _block(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


def _opening(a: Answers, t: dict[str, str], tail: str = "") -> str:
    """Her first message: the harm and her question, as the channel carries it."""
    if a.channel == "twitter":
        return f"{{company}} {a.harm} {a.wants}{tail}"
    if a.channel == "email":
        return t["email_opening"].format(harm=a.harm, wants=a.wants + tail)
    return f"{a.harm} {a.wants}{tail}"
