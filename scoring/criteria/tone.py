"""Facilitator: the tone of the channel she chose: no letter's forms in a tweet, no shouting, no sarcasm, a
person speaking to a person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.criteria.common import EARNED_BY, channel_named, customer_names
from scoring.scorecard import Criterion, Evidence
from scoring.signals import signal
from scoring.transcript import Transcript, Turn
from scoring.where import channels, where_at
from trainer.engine.channels import CHANNELS, sms_parts
from trainer.meaning.matching import normalize
from trainer.scenario.models import Scenario
from trainer.texts import tr


@dataclass(frozen=True, slots=True)
class Tone:
    """What a message on a channel is like: how long it comfortably is, and whether it may be a letter."""

    comfortable: int | None
    letter: bool
    parts: str = "score.tone.thread"
    """What a message over the channel's hard limit becomes: a thread of tweets, several text messages."""


TONES = {
    "twitter": Tone(comfortable=280, letter=False),
    "dm": Tone(comfortable=500, letter=False),
    "chat": Tone(comfortable=300, letter=False),
    "email": Tone(comfortable=None, letter=True),
    "whatsapp": Tone(comfortable=300, letter=False),
    "sms": Tone(comfortable=160, letter=False, parts="score.tone.sms_parts"),
}
_CAPS = re.compile(r"\b[A-Z]{4,}\b")
_SHOUT_MARKS = re.compile(r"!{2,}|\?{2,}|\?!|!\?")
_SARCASM_MARKS = ("🙄", "/s", "😒")


def letter(s: Scenario) -> bool:
    """A channel where a message may be a letter (e-mail): a greeting and a sign-off are its form."""
    return TONES.get(s.channel, Tone(None, True)).letter


def stock_phrase(s: Scenario, language: str, found: tuple[str, ...]) -> str | None:
    """The template phrase of the channel in the words: on e-mail, "Dear Mrs …" and "Kind regards" are none."""
    return signal(language, "corporate" if letter(s) else "boilerplate", found)


def _norm(channel: str) -> Tone:
    return TONES.get(channel, Tone(None, True))


def _too_long(lang: str, channel: str, size: int) -> tuple[float, str, None] | None:
    """A message too long for the channel it was posted on: split into parts (a thread, texts), or a wall."""
    norm, traits, named = _norm(channel), CHANNELS.get(channel), channel_named(lang, channel)
    cut = traits.segment or traits.max_chars if traits else None
    if cut and size > cut:
        parts = sms_parts(size, cut) if traits and traits.segment else -(-size // cut)
        return (0.2 if parts == 2 else 0.4, tr(lang, norm.parts, n=size, parts=parts, channel=named), None)
    if norm.comfortable and size > norm.comfortable:
        return (0.2 if size <= 2 * norm.comfortable else 0.4, tr(lang, "score.tone.long", n=size, channel=named), None)
    return None


def tone(t: Transcript, s: Scenario) -> Criterion:
    """Each message judged by the channel it was posted on: a tweet's length in the thread, an SMS's in a text."""
    lang, places = t.language, channels(t, s)
    channel = tr(lang, "score.then").join(channel_named(lang, c) for c in places)
    title = tr(lang, "score.tone.title", channel=channel)
    tip = tr(lang, f"score.tone.tip.{places[-1]}") if places[-1] in TONES else tr(lang, "score.tone.tip.email")
    if not t.messages:
        return Criterion("tone", title, None, (), tip)
    details = {normalize(str(v)) for v in s.details.values()}
    evidence, penalty = [], 0.0
    for m in t.messages:
        here = where_at(t, s, m.turn).channel
        norm, named = _norm(here), channel_named(lang, here)
        found: list[tuple[float, str, str | None]] = []
        if not norm.letter:
            if form := signal(lang, "salutation", m.words):
                found.append((0.3, tr(lang, "score.tone.salutation", phrase=form, channel=named), form))
            if closing := signal(lang, "sign_off", m.words):
                found.append((0.3, tr(lang, "score.tone.sign_off", phrase=closing, channel=named), closing))
        if stiff := signal(lang, "stiff", m.words) or signal(lang, "corporate", m.words):
            found.append((0.2, tr(lang, "score.tone.stiff", phrase=stiff), stiff))  # corporate, on any channel
        if long := _too_long(lang, here, len(m.text)):
            found.append(long)
        shouted = [w for w in _CAPS.findall(m.text) if normalize(w) not in details]
        if len(shouted) >= 2 or _SHOUT_MARKS.search(m.text):
            shown = " ".join(shouted[:3]) or _SHOUT_MARKS.search(m.text).group(0)  # type: ignore[union-attr]
            found.append((0.3, tr(lang, "score.tone.shouting", words=shown), shouted[0] if shouted else None))
        sarcasm = signal(lang, "sarcasm", m.words) or next((x for x in _SARCASM_MARKS if x in m.text), None)
        if sarcasm:
            found.append((0.3, tr(lang, "score.tone.sarcasm", phrase=sarcasm), sarcasm))
        if dismissive := signal(lang, "dismissive", m.words):
            found.append((0.3, tr(lang, "score.tone.dismissive", phrase=dismissive), dismissive))
        for cost, note, phrase in found:
            penalty += cost
            quote = m.quote(phrase) if phrase and any(c.isalnum() for c in phrase) else m.quote()
            evidence.append(Evidence(m.turn, quote, note=note, good=False))
    names = customer_names(s)
    spoken = [m for m in t.messages if _speaks_to_her(m, names)]
    earned = min(1.0, EARNED_BY * len(spoken) / len(t.messages))
    if spoken and not evidence:
        longest = max(spoken, key=lambda m: len(m.text))
        evidence.append(Evidence(longest.turn, longest.quote(),
                                 note=tr(lang, "score.tone.fine", channel=channel, n=len(longest.text))))
    elif not spoken:
        evidence.append(t.missing(tr(lang, "score.tone.impersonal"), t.messages[0].turn))  # no one speaks
    return Criterion("tone", title, max(0.0, earned - penalty), tuple(evidence[:4]), tip)


def _speaks_to_her(m: Turn, names: set[str]) -> bool:
    """A person writing to a person: I or we, you, or her name somewhere in the message ("Cause: aircraft
    change. Refund done." and "Seats may be reassigned for operational reasons." speak as no one to no one)."""
    return bool(set(m.words) & (_I | _YOU | names))


_I = frozenset("i im ive ill id me my we were weve well us our ik mij me mijn we wij ons onze".split())
_YOU = frozenset("you your youre youll youve yours je jij jou jouw u uw jullie".split())
