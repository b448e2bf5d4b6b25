"""What `webcare check` now also tells an author: intents that collide, names never used, steps that can
never fire, and lines one language has that its twin lacks, each at file:line:column with a hint."""

from __future__ import annotations

import random
from pathlib import Path

from trainer.authoring.intents import collisions
from trainer.authoring.phrase_index import alike, alike_pairs
from trainer.engine.intents import Recogniser
from trainer.meaning.matching import Pattern
from trainer.scenario.library import load_library
from trainer.scenario.loader import check_bytes, load_scenario
from trainer.scenario.problems import Problem

DATA = Path(__file__).resolve().parent.parent / "data"
MINIMAL = DATA / "minimal.yaml"
INTENTS = DATA / "authoring" / "intents.yaml"


def recognise(scenario, text):
    return Recogniser(scenario.intents, scenario.language).recognise(text)


def warnings_of(text: str, tmp_path: Path, name: str = "case.yaml") -> list[Problem]:
    scenario, problems = check_bytes(text.encode(), tmp_path / name, recognise=recognise)
    assert scenario is not None, "\n".join(str(p) for p in problems.errors)
    assert not problems.errors
    return problems.sorted()


def minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text("utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# ── Intents ───────────────────────────────────────────────────────────────────────────


def test_an_example_that_also_reads_as_another_intent_is_named(tmp_path):
    text = INTENTS.read_text("utf-8")
    found = warnings_of(text, tmp_path)
    also = [p for p in found if "also recognised" in p.message]
    assert [(p.line, p.message) for p in also] == [
        (line_of(text, "examples: [I'm so sorry.]"), "example of 'apologise' is also recognised as 'regret'"),
        (line_of(text, "We regret it, sorry."), "example of 'regret' is also recognised as 'apologise'"),
        (line_of(text, "So sorry, what happened?"), "example of 'ask' is also recognised as 'apologise', 'regret'"),
        (line_of(text, "I have filed a report."), "example of 'report_back' is also recognised as 'blame_handler'"),
    ]
    assert all(p.hint and p.severity == "warning" for p in also)


def test_an_intent_that_is_a_case_of_another_may_share_its_examples(tmp_path):
    found = warnings_of(INTENTS.read_text("utf-8"), tmp_path)
    assert not any("delete_and_move" in p.message for p in found), "every phrase of it shows move_to_dm: by design"
    assert not any("delete_and_move" in p.message for p in collisions(load_scenario(INTENTS)))


def test_look_alike_phrases_and_intents_that_read_as_each_other_are_warned_about():
    text = INTENTS.read_text("utf-8")
    found = {(p.line, p.message) for p in collisions(load_scenario(INTENTS))}
    assert (line_of(text, "match: [regret, sorry]"),
            "phrase 'sorry' of 'regret' is also a phrase of 'apologise': a message with it shows both intents") in found
    assert (line_of(text, "match: [regret, sorry]"), ("intents 'apologise' and 'regret' recognise each other's "
            "examples: a trainee can hardly show one without the other")) in found
    assert (line_of(text, "match: [filed + report, report + sent]"), ("a message with phrase 'filed + report' of 'report_back' "
            "always shows 'blame_handler' too (its phrase 'fired')")) in found, "'filed' is a typo of 'fired'"
    assert len(found) == 3, found
    for problem in collisions(load_scenario(INTENTS)):
        assert str(problem).startswith(f"{INTENTS}:{problem.line}:{problem.column}: warning: ") and problem.hint


def with_unrelated_intents(n: int) -> str:
    """The look-alike intents, and `n` more that look like nothing else (words no language has)."""
    rng = random.Random(7)

    def word() -> str:
        return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randrange(6, 11)))

    extra = "".join(f"  other_{i}:\n    means: Other.\n    match: [{word()} + {word()}, {word()}*, {word()} {word()}]\n"
                    for i in range(n))
    return INTENTS.read_text("utf-8").replace("\nintents:\n", "\nintents:\n" + extra, 1)


def test_among_hundreds_of_intents_the_look_alikes_are_found_without_comparing_every_pair(tmp_path, monkeypatch):
    path = tmp_path / "many.yaml"
    path.write_text(with_unrelated_intents(300), "utf-8")
    scenario = load_scenario(path)
    compared = []
    matches = Pattern.matches
    monkeypatch.setattr(Pattern, "matches", lambda self, text: compared.append(self) or matches(self, text))
    found = {p.message for p in collisions(scenario)}
    assert found == {p.message for p in collisions(load_scenario(INTENTS))}, "the same three, no more"
    phrases = sum(len(i.match) for i in scenario.intents.values())
    assert len(compared) < 10 * phrases, f"{len(compared):,} phrases matched against others, of {phrases ** 2:,} pairs"


def test_the_phrase_index_finds_the_pairs_that_comparing_every_pair_finds():
    rng = random.Random(11)
    phrases = [p for f in sorted((DATA.parent.parent / "scenarios").glob("*.yaml"))
               for i in load_scenario(f).intents.values() for p in i.match]
    phrases = rng.sample(phrases, 150) + [p for i in load_scenario(INTENTS).intents.values() for p in i.match]
    typos = []
    for p in phrases[:60]:  # a letter dropped, doubled, swapped or changed: some typos, some not
        at = rng.randrange(len(p))
        typos.append(rng.choice([p[:at] + p[at + 1:], p[:at] + p[at] + p[at:], p[:at] + p[at + 1: at + 2] + p[at]
                                 + p[at + 2:], p[:at] + "x" + p[at + 1:]]))
    phrases += typos + ["?", "Sorry", "apologise", "apologize"]
    every = {(i, j): how for i, a in enumerate(phrases) for j, b in enumerate(phrases) if i != j and (how := alike(a, b))}
    assert alike_pairs(phrases) == every
    assert {"same", "contains", "typo"} <= set(every.values())


