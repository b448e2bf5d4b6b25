"""Facilitator: genuine, personal, always time for her."""

from __future__ import annotations

from scoring.scorecard import Criterion, Evidence
from scoring.signals import signal
from scoring.transcript import Transcript
from trainer.engine.channels import CHANNELS
from trainer.engine.matching import matches_any, normalize, words
from trainer.scenario.models import Scenario


def acknowledges(t: Transcript, s: Scenario) -> Criterion:
    title = "Acknowledges her feeling and the specific harm"
    tip = "In your first reply, name how she feels and what exactly went wrong for her."
    best, evidence = 0.0, []
    for i, m in enumerate(t.messages):
        feeling = signal(t.language, "empathy", m.words)
        if not feeling:
            continue
        harm = matches_any(s.rubric.harm, m.words) if s.rubric.harm else None
        template = signal(t.language, "boilerplate", m.words)
        value = 1.0 if harm or not s.rubric.harm else 0.4
        if template:
            value *= 0.5
        if i > 1:
            value *= 0.7  # late: she waited turns for it
        note = "names the harm" if harm else "sympathy without naming what went wrong"
        if template:
            note += f"; template phrase '{template}'"
        evidence.append(Evidence(m.turn, m.quote(harm or feeling), note=note, good=value >= 0.7))
        best = max(best, value)
    return Criterion("acknowledges", title, best, tuple(evidence[:3]), tip)


def personal(t: Transcript, s: Scenario) -> Criterion:
    title = "Personal: her name and her details, not a form letter"
    tip = f"Talk to her as {s.customer.first_name}, and use the details of her case."
    names = set(words(s.customer.name)) | set(words(s.customer.first_name))
    details = [str(v) for v in s.details.values() if len(str(v)) >= 3 and not str(v).startswith("@")]
    score, evidence = 0.0, []
    named = next((m for m in t.messages if names & set(m.words)), None)
    if named:
        form = signal(t.language, "salutation", named.words)
        score += 0.25 if form else 0.5
        note = f"her name, in a form-letter salutation ('{form}')" if form else "uses her name"
        evidence.append(Evidence(named.turn, named.quote(), note=note, good=not form))
    for m in t.messages:
        low = normalize(m.text)
        hit = next((d for d in details if normalize(d) in low), None)
        if hit:
            score += 0.5
            evidence.append(Evidence(m.turn, m.quote(hit), note=f"mentions her detail '{hit}'"))
            break
    return Criterion("personal", title, score, tuple(evidence), tip)


def own_words(t: Transcript, s: Scenario) -> Criterion:
    title = "Own words, about her: no template phrases, repeats or claims that aren't hers"
    tip = "Drop stock phrases; answer her last message in your own words."
    if not t.messages:
        return Criterion("own_words", title, 0.0, (), tip)
    evidence, penalty, seen = [], 0.0, set()
    for m in t.messages:
        phrase = signal(t.language, "boilerplate", m.words)
        if phrase:
            penalty += 0.3
            evidence.append(Evidence(m.turn, m.quote(phrase), note=f"template phrase '{phrase}'", good=False))
        key = " ".join(m.words)
        if key in seen and key:
            penalty += 0.25
            evidence.append(Evidence(m.turn, m.quote(), note="the same message again", good=False))
        seen.add(key)
        for wrong in m.wrong:
            penalty += 0.3
            why = s.intents[wrong].wrong or ""
            claim = matches_any(s.intents[wrong].match, m.words)
            evidence.append(Evidence(m.turn, m.quote(claim), note=f"not about her: {why}", good=False))
        if not m.understood:
            penalty += 0.1
            evidence.append(Evidence(m.turn, m.quote(), note="did not answer what she had just said", good=False))
    return Criterion("own_words", title, max(0.0, 1.0 - penalty), tuple(evidence[:4]), tip)


def prompt(t: Transcript, s: Scenario) -> Criterion:
    limit = CHANNELS[s.channel].reply_within
    title = f"Answers promptly (within {limit / 60:g} min on {CHANNELS[s.channel].label})"
    tip = "Answer quickly, even if only to say you are on it; silence costs her patience."
    if not t.messages:
        return Criterion("prompt", title, 0.0, (), tip)
    slow = [m for m in t.messages if m.response_seconds > limit]
    evidence = tuple(
        Evidence(m.turn, m.quote(), note=f"she waited {m.response_seconds / 60:.0f} min", good=False)
        for m in slow[:3]
    )
    return Criterion("prompt", title, 1.0 - len(slow) / len(t.messages), evidence, tip)


CRITERIA = (acknowledges, personal, own_words, prompt)
