"""Facilitator: genuine, personal, always time for the customer — in the tone of the channel they chose."""

from __future__ import annotations

import re

from scoring.claims import claims
from scoring.criteria.common import (
    EARNED_BY,
    called,
    channel_named,
    customer_names,
    generic,
    harmed_called,
    harmed_names,
    her_details,
    names_harmed,
)
from scoring.criteria.tone import letter, stock_phrase, tone
from scoring.privacy import CODE, in_public, invitation, public_details
from scoring.scorecard import Criterion, Evidence
from scoring.signals import said, signal
from scoring.transcript import Transcript, Turn, split_sentences
from scoring.where import channels, ever_public, where_at
from trainer.engine.channels import CHANNELS
from trainer.meaning.matching import matches_any, normalize, word_matches, words
from trainer.scenario.models import Scenario
from trainer.texts import tr


def acknowledges(t: Transcript, s: Scenario) -> Criterion:
    """Judged per turn of hers that voices a feeling or a harm: was the reply to it acknowledging? The
    reply to her first such turn weighs most; being called a bot or told "you're not listening" costs."""
    lang, who = t.language, called(t, s)
    title, tip = tr(lang, "score.acknowledges.title"), _acknowledges_tip(s, lang, who)
    best, evidence = 0.0, []
    values: dict[int, float] = {}
    for i, m in enumerate(t.messages):
        feeling = said("empathy", m.message) or _her_harm(m, s)
        if not feeling:
            continue
        harm = matches_any(s.rubric.harm, m.words) if s.rubric.harm else None
        sentence = m.quote(harm or feeling)
        template = stock_phrase(s, lang, words(sentence)) or stock_phrase(s, lang, m.words)
        value = 1.0 if harm or not s.rubric.harm else 0.4
        if template:
            value *= 0.5
        note = tr(lang, "score.acknowledges.harm" if harm else "score.acknowledges.general")
        if s.customer.writes_for and not names_harmed(s, m.words):
            value, note = _left_out(s, lang, who, value, note)
        values[m.turn] = value
        if template:
            note += tr(lang, "score.acknowledges.template", phrase=template)
        if i > 1:
            value *= 0.7  # late: the customer waited turns for it
            note += tr(lang, "score.acknowledges.late", n=i + 1)
        evidence.append(Evidence(m.turn, sentence, note=note, good=value >= 0.7))
        best = max(best, value)
    voiced = sorted({line.turn for line in t.customer_lines if _voices(line.text, lang, s)}) if values else []
    answered = [_heard(t, turn, values) for turn in voiced if t.reply_after(turn)]
    if answered and values:
        best = 0.6 * best + 0.4 * sum(answered) / len(answered)
    for line in t.customer_lines:
        if (complaint := signal(lang, "unheard", words(line.text))) is not None:
            best -= 0.25
            after = next((m for m in reversed(t.messages) if m.turn <= line.turn), None)
            note = tr(lang, "score.acknowledges.unheard", customer=who, phrase=complaint)
            evidence.append(t.evidence_at(after.turn, note) if after else t.missing(note))
    if not values and generic(s):
        # No scenario to say what the harm is: the detector's reading is the best signal left.
        from scoring.detector import detect

        attentive = next((m for m in t.messages if detect(m.text, lang) == "facilitator"), None)
        if attentive:
            best = 0.3
            note = tr(lang, "score.acknowledges.detected", customer=who)
            evidence.append(Evidence(attentive.turn, attentive.quote(), note=note, good=False))
    if not evidence:
        first = t.messages[0].turn if t.messages else None
        evidence.append(t.missing(tr(lang, "score.acknowledges.none", customer=who), first))
    return Criterion("acknowledges", title, max(0.0, min(1.0, best)), tuple(evidence[:4]), tip)


WRITES_FOR_LEFT_OUT = 0.7
"""An acknowledgement to the writer that leaves out the person harmed keeps this share of its value (with
`rubric.acknowledge_writes_for` it keeps none: it is not acknowledging her)."""


def _acknowledges_tip(s: Scenario, language: str, who: str) -> str:
    if s.customer.writes_for and s.rubric.acknowledge_writes_for:
        return tr(language, "score.acknowledges.tip_for", customer=who, **harmed_called(s))
    return tr(language, "score.acknowledges.tip", customer=who)


