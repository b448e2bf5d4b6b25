"""What no criterion can make up for: a ceiling on a trade, named, with the turn that set it.

A trade is a weighted mean of its criteria, so one failure among six costs a sixth. Some failures sink a
trade however good the rest is, and a coach would not sign a high score over them: telling the customer
something was done that was not, denying what the records you read say, shouting, replies of a word or
two, a language the customer does not write in, personal details posted in a public thread, every action
at once. Each sets the highest score its trade can reach.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from scoring.claims import claims, contradictions
from scoring.criteria.common import her_details
from scoring.criteria.tone import stock_phrase
from scoring.mandate import overpromises
from scoring.privacy import public_details
from scoring.scorecard import Ceiling, Criterion, Evidence
from scoring.signals import phrases, said
from scoring.transcript import Done, Transcript, Turn
from trainer.meaning.language import language_of, small_word_share
from trainer.meaning.patterns import find
from trainer.meaning.stance import Kind, Stance
from trainer.scenario.kinds import Trade
from trainer.scenario.models import Scenario
from trainer.texts import tr

SHOUTED_SHARE = 0.6
"""A message is shouted when this share of its letters (of at least MIN_SHOUTED letters) are capitals."""
MIN_SHOUTED = 12
FEW_WORDS = 3
"""A reply of this many words or fewer carries no content a customer can use."""
HEAP_WORDS, HEAP_SHARE = 8, 0.15
"""A reply of at least HEAP_WORDS words with fewer small words than this share is a heap of keywords."""
REFUSED = Stance(Kind.STATEMENT, owned=False, ability_ok=True, hedge_ok=True, negated=True)
SALAD_SHARE = 2 / 3
FORM_LETTER = 0.2
"""Own words this low (templates, claims not about her case, repeats), with a stock phrase in half the
replies or more: a form letter, not a reply to her."""
"""Sympathy with nothing else in this share of the replies is a template of feeling."""


Add = Callable[..., None]
"""add(trade, at, text key, evidence, **the text's values): one ceiling found."""


def ceilings(t: Transcript, s: Scenario, criteria: Mapping[Trade, tuple[Criterion, ...]]) -> dict[str, Ceiling]:
    """The lowest ceiling per trade, if any (`criteria`: what each trade's criteria found)."""
    found: list[tuple[str, Ceiling]] = []
    lang = t.language

    def add(trade: str, at: int, key: str, evidence: Evidence, **values: object) -> None:
        found.append((trade, Ceiling(at, tr(lang, key, at=at, **values), (evidence,))))

    _untrue(t, s, add)
    _denied(t, s, add)
    if t.messages:
        _manner(t, s, add)
        _facilitator_failures(t, s, criteria, add)
    _beyond_mandate(t, s, add)
    scatter = _scatter(t, s)
    if scatter:
        evidence = Evidence(scatter[-1].turn, action=", ".join(a.label for a in scatter), good=False)
        add("facilitator", 35, "score.ceiling.scatter", evidence, n=len(scatter))
        add("plumber", 60, "score.ceiling.scatter", evidence, n=len(scatter))
    out: dict[str, Ceiling] = {}
    for trade, ceiling in found:
        if trade not in out or ceiling.at < out[trade].at:
            out[trade] = ceiling
    return out


def _untrue(t: Transcript, s: Scenario, add: Add) -> None:
    """Telling her something was done that was not; the fix too, when the lie was about the fix."""
    untrue = [c for c in claims(t, s) if c.untrue]
    if untrue:
        first = untrue[0]
        evidence = Evidence(first.turn, first.sentence, note=tr(t.language, "score.ceiling.untrue_note"), good=False)
        add("facilitator", 40, "score.ceiling.untrue", evidence, n=len(untrue))
        fitting = {p.action for r in s.rubric.fitting for p in r.parts if p.action}
        given = any(a.ok and a.name in fitting for a in t.actions)
        lied = [c for c in untrue if set(c.actions) & fitting]
        if lied and not given:
            add("plumber", 15, "score.ceiling.untrue_fix", Evidence(lied[0].turn, lied[0].sentence, good=False))


def _denied(t: Transcript, s: Scenario, add: Add) -> None:
    """Denying what the records say (worse after reading them)."""
    denied = contradictions(t, s)
    if denied:
        m, phrase, after = denied[0]
        add("detective", 30 if after else 50, "score.ceiling.denies_read" if after else "score.ceiling.denies",
            Evidence(m.turn, m.quote(phrase), good=False))


def _manner(t: Transcript, s: Scenario, add: Add) -> None:
    """How the replies are written: shouted, a word or two, a heap of keywords, in another language."""
    messages = t.messages
    shouted = [m for m in messages if _shouted(m.text)]
    if len(shouted) * 2 >= len(messages):
        # Shouting is a facilitator's failure; the checks and the fix lose a little of their worth with it.
        evidence = Evidence(shouted[0].turn, shouted[0].quote(), good=False)
        for trade, at in (("facilitator", 30), ("detective", 90), ("plumber", 90)):
            add(trade, at, "score.ceiling.shouted", evidence, n=len(shouted), of=len(messages))
    terse = [m for m in messages if len(m.words) <= FEW_WORDS]
    heaped = [m for m in messages if len(m.words) >= HEAP_WORDS and small_word_share(m.text) < HEAP_SHARE]
    if len(messages) >= 2 and len(terse) * 2 > len(messages):
        evidence = Evidence(terse[0].turn, terse[0].quote(), good=False)
        for trade, at in (("facilitator", 20), ("detective", 40), ("plumber", 40)):
            add(trade, at, "score.ceiling.terse", evidence, n=len(terse), of=len(messages))
    elif (len(terse) + len(heaped)) * 2 >= len(messages) and heaped:
        # Keywords without sentences: what was done may be right, the customer is not spoken to.
        evidence = Evidence(heaped[0].turn, heaped[0].quote(), good=False)
        add("facilitator", 20, "score.ceiling.heap", evidence, n=len(terse) + len(heaped), of=len(messages))
        if not t.lookups and not t.actions:
            # Nothing checked, nothing done: the right nouns in a heap are neither a finding nor a fix.
            for trade, at in (("detective", 20), ("plumber", 15)):
                add(trade, at, "score.ceiling.heap_only", evidence, n=len(terse) + len(heaped), of=len(messages))
    other = [m for m in messages if (written := language_of(m.text)) and written != s.language]
    if len(other) * 2 >= len(messages):
        add("facilitator", 60, "score.ceiling.language", Evidence(other[0].turn, other[0].quote(), good=False),
            spoken=tr(t.language, f"score.language.{s.language}"))


def _facilitator_failures(t: Transcript, s: Scenario, criteria: Mapping[Trade, tuple[Criterion, ...]],
                          add: Add) -> None:
    """What the replies do to her beyond their manner: her details posted in public, sympathy refused,
    sympathy with nothing else, a form letter."""
    messages, lang = t.messages, t.language
    exposed = public_details(t, s)
    if exposed:
        m, detail = exposed[0]
        add("facilitator", 50, "score.ceiling.public", Evidence(m.turn, m.quote(detail), good=False), detail=detail)
    refused = next(((m, p) for m in messages if any(c.negations for c in m.message.clauses)
                    and (p := refuses_sympathy(m))), None)
    if refused:
        add("facilitator", 15, "score.ceiling.refuses", Evidence(refused[0].turn, refused[0].quote(refused[1]),
                                                           good=False))
    claimed = {c.turn for c in claims(t, s)}
    salad: list[Turn] = []
    if not t.lookups and not t.actions:
        substance, personal = _substance(s), _personal(s)
        salad = [m for m in messages if _sympathy_only(m, substance, personal, claimed)]
    if len(messages) >= 2 and len(salad) >= SALAD_SHARE * len(messages):
        add("facilitator", 30, "score.ceiling.salad", Evidence(salad[0].turn, salad[0].quote(), good=False),
            n=len(salad), of=len(messages))
    genuine = next((c for c in criteria.get(Trade.facilitator, ()) if c.id == "own_words"), None)
    stock = [m for m in messages if stock_phrase(s, lang, m.words)]
    if genuine is not None and genuine.score is not None and genuine.score <= FORM_LETTER \
            and len(stock) * 2 >= len(messages):
        worst = next((e for e in genuine.evidence if not e.good), None)
        if worst is not None:
            add("facilitator", 30, "score.ceiling.form_letter", worst)


def _beyond_mandate(t: Transcript, s: Scenario, add: Add) -> None:
    """Promising what the agent may not give."""
    beyond = overpromises(t, s)
    if beyond:
        m, phrase, key, values = beyond[0]
        evidence = Evidence(m.turn, m.quote(phrase), note=tr(t.language, key, **values), good=False)
        add("plumber", 50, "score.ceiling.overpromise", evidence)


def refuses_sympathy(m: Turn) -> str | None:
    """Sympathy the writer refuses, a negation in front ("I'm not sorry", "I don't understand the fuss"): the
    phrase. "No excuses, no jokes" refuses nothing: nobody in it speaks."""
    message = m.message
    hit = find(phrases(message.language, "empathy"), message, REFUSED)
    if hit is None:
        return None
    c = message.clause_at(hit.position)
    if c.actor == "speaker" and any(hit.position - 2 <= p < hit.position for p, _ in c.negations):
        return hit.source
    return None


def _sympathy_only(m: Turn, substance: set[str], personal: list[str], claimed: set[int]) -> bool:
    """Sympathy and stock phrases with nothing else: no question, no fact of the case, nothing done or said of
    what happened, nothing of hers (her name or her case)."""
    if "?" in m.text or m.turn in claimed or set(m.intents) & substance or not said("empathy", m.message):
        return False
    body = _GREETING.sub("", m.text, count=1).lower()  # "Dear Ingrid," opens any letter: it is not about her
    return not any(p in body for p in personal)


_GREETING = re.compile(r"^\s*(?:@\w+\s+)?(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|beste|hoi|hallo|"
                       r"geachte|goedemorgen|goedemiddag|goedenavond)\b[^,.!?\n]{0,40}[,.!\n]", re.IGNORECASE)


def _substance(s: Scenario) -> set[str]:
    """The scenario's intents that carry the case: explanations, fixes, improvements, questions, answers."""
    r = s.rubric
    return {*r.explains, *r.improve, *(x.offer for res in (*r.fitting, *r.poor) for x in res.parts if x.offer),
            *(i for f in s.facts.values() for i in f.by_asking), *(i for q in r.questions for i in q.answered_by)}


def _personal(s: Scenario) -> list[str]:
    """Her name, the case's details and harm, as lower-case text to look for."""
    return [v.lower() for v in her_details(s)] + [
        n.lower() for n in (s.customer.first_name, *s.rubric.harm) if len(n) >= 3]


def _shouted(message: str) -> bool:
    letters = [c for c in message if c.isalpha()]
    return len(letters) >= MIN_SHOUTED and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def _scatter(t: Transcript, s: Scenario) -> list[Done]:
    """Every action at once: three or more different actions, two of them unfit (a poor resolution, or an
    escalation the case did not need)."""
    done = {a.name: a for a in t.actions if a.ok}
    if len(done) < 3:
        return []
    poor = {r.action for r in s.rubric.poor}
    needless = set() if s.rubric.escalation_needed else set(s.rubric.escalate)
    if len(set(done) & (poor | needless)) < 2:
        return []
    return sorted(done.values(), key=lambda a: a.turn)