def test_each_example_and_phrase_is_recognised_once_while_checking(tmp_path):
    read = []

    def counting(scenario, text):
        read.append(text)
        return recognise(scenario, text)

    _, problems = check_bytes(INTENTS.read_bytes(), tmp_path / "intents.yaml", recognise=counting)
    assert any("also recognised" in p.message for p in problems.warnings)
    assert sorted(read) == sorted(set(read)), [t for t in set(read) if read.count(t) > 1]


def test_check_prints_intent_collisions_with_the_other_warnings(run_webcare):
    result = run_webcare("check", str(INTENTS))
    assert result.returncode == 0
    assert "recognise each other's examples" in result.stderr and "also recognised as" in result.stderr
    assert "1 file checked: 0 errors, 7 warnings." in result.stdout


# ── Names never used ─────────────────────────────────────────────────────────────────


def test_a_fact_no_step_tool_or_rubric_uses_is_warned_about(tmp_path):
    text = minimal_with("  key_facts: delayed\n", "")
    [problem] = warnings_of(text, tmp_path)
    assert (problem.line, problem.column) == (line_of(text, "  delayed:"), 3)
    assert problem.message.startswith("fact 'delayed' is never used")
    assert "key_facts" in problem.hint


def test_a_look_up_or_action_nothing_refers_to_is_warned_about(tmp_path):
    text = minimal_with("  fitting:\n    - action: refund\n      why: She paid for a delivery that should not "
                        "have been needed.\n", "")
    [problem] = warnings_of(text, tmp_path)
    assert (problem.line, problem.column) == (line_of(text, "  refund:"), 3)
    assert problem.message == "action 'refund' is never used: no step, fact or rubric names it"
    text = minimal_with("    found_in: baggage\n", "    by_asking: apologise\n").replace(
        "      - looked_up: baggage\n", "      - said: apologise\n")
    messages = [p.message for p in warnings_of(text, tmp_path)]
    assert "look-up 'baggage' is never used: no step, fact or rubric names it" in messages


# ── Steps that can never fire ───────────────────────────────────────────────────────


def test_a_step_after_one_that_needs_less_can_never_fire(tmp_path):
    text = minimal_with("""      - said: apologise
        mood: +10
        next: listening
""", """      - said: apologise
        mood: +10
        next: listening
      - said: apologise
        knows: delayed
        next: done
""")
    [problem] = warnings_of(text, tmp_path)
    assert problem.line == line_of(text, "knows: delayed") - 1
    assert problem.message == "this step can never fire: step 1 of this state needs less and is checked first"


def test_an_anywhere_step_shadows_the_states_own_steps_but_not_other_moves(tmp_path):
    text = minimal_with("start: waiting\n", "start: waiting\n\nanywhere:\n  - looked_up: baggage\n    mood: -5\n")
    [problem] = warnings_of(text, tmp_path)
    assert problem.line == line_of(text, "      - looked_up: baggage")
    assert "an 'anywhere' step needs less" in problem.message


def test_steps_that_ask_more_first_or_wait_once_hide_nothing(tmp_path):
    text = minimal_with("""      - said: apologise
        mood: +10
        next: listening
""", """      - said: apologise
        mood_below: 30
        next: done
      - said: apologise
        mood: +10
        next: listening
      - turns_here: 2
        mood: -5
      - turns_here: 3
        next: done
""")
    assert warnings_of(text, tmp_path) == []


# ── Twins ───────────────────────────────────────────────────────────────────────────


def test_lines_one_twin_has_and_the_other_lacks_are_warned_about_in_the_one_that_lacks_them(tmp_path):
    english = MINIMAL.read_text("utf-8").replace("id: minimal", "id: suitcase-en")
    dutch = english.replace("id: suitcase-en", "id: suitcase-nl").replace("language: en", "language: nl")
    english = english.replace("    summary: She knows what happened to her bag.\n",
                              "    summary: She knows what happened to her bag.\n    lines:\n"
                              "      calm: Thanks, that helps.\n      angry: Took you long enough.\n")
    dutch = dutch.replace("    summary: She knows what happened to her bag.\n",
                          "    summary: She knows what happened to her bag.\n    lines:\n      calm: Dank je.\n")
    dutch = dutch.replace("        mood: +10\n", "        mood: +10\n        lines: Oké, vertel.\n")
    (tmp_path / "suitcase-en.yaml").write_text(english, "utf-8")
    (tmp_path / "suitcase-nl.yaml").write_text(dutch, "utf-8")
    problems = load_library([tmp_path]).problems
    found = sorted((Path(p.path).name, p.line, p.message) for p in problems)
    assert found == [
        ("suitcase-en.yaml", line_of(english, "      - said: apologise"),
         "no lines here, while its twin in suitcase-nl.yaml has them"),
        ("suitcase-nl.yaml", line_of(dutch, "calm: Dank je.") - 1,
         "no lines for 'angry' here, while its twin in suitcase-en.yaml has them"),
    ]
    assert all(p.severity == "warning" and "write them in" in p.hint for p in problems)


def test_a_scenario_without_a_twin_is_compared_with_nothing(tmp_path):
    (tmp_path / "minimal.yaml").write_text(MINIMAL.read_text("utf-8"), "utf-8")
    assert load_library([tmp_path]).problems == []
