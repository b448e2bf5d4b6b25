"""Detective: investigates, finds the facts, hears both sides, says nothing untrue, answers what was asked."""

from __future__ import annotations

from collections.abc import Callable

from scoring.claims import claims, contradictions
from scoring.criteria.common import called, generic, question_of, quote_of, reads_as_plan
from scoring.mandate import overpromises
from scoring.scorecard import Criterion, Evidence
from scoring.signals import said, signal
from scoring.transcript import Transcript, Turn, split_sentences
from trainer.meaning.matching import matches_any, words
from trainer.meaning.reading import read
from trainer.scenario.models import Scenario
from trainer.texts import tr


def _conclusion_turn(t: Transcript, s: Scenario) -> int | None:
    """The first turn where the trainee explains, claims or settles something."""
    offers = tuple(p.offer for r in (*s.rubric.fitting, *s.rubric.poor) for p in r.parts if p.offer)
    turns = [m.turn for m in t.messages if m.wrong or set(m.intents) & {*s.rubric.explains, *offers}]
    turns += [a.turn for a in t.actions if a.ok]
    return min(turns) if turns else None


def checks_first(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.checks_first.title"), tr(lang, "score.checks_first.tip")
    if not s.lookups and not t.lookups:
        if generic(s):
            return _asks_before_concluding(t, title)
        return Criterion("checks_first", title, None, (), tip)  # no back office to open
    looked = [x for x in t.lookups if x.ok]
    conclusion = _conclusion_turn(t, s)
    note = tr(lang, "score.checks_first.checked")
    evidence = tuple(Evidence(x.turn, action=f"lookup {x.name}", note=note) for x in looked[:3])
    if not looked:
        return Criterion("checks_first", title, 0.0, (t.missing(tr(lang, "score.checks_first.never"), conclusion),), tip)
    if conclusion is None or looked[0].turn < conclusion:
        return Criterion("checks_first", title, 1.0, evidence, tip)
    late = t.evidence_at(conclusion, tr(lang, "score.checks_first.late"))
    return Criterion("checks_first", title, 0.4, (late, *evidence), tip)


def _asks_before_concluding(t: Transcript, title: str) -> Criterion:
    """Without a back office (the generic rubric): the facts come from her, so a cause or a fix stated before
    any question is a guess."""
    lang = t.language
    tip = tr(lang, "score.checks_first.tip_generic")
    asked = next((m for m in t.messages if any(c.asks or c.question for c in m.message.clauses)), None)
    concluded = next((m for m in t.messages if said("because", m.message) or reads_as_plan(m)), None)
    if concluded is None:
        return Criterion("checks_first", title, None, (), tip)
    if asked is not None and asked.turn < concluded.turn:
        return Criterion("checks_first", title, 1.0, (Evidence(asked.turn, question_of(asked),
                                                               note=tr(lang, "score.checks_first.asked")),), tip)
    note = tr(lang, "score.checks_first.guessed")
    return Criterion("checks_first", title, 0.4 if asked else 0.0, (Evidence(concluded.turn, concluded.quote(),
                                                                              note=note, good=False),), tip)


def key_facts(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title = tr(lang, "score.key_facts.title")
    wanted = [f for f in s.rubric.key_facts if f in s.facts]
    if not wanted:
        return Criterion("key_facts", title, None)
    found = [f for f in wanted if f in t.facts]
    missing = [f for f in wanted if f not in t.facts]
    evidence = tuple(
        Evidence(t.facts[f][0], action=_source(lang, t.facts[f][1], called(t, s)), note=s.facts[f].is_)
        for f in found
    )
    shown = [s.facts[f].is_ for f in missing[:2]]
    more = tr(lang, "score.key_facts.more", n=len(missing) - 2) if len(missing) > 2 else ""
    tip = tr(lang, "score.key_facts.tip", facts=" ".join(shown), more=more) if missing else ""
    if not evidence:
        evidence = (t.missing(tr(lang, "score.key_facts.none")),)
    return Criterion("key_facts", title, len(found) / len(wanted), evidence, tip)


def _source(language: str, source: str, customer: str) -> str:
    """`lookup:booking` → `found in booking`; `asking:ask_x` → `by asking (ask_x)`."""
    kind, _, name = source.partition(":")
    key = f"score.source.{kind}" if kind in ("lookup", "action", "asking", "start") else "score.source.story"
    return tr(language, key, name=name, customer=customer)


def asks(t: Transcript, s: Scenario) -> Criterion:
    lang = t.language
    title, tip = tr(lang, "score.asks.title"), tr(lang, "score.asks.tip")
    asking = {i for f in s.facts.values() for i in f.by_asking}
    detect = _detector() if generic(s) else None
    best, evidence = 0.0, []
    for m in t.messages:
        relevant = set(m.intents) & asking
        questions = [words(q) for q in split_sentences(m.text) if q.rstrip().endswith("?")]
        is_question = bool(questions) or "?" in m.text
        # "How about a voucher?" is an offer, not a question about the customer's story
        open_word = next((said("open_question", m.message) for q in questions if not signal(lang, "suggestion", q)),
                         None)
        if relevant or (is_question and open_word):
            value, note = 1.0, tr(lang, "score.asks.relevant" if relevant else "score.asks.open", customer=called(t, s))
        elif is_question:
            value, note = 0.5, tr(lang, "score.asks.closed")
        else:
            continue
        if detect is not None and detect(m.text, lang) == "detective":
            note += tr(lang, "score.asks.detected")
        best = max(best, value)
        evidence.append(Evidence(m.turn, m.quote(open_word), note=note, good=value == 1.0))
    if not evidence:
        first = t.messages[0].turn if t.messages else None
        evidence.append(t.missing(tr(lang, "score.asks.none"), first))
    return Criterion("asks", title, best, tuple(evidence[:3]), tip)


def _detector() -> Callable[[str, str], str]:
    from scoring.detector import detect

    return detect


def nothing_untrue(t: Transcript, s: Scenario) -> Criterion:
    """Earned by what was said and is true (explanations after a look-up, claims the record backs); lost by
    a wrong cause, a denied fact, a check or deed claimed and not done, an amount that was not moved."""
    lang = t.language
    title, tip = tr(lang, "score.nothing_untrue.title"), tr(lang, "score.nothing_untrue.tip")
    if not t.messages:
        if not any(i.wrong for i in s.intents.values()):
            return Criterion("nothing_untrue", title, None, (), tip)
        never = t.missing(tr(lang, "score.nothing_untrue.no_reply", customer=called(t, s)))
        return Criterion("nothing_untrue", title, 0.0, (never,), tip)
    bad: list[tuple[float, Evidence]] = [
        (0.5, Evidence(m.turn, m.quote(matches_any(s.intents[w].match, m.words)), note=s.intents[w].wrong or "",
                       good=False))
        for m in t.messages
        for w in m.wrong
    ]
    for m, phrase, after_record in contradictions(t, s):
        note = tr(lang, "score.nothing_untrue.denies_read" if after_record else "score.nothing_untrue.denies")
        bad.append((0.75 if after_record else 0.5, Evidence(m.turn, m.quote(phrase), note=note, good=False)))
    for m, phrase, key, values in overpromises(t, s):
        if key != "score.overpromise.thing":  # money beyond any limit is a wrong statement of what she is owed
            bad.append((0.5, Evidence(m.turn, m.quote(phrase), note=tr(lang, key, **values), good=False)))
    good: list[Evidence] = []
    unverifiable: list[Evidence] = []
    for c in claims(t, s):
        if c.backed is None:
            unverifiable.append(Evidence(c.turn, c.sentence, note=tr(lang, "score.claims.unverifiable"), good=False))
        elif c.untrue:
            note = tr(lang, "score.claims.check") if c.kind == "check" else \
                tr(lang, "score.claims.deed", label=s.actions[c.actions[0]].label)
            bad.append((0.5, Evidence(c.turn, c.sentence, note=note, good=False)))
        elif c.wrong_amount:
            note = tr(lang, "score.claims.amount", said=c.amount, done=c.done_amount)
            bad.append((0.5, Evidence(c.turn, c.sentence, note=note, good=False)))
        else:
            note = tr(lang, "score.claims.check_backed") if c.kind == "check" else \
                tr(lang, "score.claims.backed", label=s.actions[c.actions[0]].label)
            good.append(Evidence(c.turn, c.sentence, note=note))
    explained = next((m for m in t.messages if set(m.intents) & set(s.rubric.explains) and not m.wrong
                      and not any(e.turn == m.turn for _, e in bad)
                      and any(x.ok and x.turn < m.turn for x in t.lookups)), None)
    if explained is not None:
        good.insert(0, Evidence(explained.turn, quote_of(explained, s, s.rubric.explains),
                                note=tr(lang, "score.nothing_untrue.explained")))
    if not bad and not good:
        # Nothing checkable was said: nothing earned here, nothing lost (claims in a transcript with no record
        # of moves are shown, and counted neither way).
        return Criterion("nothing_untrue", title, None, tuple(unverifiable[:3]), tip)
    score = max(0.0, 1.0 - sum(cost for cost, _ in bad))
    evidence = [e for _, e in bad] + good + unverifiable
    return Criterion("nothing_untrue", title, score, tuple(evidence[:5]), tip)


def answers_questions(t: Transcript, s: Scenario) -> Criterion:
    lang, who = t.language, called(t, s)
    title = tr(lang, "score.answers.title")
    if s.rubric.questions:
        asked: list[tuple[str, int, Turn | None, tuple[str, ...]]] = []
        for q in s.rubric.questions:
            when = t.entered_at(q.asked_in)
            if when is not None:
                replies = [m for m in t.messages if m.turn > when and (set(m.intents) & set(q.answered_by)
                                                                       or _tells_deed(m, q.answered_by, t, s, when))]
                checked = [m for m in replies if not _guess(m, t, s)]
                asked.append((q.ask, when, next(iter(checked or replies), None), q.answered_by))
    else:
        from scoring.questions import answer_to, her_questions

        asked = [(q.text, q.turn, answer_to(q, t), ()) for q in her_questions(t)]
    if not asked:
        return Criterion("answers_questions", title, None)
    evidence, open_questions, answered = [], [], 0.0
    for ask, when, reply, by in asked:
        if reply and _guess(reply, t, s):
            answered += 0.5
            evidence.append(Evidence(reply.turn, quote_of(reply, s, by), good=False,
                                     note=tr(lang, "score.answers.guessed", ask=ask)))
        elif reply:
            answered += 1
            evidence.append(Evidence(reply.turn, quote_of(reply, s, by), note=tr(lang, "score.answers.answered", ask=ask)))
        else:
            open_questions.append(ask)
            after = t.reply_after(when)
            evidence.append(t.evidence_at(after.turn if after else when + 1,
                                          tr(lang, "score.answers.unanswered", ask=ask, customer=who)))
    quoted = " ".join(f"“{q}”" for q in open_questions)
    tip = tr(lang, "score.answers.tip_many" if len(open_questions) > 1 else "score.answers.tip_one", asks=quoted, customer=who)
    if not open_questions:
        tip = tr(lang, "score.checks_first.tip")  # what is left to gain: answers that were checked, not guessed
    return Criterion("answers_questions", title, answered / len(asked), tuple(evidence[:6]), tip)


def _guess(m: Turn, t: Transcript, s: Scenario) -> bool:
    """An explanation given before anything was looked up: an answer, but a guess."""
    return bool(set(m.intents) & set(s.rubric.explains)) and not any(x.ok and x.turn < m.turn for x in t.lookups)


CRITERIA = (checks_first, key_facts, asks, nothing_untrue, answers_questions)


_LABEL_STOP = frozenset("the for and with her his our your van voor met het een naar".split())


def _tells_deed(m: Turn, answers: tuple[str, ...], t: Transcript, s: Scenario, asked: int) -> bool:
    """A question answered by a deed or a look-up: the action done (before or right after), or the look-up
    used in or after the turn she asked (`asked`), and the message tells of it in words of its own name ("I'm
    logging it with IT" and the fault logged; "I've checked the flight status" and the status looked up)."""
    done = {d.name for d in t.actions if d.ok}
    looked = {x.name for x in t.lookups if x.ok and x.turn >= asked}  # a turn is a message, then its moves
    for name in answers:
        tool = s.actions.get(name) if name in done else s.lookups.get(name) if name in looked else None
        if tool is not None and _tells_of(tool.label, m, t.language):
            return True
    return False


def _tells_of(label: str, m: Turn, language: str) -> bool:
    """The message has the words of `label` (its own, read by the meaning layer): two of them, or all when fewer."""
    read_label = read(label, language)
    wanted = {min(ks, key=len) for w, ks in zip(read_label.words, read_label.keys, strict=False)
              if len(w) >= 3 and w not in _LABEL_STOP}
    told = {k for ks in m.message.keys for k in ks}
    return len(wanted & told) >= min(2, len(wanted))
