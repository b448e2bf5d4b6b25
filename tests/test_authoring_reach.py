"""An author's story with facts that block the way: one missing `found_in:` and the good ending is lost, and
`webcare check`, `webcare graph` and `webcare explore` all say which step, which fact and what to add; and the
step conditions that remember (`said_before`), notice a guess (`not_knows`) and hold in some states only
(`only_in`), played and checked."""

from __future__ import annotations

from pathlib import Path

from conftest import DATA, ROOT

from trainer.playthrough import run_playthrough
from trainer.scenario.graph import mermaid
from trainer.scenario.loader import check_bytes, load_scenario

LEGROOM = ROOT / "scenarios" / "legroom-en.yaml"
MEMORY = DATA / "authoring" / "memory.yaml"


def line_of(text: str, needle: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if i > after and needle in line)


def legroom_without_the_seat_record(tmp_path: Path) -> tuple[Path, str]:
    """The legroom case with one line gone: the seat record no longer shows that her seats were released."""
    text = LEGROOM.read_text("utf-8")
    gone = "    found_in: seat_record\n  not_refunded:"
    assert text.count(gone) == 1
    text = text.replace(gone, "  not_refunded:")
    path = tmp_path / "legroom-en.yaml"
    path.write_text(text, "utf-8")
    return path, text


# ── One missing found_in ────────────────────────────────────────────────────────────────