def _left_out(s: Scenario, language: str, who: str, value: float, note: str) -> tuple[float, str]:
    """The value and note of sympathy for the writer that says no word to or about the person harmed."""
    if s.rubric.acknowledge_writes_for:
        return 0.0, tr(language, "score.acknowledges.not_her", customer=who, **harmed_called(s))
    return value * WRITES_FOR_LEFT_OUT, note + tr(language, "score.acknowledges.her_too", **harmed_called(s))


def _her_harm(m: Turn, s: Scenario) -> str | None:
    """A sentence (not a question) that names the person harmed together with the harm: acknowledging her, even
    without a word of sympathy ("Your mother should never have waited an hour")."""
    if not s.customer.writes_for or not s.rubric.harm:
        return None
    for sentence in split_sentences(m.text):
        found = words(sentence)
        named = names_harmed(s, found)
        if not sentence.rstrip().endswith("?") and named and matches_any(s.rubric.harm, found) \
                and _said_of_her(m, named.split()[0]):
            return sentence
    return None


def _said_of_her(m: Turn, name: str) -> bool:
    """Where the message names her, it says so: not in the scope of a negation ("I won't discuss your mother"),
    nor reported, hypothetical or sarcastic."""
    message = m.message
    places = [i for i, w in enumerate(message.words) if w == name]
    return any(not message.clause_at(i).negated_at(i) and message.clause_at(i).asserted for i in places)


def _heard(t: Transcript, turn: int, values: dict[int, float]) -> float:
    """How well a turn of hers was heard: the acknowledgement in the reply to it or in the one after."""
    replies = [m for m in t.messages if m.turn > turn][:2]
    return max((values.get(m.turn, 0.0) for m in replies), default=0.0)


def _voices(line: str, language: str, s: Scenario) -> bool:
    """Her line voices a feeling or a harm: her own words of it, or the case's harm."""
    found = words(line)
    return bool(signal(language, "feeling", found) or (s.rubric.harm and matches_any(s.rubric.harm, found)))


_GREETING = {
    "en": ("dear", "hi", "hello", "hey", "morning", "evening"),
    "nl": ("beste", "geachte", "hoi", "hallo", "hey", "goedemorgen", "goedemiddag", "goedenavond", "dag"),
}
_TITLES = r"(?:mrs|mr|ms|miss|mevrouw|mevr|meneer|mr|dhr|heer|juffrouw)\.?\s+"
_NOT_A_NAME = {
    "customer", "customers", "there", "all", "team", "sir", "madam", "everyone", "friend", "again", "both",
    "klant", "allemaal", "allen", "daar", "heer", "mevrouw", "beiden", "weer", "iedereen", "dames", "heren",
}


def _known_names(s: Scenario) -> set[str]:
    """The customer's, the person's she writes for, and every name in the case's details (a partner may be named
    too)."""
    return customer_names(s) | harmed_names(s) | {w for v in s.details.values() for w in words(str(v))}


def _other_name(m: Turn, language: str, known: set[str]) -> str | None:
    """A name in a greeting that is not the customer's: `Dear Mrs Jansen` to Daniela Maduro."""
    greetings = "|".join(_GREETING.get(language, _GREETING["en"]) + _GREETING["en"])
    pattern = re.compile(rf"\b(?:{greetings})\s+(?:{_TITLES})?([A-Z][\w'-]+)", re.IGNORECASE)
    for found in pattern.finditer(m.text):
        name = found.group(1)
        if not name[0].isupper():
            continue
        key = normalize(name)
        if key in _NOT_A_NAME or any(word_matches(n, w) for n in known for w in words(name)):
            continue
        return name
    return None


