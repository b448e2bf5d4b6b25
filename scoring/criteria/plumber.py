"""Plumber: turns the problem into a fix that fits, owns the next step, improves the system."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from scoring.claims import Claim, untrue_deeds
from scoring.criteria.common import called, generic, quote_of, reads_as_plan
from scoring.criteria.resolutions import met
from scoring.scorecard import Criterion, Evidence
from scoring.signals import phrases, said, signal
from scoring.transcript import Transcript
from trainer.meaning.matching import matches_any
from trainer.meaning.reading import Message
from trainer.scenario.models import Scenario
from trainer.texts import tr

if TYPE_CHECKING:
    from trainer.meaning.clause import Clause

OUTCOME_VALUE = {"resolved": 1.0, "escalated": 0.7, "unresolved": 0.2, "churned": 0.0,
                 "went_public": 0.0, "viral": 0.0}


def fitting_resolution(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title = tr(lang, "score.fitting.title")
    r = s.rubric
    if not r.fitting and not r.poor:
        if generic(s):
            return _offers_a_step(t, s, title)
        return Criterion("fitting_resolution", title, None)
    found = [met(t, s, res) for res in r.fitting]
    best = max((f.score for f in found), default=0.0)
    evidence = [e for f in found for e in f.evidence]
    untrue: list[Claim] = [c for f in found for c in f.lies]
    penalty = 0.25 * len(untrue)
    for c in untrue:
        evidence.append(Evidence(c.turn, c.sentence, note=tr(lang, "score.claims.deed", label=s.actions[c.actions[0]].label),
                                 good=False))
    for res in r.poor:
        for a in t.actions:
            if a.ok and a.name == res.action:
                penalty += 0.5
                evidence.append(Evidence(a.turn, action=a.label, note=res.why, good=False))
        if res.offer and (m := t.turn_of_first((res.offer,))):
            penalty += 0.25
            evidence.append(Evidence(m.turn, quote_of(m, s, (res.offer,)), note=res.why, good=False))
    fits = [x.why for x in r.fitting]
    tip = tr(lang, "score.fitting.tip", fits=" ".join(fits)) if fits else tr(lang, "score.fitting.tip_generic")
    closest = next((f for f in found if f.resolution.several and 0 < f.score == best < 1), None)
    if closest is not None:  # the closest fit takes several parts, and some are missing: name them
        evidence += [t.missing(tr(lang, "score.fitting.part_missing", part=name)) for name in closest.absent]
        tip = tr(lang, "score.fitting.tip_missing", parts="; ".join(closest.short), why=closest.resolution.why)
    if not evidence:
        evidence.append(t.missing(tr(lang, "score.fitting.none")))
    return Criterion("fitting_resolution", title, max(0.0, best - penalty), tuple(evidence), tip)


def _offers_a_step(t: Transcript, s: Scenario, title: str) -> Criterion:
    """Without a case (the generic rubric): a concrete step taken or offered, by us — what fits can't be
    known, so this is at most half."""
    lang = t.language
    tip = tr(lang, "score.fitting.tip_generic")
    step = next((m for m in t.messages if (owned_step(m.message) or reads_as_plan(m))
                 and not said("vague_promise", m.message)), None)
    if step is None:
        return Criterion("fitting_resolution", title, 0.0, (t.missing(tr(lang, "score.fitting.none")),), tip)
    return Criterion("fitting_resolution", title, 0.5,
                     (Evidence(step.turn, step.quote(), note=tr(lang, "score.fitting.generic")),), tip)


def _gives_a_reason(t: Transcript, s: Scenario, title: str) -> Criterion:
    """Without a case: a reason given ("because", "that tells me …"); whether it is true can't be checked."""
    lang, who = t.language, called(t, s)
    tip = tr(lang, "score.explains.tip_generic", customer=who)
    reason = next(((m, p) for m in t.messages if (p := said("because", m.message))), None)
    if reason is None:
        return Criterion("explains_why", title, 0.0, (t.missing(tr(lang, "score.explains.none", customer=who)),), tip)
    m, phrase = reason
    return Criterion("explains_why", title, 0.5, (Evidence(m.turn, m.quote(phrase),
                                                           note=tr(lang, "score.explains.unchecked")),), tip)


