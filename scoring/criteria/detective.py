"""Detective: investigates, finds the facts, hears both sides, says nothing untrue."""

from __future__ import annotations

from scoring.scorecard import Criterion, Evidence
from scoring.signals import signal
from scoring.transcript import Transcript
from trainer.engine.matching import matches_any
from trainer.scenario.models import Scenario


def _conclusion_turn(t: Transcript, s: Scenario) -> int | None:
    """The first turn where the trainee explains, claims or settles something."""
    offers = tuple(r.offer for r in (*s.rubric.fitting, *s.rubric.poor) if r.offer)
    turns = [m.turn for m in t.messages if m.wrong or set(m.intents) & {*s.rubric.explains, *offers}]
    turns += [a.turn for a in t.actions if a.ok]
    return min(turns) if turns else None


def checks_first(t: Transcript, s: Scenario) -> Criterion:
    title = "Looks the facts up before concluding"
    tip = "Open the back office (booking, records) before you explain or offer anything."
    looked = [x for x in t.lookups if x.ok]
    conclusion = _conclusion_turn(t, s)
    evidence = tuple(Evidence(x.turn, action=f"lookup {x.name}", note="checked the back office") for x in looked[:3])
    if not looked:
        return Criterion("checks_first", title, 0.0, evidence, tip)
    if conclusion is None or looked[0].turn < conclusion:
        return Criterion("checks_first", title, 1.0, evidence, tip)
    late = t.evidence_at(conclusion, "concluded before looking anything up")
    return Criterion("checks_first", title, 0.4, (late, *evidence), tip)


def key_facts(t: Transcript, s: Scenario) -> Criterion:
    title = "Uncovers the key facts"
    wanted = s.rubric.key_facts
    if not wanted:
        return Criterion("key_facts", title, None)
    found = [f for f in wanted if f in t.facts]
    missing = [f for f in wanted if f not in t.facts]
    evidence = tuple(
        Evidence(t.facts[f][0], action=_source(t.facts[f][1]), note=s.facts[f].is_) for f in found
    )
    shown = [s.facts[f].is_ for f in missing[:2]]
    more = f" (and {len(missing) - 2} more)" if len(missing) > 2 else ""
    tip = "You never found out: " + " ".join(shown) + more if missing else ""
    return Criterion("key_facts", title, len(found) / len(wanted), evidence, tip)


def _source(source: str) -> str:
    """`lookup:booking` → `found in booking`; `asking:ask_x` → `by asking (ask_x)`."""
    kind, _, name = source.partition(":")
    return {"lookup": f"found in {name}", "action": f"came with {name}", "asking": f"by asking ({name})"}.get(
        kind, "she told it"
    )


def asks(t: Transcript, s: Scenario) -> Criterion:
    title = "Asks open, relevant questions"
    tip = "Ask what happened, in an open question, before you answer."
    asking = {i for f in s.facts.values() for i in f.by_asking}
    best, evidence = 0.0, []
    for m in t.messages:
        relevant = set(m.intents) & asking
        is_question = "?" in m.text
        open_word = signal(t.language, "open_question", m.words)
        if relevant or (is_question and open_word):
            value, note = 1.0, "open question" + (" that draws out her story" if relevant else "")
        elif is_question:
            value, note = 0.5, "closed question"
        else:
            continue
        best = max(best, value)
        evidence.append(Evidence(m.turn, m.quote(open_word), note=note, good=value == 1.0))
    return Criterion("asks", title, best, tuple(evidence[:3]), tip)


def nothing_untrue(t: Transcript, s: Scenario) -> Criterion:
    title = "States nothing the facts contradict"
    tip = "Say only what the records show: check before you explain."
    if not t.messages:
        return Criterion("nothing_untrue", title, 0.0, (), tip)
    evidence = tuple(
        Evidence(m.turn, m.quote(matches_any(s.intents[w].match, m.words)), note=s.intents[w].wrong or "",
                 good=False)
        for m in t.messages
        for w in m.wrong
    )
    return Criterion("nothing_untrue", title, max(0.0, 1.0 - 0.5 * len(evidence)), evidence[:4], tip)


def answers_questions(t: Transcript, s: Scenario) -> Criterion:
    title = "Answers every question she asked"
    asked = []
    for q in s.rubric.questions:
        when = next((turn for turn, state in t.entered if state in q.asked_in), None)
        if when is not None:
            asked.append((q, when))
    if not asked:
        return Criterion("answers_questions", title, None)
    evidence, answered, open_questions = [], 0, []
    for q, when in asked:
        reply = next(
            (m for m in t.messages if m.turn > when and set(m.intents) & set(q.answered_by)), None
        )
        if reply:
            answered += 1
            evidence.append(Evidence(reply.turn, reply.quote(), note=f"answers “{q.ask}”"))
        else:
            open_questions.append(q.ask)
            after = next((m.turn for m in t.messages if m.turn > when), when + 1)
            evidence.append(t.evidence_at(after, f"she had asked “{q.ask}” — never answered"))
    tip = "Answer her question" + ("s: " if len(open_questions) > 1 else ": ") + " ".join(
        f"“{q}”" for q in open_questions
    )
    return Criterion("answers_questions", title, answered / len(asked), tuple(evidence), tip)


CRITERIA = (checks_first, key_facts, asks, nothing_untrue, answers_questions)