def personal(t: Transcript, s: Scenario) -> Criterion:
    lang, who = t.language, called(t, s)
    title = tr(lang, "score.personal.title")
    names = customer_names(s)
    details = her_details(s)
    tip = tr(lang, "score.personal.tip", first_name=s.customer.first_name) if names else \
        tr(lang, "score.personal.tip_generic")
    if not names and not details:
        return Criterion("personal", title, None, (), tip)
    name_part = 0.5 if details else 1.0
    score, evidence = 0.0, []
    named = next((m for m in t.messages if names & set(m.words)), None)
    if named:
        form = None if letter(s) else signal(lang, "salutation", named.words)  # "Dear Mrs Bakker" is how a letter opens
        score += name_part / 2 if form else name_part
        note = tr(lang, "score.personal.form", form=form, customer=who) if form else \
            tr(lang, "score.personal.name", customer=who)
        name = next((w for w in named.words if w in names), None)
        evidence.append(Evidence(named.turn, named.quote(form or name), note=note, good=not form))
    for m in t.messages:
        low = normalize(m.text)
        hit = next((d for d in details if normalize(d) in low), None)
        if hit:
            score += 0.5
            evidence.append(Evidence(m.turn, m.quote(hit), note=tr(lang, "score.personal.detail", detail=hit)))
            break
    codes = {normalize(d) for d in details if CODE.fullmatch(d)}
    for m in t.messages:
        other = _other_name(m, lang, _known_names(s))
        if other:
            score -= 0.5
            note = tr(lang, "score.personal.wrong_name", name=other, customer=who)
            evidence.append(Evidence(m.turn, m.quote(other), note=note, good=False))
        code = next((c for c in CODE.findall(m.text) if codes and normalize(c) not in codes), None)
        if code:
            score -= 0.5
            note = tr(lang, "score.personal.wrong_code", code=code, customer=who)
            evidence.append(Evidence(m.turn, m.quote(code), note=note, good=False))
    if not evidence:
        first = t.messages[0].turn if t.messages else None
        evidence.append(t.missing(tr(lang, "score.personal.none", customer=who), first))
    return Criterion("personal", title, max(0.0, min(1.0, score)), tuple(evidence[:4]), tip)


def own_words(t: Transcript, s: Scenario) -> Criterion:
    lang, who = t.language, called(t, s)
    title, tip = tr(lang, "score.own_words.title"), tr(lang, "score.own_words.tip", customer=who)
    if not t.messages:
        return Criterion("own_words", title, 0.0, (t.missing(tr(lang, "score.own_words.no_reply", customer=who)),), tip)
    evidence, penalty = [], 0.0
    seen: set[str] = set()
    sentences_seen: dict[tuple[str, ...], int] = {}
    for m in t.messages:
        phrase = stock_phrase(s, lang, m.words)
        if phrase:
            penalty += 0.3
            evidence.append(Evidence(m.turn, m.quote(phrase), note=tr(lang, "score.own_words.template", phrase=phrase),
                                     good=False))
        key = " ".join(m.words)
        if key in seen and key:
            penalty += 0.25
            evidence.append(Evidence(m.turn, m.quote(), note=tr(lang, "score.own_words.repeat"), good=False))
        else:
            repeat = _reused_sentence(m, sentences_seen)
            if repeat:
                sentence, earlier = repeat
                penalty += 0.15
                evidence.append(Evidence(m.turn, _cut(sentence),
                                         note=tr(lang, "score.own_words.repeat_sentence", turn=earlier), good=False))
        seen.add(key)
        for wrong in m.wrong:
            penalty += 0.3
            why = s.intents[wrong].wrong or ""
            claim = matches_any(s.intents[wrong].match, m.words)
            note = tr(lang, "score.own_words.not_hers", why=why, customer=who)
            evidence.append(Evidence(m.turn, m.quote(claim), note=note, good=False))
        for untrue in [c for c in claims(t, s) if c.untrue and c.turn == m.turn][:1]:
            penalty += 0.3
            evidence.append(Evidence(m.turn, untrue.sentence, note=tr(lang, "score.claims.facilitator", customer=who),
                                     good=False))
        if not m.understood:
            penalty += 0.1
            evidence.append(Evidence(m.turn, m.quote(), note=tr(lang, "score.own_words.ignored", customer=who),
                                     good=False))
    known = [*customer_names(s), *(normalize(v) for v in her_details(s))]
    hers = [m for m in t.messages if _about_her_case(m, s, known)]
    earned = min(1.0, EARNED_BY * len(hers) / len(t.messages))
    if hers and not evidence:
        longest = max(hers, key=lambda m: len(m.text))
        evidence.append(Evidence(longest.turn, longest.quote(), note=tr(lang, "score.own_words.fine", customer=who)))
    elif not hers:
        evidence.append(t.missing(tr(lang, "score.own_words.nothing_hers", customer=who), t.messages[0].turn))
    return Criterion("own_words", title, max(0.0, earned - penalty), tuple(evidence[:4]), tip)


def _about_her_case(m: Turn, s: Scenario, known: list[str]) -> bool:
    """The message carries something of hers: her name or a detail of the case (`known`), the harm, or
    something the scenario's intents recognise (a question, an explanation, an offer) that is not wrong."""
    if set(m.intents) - set(m.wrong):
        return True
    low = normalize(m.text)
    if any(k and k in low for k in known):
        return True
    return bool(s.rubric.harm and matches_any(s.rubric.harm, m.words)) or generic(s)


