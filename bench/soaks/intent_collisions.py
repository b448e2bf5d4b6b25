"""Intent collisions at scale: a scenario with thousands of intents, its alike phrases found without comparing every pair.

`webcare check` warns about phrases of two intents that are the same, that contain one another, or that
are spelt nearly alike (trainer/authoring/intents.py). It used to compare every phrase with every
other: 400 more intents took 50 s, 3,000 over ten minutes. The scenario here is legroom-en.yaml with
thousands of intents more (as many as MAX_NODES allows a little room for), a few of which are planted
to collide; the check times finding every alike pair among all their phrases (`alike_pairs`), and
holds it to the goal; that the planted ones are found; and that on a sample the pairs are exactly what
comparing every pair finds. Then `collisions` itself, the whole warning, on a few hundred intents.

Recognising examples (the meaning layer reads each message against every intent) is not timed here.
"""

from __future__ import annotations

import random
import time

from bench.soaks.malformed import ROOT
from bench.soaks.result import Result, Size, pick

LEGROOM = ROOT / "scenarios" / "legroom-en.yaml"
SEED = 20261207
GOAL = 10.0
"""Seconds to find the alike pairs among the phrases of 3,000 intents."""
SAMPLE = 400
"""Phrases compared pair by pair, as the lint used to, to check the index finds the same (small: a third)."""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randrange(5, 11)))


def many_intents(n: int, seed: int = SEED) -> tuple[str, set[tuple[str, str]]]:
    """legroom-en.yaml with `n` intents more (three phrases each, one a stem, one with `+`), and three planted
    at the end that collide with one of them each: the same phrase, one that contains it, one spelt nearly
    alike. Returns the text and the planted (intent, intent) pairs."""
    rng = random.Random(seed)
    block = []
    phrases: list[tuple[str, str, str]] = []
    for i in range(n):
        a, b, c, d = (_word(rng) for _ in range(4))
        phrases.append((f"{a} + {b}", f"{c}*", f"{d} {a}"))
        block.append(f"  extra_{i}:\n    means: Extra {i}.\n    match: [{', '.join(phrases[-1])}]\n")
    same, contains, typo = (rng.randrange(n) for _ in range(3))
    first_word = phrases[typo][2].split()[0]
    spelt = "q" + phrases[typo][2][1:] if first_word[0] != "q" else "z" + phrases[typo][2][1:]
    # Each has a phrase of its own too: an intent all of whose phrases show another is a case of it by
    # design, and not warned about (`implied`).
    block.append(f"  planted_same:\n    means: Planted.\n    match: [{phrases[same][0]}, free upgrade]\n")
    block.append(f"  planted_contains:\n    means: Planted.\n    match: [{phrases[contains][0]} + refund, "
                 "full refund]\n")
    block.append(f"  planted_typo:\n    means: Planted.\n    match: [{spelt}, new seats]\n")
    text = LEGROOM.read_text("utf-8")
    assert text.count("\nintents:\n") == 1, "legroom-en.yaml changed its intents: update the soak"
    planted = {(f"extra_{same}", "planted_same"), (f"extra_{contains}", "planted_contains"),
               (f"extra_{typo}", "planted_typo")}
    return text.replace("\nintents:\n", "\nintents:\n" + "".join(block), 1), planted


def check(size: Size) -> Result:
    from trainer.authoring.intents import collisions
    from trainer.authoring.phrase_index import alike, alike_pairs
    from trainer.scenario.loader import check_bytes

    result = Result()
    n = pick(size, full=3_000, small=300)
    text, planted = many_intents(n)
    scenario, problems = check_bytes(text.encode(), "many-intents.yaml")
    if scenario is None:
        result.fail(f"the scenario of {n:,} intents does not load: {problems.errors[0]}")
        return result
    owners = [(name, p) for name, intent in scenario.intents.items() for p in intent.match]
    phrases = [p for _, p in owners]
    with result.case() as took:
        found = alike_pairs(phrases)
    pairs = {frozenset((owners[i][0], owners[j][0])) for i, j in found if owners[i][0] != owners[j][0]}
    missing = [pair for pair in planted if frozenset(pair) not in pairs]
    if missing:
        result.fail(f"{n:,} intents: the planted collisions {missing} were not found")
    if size == "full" and took.seconds > GOAL:  # timed at full size only: `make test` runs on busy machines
        result.fail(f"{n:,} intents: finding the alike phrases took {took.seconds:.1f} s, the goal is < {GOAL:g} s")

    result.cases += 1  # not timed: comparing every pair is the slow way, on purpose
    rng = random.Random(SEED)
    sample = rng.sample(phrases[:-6], pick(size, full=SAMPLE, small=SAMPLE // 3)) + phrases[-6:]
    sample += [p for i, j in sorted(found)[:30] for p in (phrases[i], phrases[j])]
    every = {(i, j): how for i, a in enumerate(sample) for j, b in enumerate(sample) if i != j and (how := alike(a, b))}
    indexed = alike_pairs(sample)
    if indexed != every:
        wrong = sorted(set(indexed.items()) ^ set(every.items()))[:3]
        result.fail(f"on {len(sample)} phrases the index finds other pairs than comparing all: {wrong}")

    small, small_planted = many_intents(300, seed=SEED + 1)
    scenario, _ = check_bytes(small.encode(), "collisions.yaml")
    started = time.perf_counter()
    result.cases += 1  # not timed against the goal: it recognises examples too (the meaning layer)
    warnings = collisions(scenario) if scenario is not None else []
    named = {(a, b) for a, b in small_planted if any(f"'{a}'" in w.message and f"'{b}'" in w.message for w in warnings)}
    if named != small_planted:
        result.fail(f"collisions() on 300 intents warned about {sorted(named)}, not {sorted(small_planted)}")
    result.figures.append(f"{n:,} intents, {len(phrases):,} phrases: {len(found):,} alike pairs in {took.seconds:.1f} s; "
                          f"the warnings of 300 intents in {time.perf_counter() - started:.1f} s")
    return result
