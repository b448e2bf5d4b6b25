"""Plumber: turns the problem into a fix that fits, owns the next step, improves the system."""

from __future__ import annotations

from scoring.scorecard import Criterion, Evidence
from scoring.signals import signal
from scoring.transcript import Transcript
from trainer.scenario.models import Scenario

OUTCOME_VALUE = {"resolved": 1.0, "escalated": 0.7, "unresolved": 0.2, "churned": 0.0,
                 "went_public": 0.0, "viral": 0.0}


def fitting_resolution(t: Transcript, s: Scenario) -> Criterion:
    title = "Offers a resolution that fits the harm"
    r = s.rubric
    if not r.fitting and not r.poor:
        return Criterion("fitting_resolution", title, None)
    best, evidence = 0.0, []
    for res in r.fitting:
        total = 0.0
        for a in t.actions:
            if a.ok and a.name == res.action:
                total += a.amount or 0
                full = res.min_amount is None or total >= res.min_amount
                best = max(best, 1.0 if full else 0.5)
                note = res.why if full else f"less than fits: {res.why}"
                evidence.append(Evidence(a.turn, action=a.label, note=note, good=full))
        if res.offer and (m := t.turn_of_first((res.offer,))):
            best = max(best, 0.5)
            evidence.append(Evidence(m.turn, m.quote(), note=f"offered in words: {res.why}"))
    penalty = 0.0
    for res in r.poor:
        for a in t.actions:
            if a.ok and a.name == res.action:
                penalty += 0.5
                evidence.append(Evidence(a.turn, action=a.label, note=res.why, good=False))
        if res.offer and (m := t.turn_of_first((res.offer,))):
            penalty += 0.25
            evidence.append(Evidence(m.turn, m.quote(), note=res.why, good=False))
    fits = [x.why for x in r.fitting]
    tip = "What fits: " + " ".join(fits) if fits else "Offer what fits the harm, not what is easiest."
    return Criterion("fitting_resolution", title, max(0.0, best - penalty), tuple(evidence), tip)


def explains_why(t: Transcript, s: Scenario) -> Criterion:
    title = "Explains why it happened"
    if not s.rubric.explains:
        return Criterion("explains_why", title, None)
    tip = "Find the cause in the back office, then tell her plainly why it happened."
    m = next((m for m in t.messages if set(m.intents) & set(s.rubric.explains) and not m.wrong), None)
    if m is None:
        return Criterion("explains_why", title, 0.0, (), tip)
    checked = any(x.ok and x.turn < m.turn for x in t.lookups)
    note = "explains the cause" if checked else "explains without having checked: a guess"
    return Criterion("explains_why", title, 1.0 if checked else 0.5,
                     (Evidence(m.turn, m.quote(), note=note, good=checked),), tip)


def owns_next_step(t: Transcript, s: Scenario) -> Criterion:
    title = "Owns the next step, with a time"
    tip = "Say what you will do yourself and by when (\"I'll DM you by Friday\")."
    best, evidence = 0.0, []
    for m in t.messages:
        owner = signal(t.language, "commitment", m.words)
        when = signal(t.language, "time", m.words)
        vague = signal(t.language, "vague_promise", m.words)
        if owner and when:
            best = 1.0
            evidence.append(Evidence(m.turn, m.quote(when), note="a next step, owned, with a time"))
        elif vague:
            evidence.append(Evidence(m.turn, m.quote(vague), note=f"vague hand-off '{vague}'", good=False))
            best = max(best, 0.2)
    return Criterion("owns_next_step", title, best, tuple(evidence[:3]), tip)


def escalates(t: Transcript, s: Scenario) -> Criterion:
    title = "Brings in someone with a mandate when needed"
    if not s.rubric.escalation_needed or not s.rubric.escalate:
        return Criterion("escalates", title, None)
    done = [a for a in t.actions if a.ok and a.name in s.rubric.escalate]
    evidence = tuple(Evidence(a.turn, action=a.label, note="escalated") for a in done)
    return Criterion("escalates", title, 1.0 if done else 0.0, evidence,
                     "You lacked the mandate: hand the case to someone who has it.")


def improves(t: Transcript, s: Scenario) -> Criterion:
    title = "Records the root cause, so it is fixed for others"
    if not s.rubric.improve:
        return Criterion("improves", title, None)
    tip = "Log the root cause with the team that can fix it, and tell her you did."
    done = [a for a in t.actions if a.ok and a.name in s.rubric.improve]
    said = t.turn_of_first(s.rubric.improve)
    evidence = [Evidence(a.turn, action=a.label, note="logged for improvement") for a in done]
    if said:
        evidence.append(Evidence(said.turn, said.quote(), note="tells her it will be fixed"))
    score = 1.0 if done else 0.4 if said else 0.0
    return Criterion("improves", title, score, tuple(evidence), tip)


def closes_loop(t: Transcript, s: Scenario) -> Criterion:
    title = "Closes the loop"
    value = OUTCOME_VALUE.get(t.outcome_kind or "unresolved", 0.2)
    note = t.summary or "the conversation is still open"
    outcome = f"outcome: {t.outcome}" if t.outcome else "still open"
    evidence = (Evidence(t.last_turn, action=outcome, note=note, good=value >= 0.7),)
    return Criterion("closes_loop", title, value, evidence, "Stay until it is settled and she says so.")


CRITERIA = (fitting_resolution, explains_why, owns_next_step, escalates, improves, closes_loop)