def test_check_says_the_good_ending_is_lost_naming_the_step_the_fact_and_the_fix(run_webcare, tmp_path):
    path, text = legroom_without_the_seat_record(tmp_path)
    result = run_webcare("check", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    resolved = line_of(text, "  resolved:", after=line_of(text, "outcomes:"))
    assert (f"{path}:{resolved}:3: outcome 'resolved' can never be reached: the way there needs step 1 of state "
            "'telling' (and 1 more step like it), which can never fire: it needs fact 'seats_released', which "
            "nothing reveals") in out
    assert ("hint: say where fact 'seats_released' comes to light: add 'found_in: seat_record' (a look-up or "
            "action that shows it)") in out
    step = line_of(text, "- said: explain_cause", after=line_of(text, "  telling:"))
    assert (f"{path}:{step}:9: warning: step 1 of state 'telling' can never fire: it needs fact 'seats_released', "
            "which nothing reveals") in out
    understood = line_of(text, "  understood:")
    assert f"{path}:{understood}:3: warning: state 'understood' can never be reached" in out
    escalated = line_of(text, "  escalated:", after=line_of(text, "outcomes:"))
    assert f"{path}:{escalated}:3: warning: outcome 'escalated' can never be reached" in out, \
        "only a lost ending of kind resolved is an error"
    assert "1 file checked: 2 errors" in out, "resolved and resolved_meh"


def test_the_graph_crosses_out_the_blocked_step_and_marks_what_it_cuts_off(run_webcare, tmp_path):
    path, _ = legroom_without_the_seat_record(tmp_path)
    result = run_webcare("graph", str(path))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert 'n_telling --x|"never: said explain_cause + knows seats_released"| n_understood' in text
    assert 'n_refunded_no_reason --x|"never: said explain_cause + knows seats_released"| n_refunded' in text
    assert "class n_understood,n_refunded,n_resolved,n_resolved_meh,n_escalated unreachable;" in text
    assert '-->|"did log_fault"| n_resolved' in text, "a step in a lost state is drawn as it is: the node is marked"
    dot = run_webcare("graph", str(path), "--format", "dot").stdout
    assert ('n_telling -> n_understood [label="never: said explain_cause + knows seats_released", '
            'color="#cc3333", fontcolor="#cc3333", arrowhead=tee];') in dot


def test_the_library_case_itself_has_no_blocked_step():
    text = mermaid(load_scenario(LEGROOM))
    assert "never:" not in text and "--x" not in text


def test_explore_fails_naming_what_can_never_be_reached_and_why(run_webcare, tmp_path):
    path, text = legroom_without_the_seat_record(tmp_path)
    result = run_webcare("explore", str(path), "--depth", "3")
    assert result.returncode == 1, result.stdout + result.stderr
    resolved = line_of(text, "  resolved:", after=line_of(text, "outcomes:"))
    assert (f"{path}:{resolved}:3: outcome 'resolved' can never be reached: the way there needs step 1 of state "
            "'telling'") in result.stderr
    assert "it needs fact 'seats_released', which nothing reveals" in result.stderr
    assert "state 'understood' can never be reached" in result.stderr
    assert "not reached within the limits" not in result.stderr.split("understood")[0]
    assert "(stopped at the depth limit (3 moves))" in result.stdout


def test_explore_tells_a_part_beyond_its_limits_from_one_that_can_never_be_reached(run_webcare):
    result = run_webcare("explore", str(LEGROOM), "--depth", "2")
    assert result.returncode == 0, result.stderr
    assert ("warning: outcome 'resolved' was not reached within the limits (stopped at the depth limit (2 moves)), "
            "though the story can reach it in principle") in result.stderr
    assert "hint: explore deeper (--depth, --max-situations) to see it played" in result.stderr
    assert "can never be reached" not in result.stderr


def minimal_that_can_end_badly() -> str:
    """The minimal case, but her patience running out ends it badly (not in its one, good, ending)."""
    text = (DATA / "minimal.yaml").read_text("utf-8")
    return text.replace("when_patience_runs_out: done", "  gave_up:\n    kind: went_public\n    summary: Gone.\n\n"
                        "when_patience_runs_out: gave_up")


def test_a_look_up_that_needs_the_fact_only_it_shows_is_a_circle(tmp_path):
    text = minimal_that_can_end_badly()
    text = text.replace("    label: Baggage record\n", "    label: Baggage record\n    needs: delayed\n")
    _, problems = check_bytes(text.encode(), tmp_path / "circle.yaml")
    found = {p.message: p for p in problems.items}
    lost = found["outcome 'done' can never be reached: the way there needs step 1 of state 'listening', which can "
                 "never fire: it reacts to look-up 'baggage', which needs fact 'delayed', which only look-up "
                 "'baggage' shows, and that needs 'delayed' itself first: a circle"]
    assert lost.severity == "error" and lost.line == line_of(text, "  done:")
    assert lost.hint.startswith("let fact 'delayed' come to light another way")


def test_a_step_asking_more_than_the_mandate_allows_can_never_fire(tmp_path):
    text = (DATA / "minimal.yaml").read_text("utf-8")
    text = text.replace("      - looked_up: baggage\n", "      - did: refund\n        min_amount: 80\n")
    _, problems = check_bytes(text.encode(), tmp_path / "greedy.yaml")
    messages = [p.message for p in problems.items]
    assert ("step 1 of state 'listening' can never fire: it needs at least 80 of action 'refund', whose limit is "
            "50") in messages


def test_a_state_only_a_blocked_step_leads_to_is_a_warning_naming_that_step(tmp_path):
    text = (DATA / "minimal.yaml").read_text("utf-8")
    text = text.replace("      - looked_up: baggage\n        next: done\n",
                        "      - looked_up: baggage\n        next: done\n"
                        "      - knows: lost_tag\n        next: searching\n"
                        "  searching:\n    lines: Found it?\n    on:\n      - said: apologise\n        next: done\n")
    text = text.replace("lookups:", "  lost_tag:\n    is: The tag was torn off.\n\nlookups:")
    text = text.replace("  key_facts: delayed", "  key_facts: [delayed, lost_tag]")
    _, problems = check_bytes(text.encode(), tmp_path / "tag.yaml")
    searching = next(p for p in problems.items if p.message.startswith("state 'searching'"))
    assert searching.severity == "warning" and searching.line == line_of(text, "  searching:")
    assert searching.message == ("state 'searching' can never be reached: the way there needs step 2 of state "
                                 "'listening', which can never fire: it needs fact 'lost_tag', which nothing reveals")
    assert not problems.errors, "the good ending is still reached by looking up the baggage"


# ── Conditions that remember, notice a guess, and hold in some states only ──────────────


def heard(result) -> list[str]:
    return [text for _cue, text in result.heard]


def test_she_remembers_an_earlier_apology_but_not_the_one_she_is_answering():
    scenario = load_scenario(MEMORY)
    result = run_playthrough(scenario, scenario.playthroughs[0])
    assert not result.failures, result.failures
    said = heard(result)
    assert said[2] == "Thank you. But what happened?", "the first 'sorry' is not said before itself"
    assert said[3] == "You said sorry already. What happened to my bag?"


def test_an_explanation_before_the_look_up_sounds_like_a_guess():
    scenario = load_scenario(MEMORY)
    result = run_playthrough(scenario, scenario.playthroughs[0])
    assert heard(result)[4] == "That sounds like a guess. Did you look it up?", "not_knows: [delayed] holds"
    assert result.scorecard.outcome == "done", "once the baggage record shows it, the explanation ends the case"


def test_a_house_rule_with_only_in_holds_in_those_states_only():
    scenario = load_scenario(MEMORY)
    result = run_playthrough(scenario, scenario.playthroughs[1])
    said = heard(result)
    assert said[1] == "Hello? My suitcase?", "in 'waiting' the thanks fits nothing"
    assert said[3] == "Don't thank me. Tell me what happened."
    fired = [(source, step.only_in if step else None) for source, step, _dest in result.fired]
    assert ("listening", ("listening",)) in fired and ("waiting", ("listening",)) not in fired


def test_a_case_with_the_new_conditions_checks_explores_and_tests_clean(run_webcare):
    for args in (("check", str(MEMORY)), ("explore", str(MEMORY)), ("test", str(MEMORY))):
        result = run_webcare(*args)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "warning:" not in result.stdout + result.stderr, args


def memory_with(old: str, new: str, tmp_path: Path) -> tuple[list, str]:
    text = MEMORY.read_text("utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    _, problems = check_bytes(text.encode(), tmp_path / "memory.yaml")
    return problems.items, text


def test_a_name_of_another_kind_in_the_new_conditions_is_sent_to_the_key_for_it(tmp_path):
    found, _ = memory_with("        not_knows: [delayed]\n", "        not_knows: [apologise]\n", tmp_path)
    assert [(p.message, p.hint) for p in found if p.severity == "error"] == [
        ("'apologise' is an intent, not a fact", "use `said: apologise`")]
    found, _ = memory_with("    said_before: apologise\n", "    said_before: delayed\n", tmp_path)
    assert [(p.message, p.hint) for p in found if p.severity == "error"] == [
        ("'delayed' is a fact, not an intent", "use `knows: delayed`")]


def test_a_misspelt_fact_intent_or_state_in_the_new_conditions_gets_a_did_you_mean(tmp_path):
    found, text = memory_with("        not_knows: [delayed]\n", "        not_knows: [delaid]\n", tmp_path)
    assert [(p.line, p.column, p.message, p.hint) for p in found if p.severity == "error"] == [
        (line_of(text, "not_knows: [delaid]"), 21, "unknown fact 'delaid'", "did you mean 'delayed'?")]
    found, text = memory_with("    said_before: apologise\n", "    said_before: apologize\n", tmp_path)
    error = next(p for p in found if p.severity == "error")
    assert (error.line, error.column, error.message) == (line_of(text, "said_before: apologize"), 18,
                                                         "unknown intent 'apologize'")
    assert "apologise" in error.hint
    found, text = memory_with("    only_in: [listening]\n    mood: -5", "    only_in: [listenning]\n    mood: -5",
                              tmp_path)
    error = next(p for p in found if p.severity == "error")
    assert (error.line, error.message) == (line_of(text, "only_in: [listenning]"), "unknown state 'listenning'")
    assert "listening" in error.hint


def test_only_in_on_a_states_own_step_is_an_error_with_the_fix(tmp_path):
    found, text = memory_with("      - looked_up: baggage\n        lines: Well?\n",
                              "      - looked_up: baggage\n        only_in: [waiting]\n        lines: Well?\n", tmp_path)
    error = next(p for p in found if p.severity == "error")
    assert (error.line, error.column) == (line_of(text, "only_in: [waiting]"), 9)
    assert error.message == "'only_in' is for house rules: a state's own step applies only in that state anyway"
    assert error.hint == "move the step to 'anywhere:', or remove 'only_in'"


def test_a_house_rule_limited_to_other_states_hides_no_step_of_this_one(tmp_path):
    rule = "  - said: thank\n    only_in: [listening]\n    lines: Don't thank me. Tell me what happened.\n"
    waiting = "      - said: ask\n        next: listening\n"
    thanked = waiting + "      - said: thank\n        lines: You're welcome. And?\n"
    found, _ = memory_with(waiting, thanked, tmp_path)
    assert not any("can never fire" in p.message for p in found)
    text = MEMORY.read_text("utf-8").replace(waiting, thanked).replace(rule, rule.replace("[listening]",
                                                                                          "[listening, waiting]"))
    _, problems = check_bytes(text.encode(), tmp_path / "hidden.yaml")
    assert any(p.message.startswith("this step can never fire: an 'anywhere' step needs less") for p in problems.items)