MIN_REUSED_WORDS = 5
"""A sentence this long, said twice, is a template, not a habit of speech."""


def _reused_sentence(m: Turn, seen: dict[tuple[str, ...], int]) -> tuple[str, int] | None:
    found = None
    for sentence in split_sentences(m.text):
        key = tuple(words(sentence))
        if len(key) < MIN_REUSED_WORDS:
            continue
        if key in seen and seen[key] != m.turn and found is None:
            found = (sentence, seen[key])
        seen.setdefault(key, m.turn)
    return found


def _cut(sentence: str, limit: int = 200) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _within(channel: str) -> float:
    """Seconds the channel expects an answer within (five minutes on one the trainer does not know)."""
    traits = CHANNELS.get(channel)
    return traits.reply_within if traits else 300.0


def prompt(t: Transcript, s: Scenario) -> Criterion:
    """Each message against the reply time of the channel it was posted on (a tweet thread, then a DM …)."""
    lang, who = t.language, called(t, s)
    on = [tr(lang, "score.prompt.within", minutes=f"{_within(c) / 60:g}", channel=channel_named(lang, c))
          for c in channels(t, s)]
    title = tr(lang, "score.prompt.title", within=tr(lang, "score.then").join(on))
    tip = tr(lang, "score.prompt.tip", customer=who)
    if not t.messages:
        return Criterion("prompt", title, 0.0, (t.missing(tr(lang, "score.prompt.no_reply", customer=who)),), tip)
    timed = [m for m in t.messages if m.known_time]
    if not timed:
        return Criterion("prompt", title, None, (), tip)  # imported without times: nothing to judge
    slow = [m for m in timed if m.response_seconds > _within(where_at(t, s, m.turn).channel)]
    evidence = tuple(
        Evidence(m.turn, m.quote(), good=False,
                 note=tr(lang, "score.prompt.waited", minutes=f"{m.response_seconds / 60:.0f}", customer=who))
        for m in slow[:3]
    )
    if not slow:
        slowest = max(timed, key=lambda m: m.response_seconds)
        note = tr(lang, "score.prompt.fine", time=_duration(slowest.response_seconds))
        evidence = (Evidence(slowest.turn, slowest.quote(), note=note),)
    return Criterion("prompt", title, 1.0 - len(slow) / len(timed), evidence, tip)


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


# ── public to private ────────────────────────────────────────────────────────────────────


def _asks_for_details(m: Turn, language: str) -> str | None:
    """The personal detail a message asks the customer for (a sentence with the detail and a request), if any."""
    for sentence in split_sentences(m.text):
        found = words(sentence)
        detail = signal(language, "personal_detail", found)
        if detail and (sentence.rstrip().endswith("?") or signal(language, "request", found)):
            return detail
    return None


def private_first(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.private.title"), tr(lang, "score.private.tip", customer=called(t, s))
    if not ever_public(t, s):
        return Criterion("private_first", title, None, (), tip)
    invite = invitation(t, s)
    asked_public = [  # asked while others read along; "DM us your booking code" is no such question
        (m, detail) for m in t.messages
        if m is not invite and in_public(t, s, m, invite, up_to_invite=False) and (detail := _asks_for_details(m, lang))
    ]
    posted = public_details(t, s)
    needed = asked_public or posted or any(signal(lang, "personal_detail", m.words) for m in t.messages)
    if not needed:
        # No details asked for or given: moving to private (or not) earns and costs nothing here.
        return Criterion("private_first", title, None, (), tip)
    evidence = [
        Evidence(m.turn, m.quote(detail), note=tr(lang, "score.private.asked", phrase=detail), good=False)
        for m, detail in asked_public[:2]
    ] + [
        Evidence(m.turn, m.quote(detail), note=tr(lang, "score.private.posted", detail=detail), good=False)
        for m, detail in posted[:2]
    ]
    if invite is not None:
        phrase = signal(lang, "private", invite.words)
        key = "score.private.invited_late" if asked_public else "score.private.invited"
        evidence.append(Evidence(invite.turn, invite.quote(phrase), note=tr(lang, key)))
    if posted:
        value = 0.0
    elif invite is None:
        value = 0.0 if asked_public else 0.5  # details named, never asked for in public, nor moved to private
    else:
        value = 0.3 if asked_public else 1.0
    if not evidence:
        evidence.append(t.missing(tr(lang, "score.private.never")))
    return Criterion("private_first", title, value, tuple(evidence), tip)


CRITERIA = (acknowledges, personal, own_words, prompt, tone, private_first)
