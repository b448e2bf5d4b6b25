"""A resolution, part by part: what each part of it earned, with evidence, and which parts are missing.

A resolution of one action or offer is one part; `all:` has several, each weighted (1 unless the author
says otherwise), and earns the weighted share of its parts. A part done counts fully (half while its total
is under `min_amount`); a part that is an offer counts when said. Met by words alone, with nothing done, a
resolution counts at most half — as one offer alone always has.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.claims import Claim, untrue_deeds
from scoring.criteria.common import quote_of
from scoring.scorecard import Evidence
from scoring.transcript import Transcript
from trainer.scenario.models import Resolution, ResolutionPart, Scenario
from trainer.texts import tr

WORDS_ONLY = 0.5
"""The most a resolution earns that was only said, nothing done."""


@dataclass(frozen=True, slots=True)
class Met:
    """What the trainee did of one resolution."""

    resolution: Resolution
    score: float
    evidence: tuple[Evidence, ...]
    short: tuple[str, ...]
    """The parts not met in full, by name."""
    absent: tuple[str, ...]
    """The parts not met at all, by name."""
    lies: tuple[Claim, ...]
    """For each action part, the first claim that it was done when it was not."""


@dataclass(frozen=True, slots=True)
class _Found:
    value: float
    deed: bool
    evidence: list[Evidence]
    lies: list[Claim]


def met(t: Transcript, s: Scenario, res: Resolution) -> Met:
    """What the trainee did of `res`, part by part."""
    lang, several = t.language, res.several
    weights = sum(p.weight for p in res.parts)
    earned, deed, evidence, short, absent, lies = 0.0, False, [], [], [], []
    for part in res.parts:
        name = part_name(t, s, part)
        found = _part(t, s, part, res.why, name if several else None)
        earned += part.weight * found.value
        deed = deed or found.deed
        evidence += found.evidence
        lies += [c for c in found.lies[:1] if c not in lies]
        if found.value < 1:
            short.append(name)
        if found.value == 0:
            absent.append(name)
    score = earned / weights
    if not deed:
        score = min(score, WORDS_ONLY)
    if several and evidence:
        done = len(res.parts) - len(short)
        evidence.append(Evidence(max(e.turn for e in evidence), note=tr(lang, "score.fitting.parts", n=done,
                                 of=len(res.parts), why=res.why), good=not short))
    return Met(res, score, tuple(evidence), tuple(short), tuple(absent), tuple(lies))


def _part(t: Transcript, s: Scenario, part: ResolutionPart, why: str, name: str | None) -> _Found:
    """One part: the action's uses (their total against `min_amount`) or the first message that offers it.
    `name` is the part's, when it is one of several (its notes then name it)."""
    value, deed, evidence, total = 0.0, False, [], 0.0
    for a in t.actions:
        if part.action and a.ok and a.name == part.action:
            total += a.amount or 0
            full = part.min_amount is None or total >= part.min_amount
            value, deed = max(value, 1.0 if full else 0.5), True
            evidence.append(Evidence(a.turn, action=a.label, note=_note(t, "done" if full else "less", why, name, part),
                                     good=full))
    lies = untrue_deeds(t, s, (part.action,) if part.action else ())
    if part.offer and (m := t.turn_of_first((part.offer,))) and not any(c.turn == m.turn for c in lies):
        value = 1.0
        evidence.append(Evidence(m.turn, quote_of(m, s, (part.offer,)), note=_note(t, "words", why, name, part)))
    return _Found(value, deed, evidence, lies)


_SINGLE = {"less": "score.fitting.less", "words": "score.fitting.words"}
_PART = {"done": "score.fitting.part", "less": "score.fitting.part_less", "words": "score.fitting.part_words"}


def _note(t: Transcript, how: str, why: str, name: str | None, part: ResolutionPart) -> str:
    """The note for a part found: the resolution's why for a resolution of one part, else the part named."""
    lang = t.language
    if name is None:
        return why if how == "done" else tr(lang, _SINGLE[how], why=why)
    note = tr(lang, _PART[how], part=name)
    return f"{note} — {part.why}" if part.why else note


def part_name(t: Transcript, s: Scenario, part: ResolutionPart) -> str:
    """A part as the trainee would know it: the action's label (with its least amount), or what the offer means."""
    if part.action:
        action = s.actions.get(part.action)
        label = action.label if action is not None else part.action
        if part.min_amount is None:
            return label
        return tr(t.language, "score.fitting.at_least", label=label, amount=f"{part.min_amount:g}")
    intent = s.intents.get(part.offer or "")
    return intent.means.rstrip(" .") if intent is not None else part.offer or ""