def _asked_why(t: Transcript, s: Scenario) -> int | None:
    """The turn the customer asked what the explanation answers, if the rubric has that question and it was asked."""
    states = tuple(st for q in s.rubric.questions if set(q.answered_by) & set(s.rubric.explains) for st in q.asked_in)
    when = t.entered_at(states) if states else None
    if when is None:
        return None
    after = t.reply_after(when)
    return after.turn if after else when + 1


def explains_why(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title = tr(lang, "score.explains.title")
    if not s.rubric.explains:
        if generic(s):
            return _gives_a_reason(t, s, title)
        return Criterion("explains_why", title, None)
    who = called(t, s)
    tip = tr(lang, "score.explains.tip", customer=who)
    m = next((m for m in t.messages if set(m.intents) & set(s.rubric.explains) and not m.wrong), None)
    if m is None:
        never = t.missing(tr(lang, "score.explains.none", customer=who), _asked_why(t, s))
        return Criterion("explains_why", title, 0.0, (never,), tip)
    checked = any(x.ok and x.turn < m.turn for x in t.lookups)
    note = tr(lang, "score.explains.checked" if checked else "score.explains.guess")
    return Criterion("explains_why", title, 1.0 if checked else 0.5,
                     (Evidence(m.turn, quote_of(m, s, s.rubric.explains), note=note, good=checked),), tip)


def owns_next_step(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.owns.title"), tr(lang, "score.owns.tip")
    best, evidence = 0.0, []
    for m in t.messages:
        when = owned_step(m.message)
        vague = said("vague_promise", m.message)
        hand_off = said("hand_off", m.message)
        if when and vague:
            # "I'll get back to you tomorrow": a time, but no step she can picture
            best = max(best, 0.5)
            evidence.append(Evidence(m.turn, m.quote(when), note=tr(lang, "score.owns.vague_time", phrase=vague),
                                     good=False))
        elif when:
            best = 1.0
            evidence.append(Evidence(m.turn, m.quote(when), note=tr(lang, "score.owns.owned")))
        elif vague:
            evidence.append(Evidence(m.turn, m.quote(vague), note=tr(lang, "score.owns.vague", phrase=vague), good=False))
            best = max(best, 0.2)  # the customer has someone's word, if not a time
        elif hand_off:
            note = tr(lang, "score.owns.hand_off", phrase=hand_off)
            evidence.append(Evidence(m.turn, m.quote(hand_off), note=note, good=False))
    if not evidence:
        note = tr(lang, "score.owns.none")
        if generic(s) and t.messages:
            # Without a case to go by, the detector's reading at least shows where a plan was made.
            from scoring.detector import detect

            plan = next((m for m in t.messages if detect(m.text, lang) == "plumber"), None)
            if plan:
                evidence.append(Evidence(plan.turn, plan.quote(), note=note + tr(lang, "score.owns.detected"),
                                         good=False))
        if not evidence:
            evidence.append(t.missing(note))
    return Criterion("owns_next_step", title, best, tuple(evidence[:3]), tip)


FUTURE_EN = frozenset("will ill well shall going gonna".split())
HEAR = frozenset("hear hoor hoort".split())
FROM_US = frozenset("me us mij ons".split())
SPEAKER_NL = frozenset("ik we wij".split())
STATIVE_NL = frozenset("zie zien snap begrijp weet vind denk ben hoop zit".split())
"""Present-tense verbs that tell a state, not a deed ahead: "ik zie je boeking op vrijdag"."""


def owned_step(message: Message) -> str | None:
    """The time of a next step the writer owns, or that she will see of it: "I'll DM you on Friday", "you'll
    hear from me by Friday", "you'll have it within 7 days", "morgen om 10:00 bel ik je". Not "they will
    contact you tomorrow", "I called you on Tuesday" or "I'm so sorry about Saturday"."""
    dutch = message.language == "nl"
    for span, c in _spans(message):
        if not c.asserted or c.question or c.conditional or c.negations:
            continue
        if dutch:
            mine = c.actor == "speaker" or (not c.actor and any(w in SPEAKER_NL for w in span))
            ahead = (c.time == "future" or c.scheduled) and not any(w in STATIVE_NL for w in span)
        else:
            mine = c.actor == "speaker"
            ahead = c.time == "future" and (any(w in FUTURE_EN for w in span) or _progressive(span))
        hers = (c.time == "future" or c.scheduled) and any(w in HEAR for w in span) and any(
            w in FROM_US for i, w in enumerate(message.words) if message.clause_at(i).sentence == c.sentence
        )  # "you'll hear from me by Friday", "vrijdag hoor je van me"
        if (mine and ahead) or hers:
            hit = matches_any(phrases(message.language, "time"), span)
            if hit:
                return hit
    return None




def _progressive(span: tuple[str, ...]) -> bool:
    """"I'm calling you tomorrow": a form of be, then a verb in -ing (not "I see booking R4TM9B on Friday")."""
    return any(w in ("im", "am", "were", "are") and any(x.endswith("ing") for x in span[i + 1:i + 3])
               for i, w in enumerate(span))


def _spans(message: Message) -> Iterator[tuple[tuple[str, ...], Clause]]:
    """Each clause's words with a following clause of the same sentence that names no one ("you'll see |
    it within 3 days" is one statement)."""
    for n, c in enumerate(message.clauses):
        after = message.clauses[n + 1] if n + 1 < len(message.clauses) else None
        end = after.end if after is not None and after.sentence == c.sentence and not after.actor else c.end
        yield message.words[c.start:end], c


def escalates(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.escalates.title"), tr(lang, "score.escalates.tip")
    said_cannot = next(((m, p) for m in t.messages if (p := signal(lang, "no_mandate", m.words))), None)
    needed = s.rubric.escalation_needed and bool(s.rubric.escalate)
    if not needed and said_cannot is None:
        return Criterion("escalates", title, None)
    done = [a for a in t.actions if a.ok and a.name in s.rubric.escalate]
    if done:
        evidence = tuple(Evidence(a.turn, action=a.label, note=tr(lang, "score.escalates.done")) for a in done)
        return Criterion("escalates", title, 1.0, evidence, tip)
    if said_cannot is not None:
        m, phrase = said_cannot
        missing = Evidence(m.turn, m.quote(phrase), note=tr(lang, "score.escalates.no_mandate", phrase=phrase),
                           good=False)
    else:
        missing = t.missing(tr(lang, "score.escalates.never", customer=called(t, s)))
    return Criterion("escalates", title, 0.0, (missing,), tip)


def _asked_to_improve(t: Transcript, s: Scenario) -> int | None:
    states = tuple(st for q in s.rubric.questions if set(q.answered_by) & set(s.rubric.improve) for st in q.asked_in)
    when = t.entered_at(states) if states else None
    if when is None:
        return None
    after = t.reply_after(when)
    return after.turn if after else when + 1


def improves(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title = tr(lang, "score.improves.title")
    if not s.rubric.improve:
        return Criterion("improves", title, None)
    who = called(t, s)
    tip = tr(lang, "score.improves.tip", customer=who)
    done = [a for a in t.actions if a.ok and a.name in s.rubric.improve]
    said = t.turn_of_first(s.rubric.improve)
    lies = untrue_deeds(t, s, s.rubric.improve)
    evidence = [Evidence(a.turn, action=a.label, note=tr(lang, "score.improves.logged")) for a in done]
    if said and any(c.turn == said.turn for c in lies):
        said = None
    if said:
        evidence.append(Evidence(said.turn, quote_of(said, s, s.rubric.improve),
                                 note=tr(lang, "score.improves.said", customer=who)))
    evidence += [Evidence(c.turn, c.sentence, good=False,
                          note=tr(lang, "score.claims.deed", label=s.actions[c.actions[0]].label)) for c in lies[:1]]
    score = 1.0 if done else 0.4 if said else 0.0
    if not evidence:
        evidence.append(t.missing(tr(lang, "score.improves.none"), _asked_to_improve(t, s)))
    return Criterion("improves", title, score, tuple(evidence), tip)


def closes_loop(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.closes.title"), tr(lang, "score.closes.tip", customer=called(t, s))
    if t.outcome_kind is None and generic(s):
        return Criterion("closes_loop", title, None, (), tip)  # an imported conversation: no known outcome
    value = OUTCOME_VALUE.get(t.outcome_kind or "unresolved", 0.2)
    note = t.summary or tr(lang, "score.closes.open_note")
    outcome = tr(lang, "score.closes.outcome", outcome=t.outcome) if t.outcome else tr(lang, "score.closes.open")
    evidence = (Evidence(t.last_turn, action=outcome, note=note, good=value >= 0.7),)
    return Criterion("closes_loop", title, value, evidence, tip)


CRITERIA = (fitting_resolution, explains_why, owns_next_step, escalates, improves, closes_loop)
