"""An author's mistakes that a story cannot survive, and what `webcare check` tells her about each.

Every case is tests/data/minimal.yaml with one mistake, written into a folder of the test's own; the
author runs `webcare check` on it and reads one problem: where (file:line:column), what is wrong, the line
with a caret, and the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from trainer.cli import main

MINIMAL = DATA / "minimal.yaml"


def minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text("utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def check(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`webcare check case.yaml`: its exit code, what it printed about the file, and its summary line."""
    path = tmp_path / "case.yaml"
    path.write_text(text, "utf-8")
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    return code, err.replace(str(path), "case.yaml"), out.strip()


def says(text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `webcare check` says about a file with one mistake: one error, nothing else."""
    code, said, summary = check(text, tmp_path, capsys)
    assert code == 1, said
    assert summary == "1 file checked: 1 error, 0 warnings.", said
    return said.rstrip("\n")


def test_the_minimal_scenario_checks_clean(tmp_path, capsys):
    assert check(MINIMAL.read_text("utf-8"), tmp_path, capsys) == (0, "", "1 file checked: 0 errors, 0 warnings.")


# ── Keys in the wrong place ─────────────────────────────────────────────────────────────


def test_an_otherwise_written_at_the_level_of_the_states_is_an_error_that_says_to_indent_it(tmp_path, capsys):
    text = minimal_with("        next: listening\n  listening:",
                        "        next: listening\n  otherwise:\n    lines: Hello? Anyone?\n  listening:")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:51:3: 'otherwise' is a key of a state, not a state\n"
        "      otherwise:\n"
        "      ^\n"
        "  hint: indent it under the state it belongs to (two more spaces)")


def test_a_state_called_otherwise_that_holds_a_whole_state_must_be_renamed(tmp_path, capsys):
    text = minimal_with("        next: listening\n  listening:",
                        "        next: listening\n  otherwise:\n    lines: Hello?\n    on:\n"
                        "      - said: apologise\n        next: done\n  listening:")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:51:3: 'otherwise' is a key of a state, so it cannot be the name of a state\n"
        "      otherwise:\n"
        "      ^\n"
        "  hint: choose another name")


def test_a_state_named_after_a_key_of_a_step_must_be_renamed(tmp_path, capsys):
    text = minimal_with("        next: listening\n  listening:",
                        "        next: said\n  said:\n    lines: Hm.\n    on:\n"
                        "      - said: apologise\n        next: listening\n  listening:")
    assert says(text, tmp_path, capsys).splitlines()[::3] == [
        "case.yaml:51:3: 'said' is a key of a step, so it cannot be the name of a state",
        "  hint: choose another name"]


@pytest.mark.parametrize(("old", "new", "line", "message", "entry"), [
    ("    match: [sorry, apolog*]\n", "  match: [sorry, apolog*]\n", 40, "'match' is a key of an intent, not an intent",
     "intent"),
    ("    summary: She knows what happened to her bag.\n", "  summary: She knows what happened to her bag.\n", 60,
     "'summary' is a key of an outcome, not an outcome", "outcome"),
    ("    limit: 50\n", "  limit: 50\n", 35, "'limit' is a key of an action, not an action", "action"),
])
def test_a_key_of_an_intent_outcome_or_action_written_as_its_name(tmp_path, capsys, old, new, line, message, entry):
    said = says(minimal_with(old, new), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{line}:3: {message}"
    assert said[-1] == f"  hint: indent it under the {entry} it belongs to (two more spaces)"


def test_no_key_of_a_state_or_of_anything_in_it_may_name_a_state_the_list_comes_from_the_models(tmp_path):
    from trainer.scenario.keymap import deep_keys, fields
    from trainer.scenario.loader import check_bytes
    from trainer.scenario.models import State

    reserved = sorted({*fields(State), *deep_keys("State")})
    assert {"otherwise", "on", "lines", "hints", "said", "did", "next", "mood", "say", "if_said"} <= set(reserved)
    for name in reserved:
        text = minimal_with("        next: listening\n  listening:",
                            f"        next: {name}\n  {name}:\n    lines: Hm.\n    on:\n"
                            f"      - said: apologise\n        next: listening\n  listening:")
        _, problems = check_bytes(text.encode(), tmp_path / "case.yaml")
        first = problems.errors[0].message
        assert first.startswith(f"'{name}' is a key of a") and first.endswith(", so it cannot be the name of a state")


def test_on_that_lost_its_indentation_belongs_to_the_state_above_it(tmp_path, capsys):
    text = minimal_with("    lines: Thanks. So what happened to my bag?\n    on:",
                        "    lines: Thanks. So what happened to my bag?\n  on:")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:53:3: 'on' is a key of a state, not a state\n"
        "      on:\n"
        "      ^\n"
        "  hint: indent it under the state it belongs to (two more spaces)")


def test_a_key_under_an_otherwise_left_empty_goes_under_it_not_under_the_state(tmp_path, capsys):
    text = minimal_with("        next: listening\n  listening:",
                        "        next: listening\n    otherwise:\n    mood: -10\n  listening:")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:52:5: 'mood' is a key of 'otherwise:', not of a state\n"
        "        mood: -10\n"
        "        ^\n"
        "  hint: indent it under 'otherwise:' (two more spaces)")
    text = minimal_with("        next: listening\n  listening:",
                        "        next: listening\n    otherwise:\n  lines: Hello?\n  listening:")
    assert says(text, tmp_path, capsys).splitlines()[::3] == [
        "case.yaml:52:3: 'lines' is a key of 'otherwise:', not a state",
        "  hint: indent it under 'otherwise:' (four more spaces)"]


def test_found_in_beside_a_fact_instead_of_under_it(tmp_path, capsys):
    text = minimal_with("    found_in: baggage\n", "  found_in: baggage\n")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:25:3: 'found_in' is a key of a fact, not a fact\n"
        "      found_in: baggage\n"
        "      ^\n"
        "  hint: indent it under the fact it belongs to (two more spaces)")


def test_next_written_at_the_level_of_the_state_belongs_to_the_step_above_it(tmp_path, capsys):
    text = minimal_with("      - looked_up: baggage\n        next: done\n",
                        "      - looked_up: baggage\n    next: done\n")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:55:5: 'next' is a key of a step, not of a state\n"
        "        next: done\n"
        "        ^\n"
        "  hint: indent it under the step it belongs to (four more spaces)")


def test_a_key_of_a_step_written_in_the_column_of_its_dash_says_how_far_to_indent_it(tmp_path, capsys):
    text = minimal_with("        mood: +10\n        next: listening", "        mood: +10\n      next: listening")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:50:7: this key starts in the column of the '- ' on line 48, not in line with the keys of that item\n"
        "          next: listening\n"
        "          ^\n"
        "  hint: indent it two more spaces if it belongs to that item, or start it with '- ' if it is a new item")


def test_a_key_after_a_list_of_lines_may_belong_beside_the_lines_and_says_how_far_left(tmp_path, capsys):
    text = minimal_with("        mood: +10\n        next: listening",
                        "        next: listening\n        lines:\n          - Oh thanks.\n          mood: +10")
    assert says(text, tmp_path, capsys).splitlines()[::3] == [
        "case.yaml:52:11: a 'key: value' line appears in the middle of a list",
        ("  hint: start it with '- ' if it is a new item, or indent it under the item it belongs to; if 'mood:' "
         "belongs beside 'lines:' (line 50), move it two spaces to the left")]


def test_otherwise_inside_a_step_belongs_to_the_state(tmp_path, capsys):
    text = minimal_with("        next: done\n", "        next: done\n        otherwise:\n          mood: -10\n")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:56:9: 'otherwise' is a key of a state, not of a step\n"
        "            otherwise:\n"
        "            ^\n"
        "  hint: line it up with the keys of the state: four spaces to the left")


def test_mood_under_a_steps_lines_belongs_to_the_step(tmp_path, capsys):
    text = minimal_with("        mood: +10\n        next: listening",
                        "        next: listening\n        lines:\n          calm: Oh. Thanks.\n          mood: +10")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:52:11: 'mood' is a key of a step, not of 'lines:'\n"
        "              mood: +10\n"
        "              ^\n"
        "  hint: line it up with the keys of the step: two spaces to the left")


def test_a_top_level_key_indented_under_the_outcomes_is_not_an_outcome(tmp_path, capsys):
    text = minimal_with("when_patience_runs_out: done\n", "  when_patience_runs_out: done\n")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:62:3: 'when_patience_runs_out' is a key of the top level, not an outcome\n"
        "      when_patience_runs_out: done\n"
        "      ^\n"
        "  hint: line it up with the keys of the top level: two spaces to the left")


def test_a_customer_key_written_at_the_top_level_belongs_to_the_customer(tmp_path, capsys):
    text = minimal_with("  patience: 5\n\ndetails:", "\npatience: 5\ndetails:")
    assert says(text, tmp_path, capsys) == (
        "case.yaml:18:1: 'patience' is a key of the customer, not of the top level\n"
        "    patience: 5\n"
        "    ^\n"
        "  hint: indent it under 'customer:' (two more spaces)")


# ── Hints that name the right tool ──────────────────────────────────────────────────────


@pytest.mark.parametrize(("step", "line", "column", "message", "hint"), [
    ("      - said: refund\n", 48, 15, "'refund' is an action, not an intent", "use `did: refund`"),
    ("      - did: apologise\n", 48, 14, "'apologise' is an intent, not an action", "use `said: apologise`"),
    ("      - did: baggage\n", 48, 14, "'baggage' is a look-up, not an action", "use `looked_up: baggage`"),
    ("      - said: delayed\n", 48, 15, "'delayed' is a fact, not an intent", "use `knows: delayed`"),
    ("      - knows: apologise\n", 48, 16, "'apologise' is an intent, not a fact", "use `said: apologise`"),
])
def test_a_step_that_names_another_kind_of_thing_says_which_key_names_it(
        tmp_path, capsys, step, line, column, message, hint):
    said = says(minimal_with("      - said: apologise\n", step), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{line}:{column}: {message}"
    assert said[-1] == f"  hint: {hint}"


def test_a_line_on_condition_of_an_action_said_is_told_to_use_if_done(tmp_path, capsys):
    text = minimal_with("    lines: Thanks. So what happened to my bag?",
                        "    lines:\n      - say: Thanks for the refund. So, my bag?\n        if_said: refund\n"
                        "      - Thanks. So what happened to my bag?")
    assert says(text, tmp_path, capsys).splitlines()[::3] == [
        "case.yaml:54:18: 'refund' is an action, not an intent", "  hint: use `if_done: refund`"]


def test_a_name_of_no_kind_at_all_still_gets_the_nearest_one(tmp_path, capsys):
    said = says(minimal_with("      - said: apologise\n", "      - said: apologize\n"), tmp_path, capsys)
    assert said.splitlines()[::3] == ["case.yaml:48:15: unknown intent 'apologize'", "  hint: did you mean 'apologise'?"]


@pytest.mark.parametrize(("written", "fix"), [
    ("5+", "+5"), ("5 +", "+5"), ("+ 5", "+5"), ("five", "+5"), ("plus five", "+5"), ("-5%", "-5"), ("5-", "-5"),
    ("vijf", "+5"),
])
def test_a_mood_change_written_the_way_people_say_it_is_shown_as_yaml_reads_it(tmp_path, capsys, written, fix):
    said = says(minimal_with("        mood: +10\n", f"        mood: {written}\n"), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:49:15: states › waiting › on › item 1 › mood should be a whole number, not '{written}'"
    assert said[-1] == f"  hint: write {fix} (in digits, a number between -100 and 100)"


def test_a_patience_change_and_a_starting_mood_get_their_own_range(tmp_path, capsys):
    said = says(minimal_with("        mood: +10\n", "        patience: 1-\n"), tmp_path, capsys).splitlines()
    assert said[-1] == "  hint: write -1 (in digits, a number between -50 and 50)"
    said = says(minimal_with("  mood: 40\n", "  mood: forty+\n"), tmp_path, capsys).splitlines()
    assert said[-1] == "  hint: write 40 (in digits, a number between 0 and 100)"


# ── Playthroughs checked with the file ──────────────────────────────────────────────────


def with_playthrough(*moves: str, expect: str = "outcome: done") -> str:
    """The minimal scenario, its look-up called handler_log, with one playthrough of `moves`."""
    lines = "".join(f"      - {move}\n" for move in moves)
    text = MINIMAL.read_text("utf-8").replace("baggage", "handler_log")
    return text + f"\nplaythroughs:\n  - name: story\n    trainee:\n{lines}    expect:\n      {expect}\n"


FIRST_MOVE = 73
"""The line of the first move in `with_playthrough`."""


def test_a_good_playthrough_checks_clean(tmp_path, capsys):
    text = with_playthrough("I'm so sorry about your suitcase.", "/lookup handler", "/do refund 50")
    assert check(text, tmp_path, capsys) == (0, "", "1 file checked: 0 errors, 0 warnings.")


@pytest.mark.parametrize(("move", "column", "message", "hint"), [
    ("/lookup handlerlog", 17, "no look-up 'handlerlog'", "did you mean 'handler_log'?"),
    ("/lookup refund", 17, "'refund' is an action, not a look-up", "use /do refund"),
    ("/do refnd 20", 13, "no action 'refnd'", "did you mean 'refund'?"),
    ("/do handler_log", 13, "'handler_log' is a look-up, not an action", "use /lookup handler_log"),
    ("/do refund", 13, "/do refund needs an amount: at most 50", "write /do refund AMOUNT, e.g. /do refund 50"),
    ("/do refund -5", 20, "'-5' is not an amount", "write a number, 0 or more, e.g. /do refund 50"),
    ("/lookp handler_log", 9, "unknown command '/lookp'",
     "did you mean '/lookup'? (a message that begins with / starts with //)"),
    ("/lookup", 9, "'/lookup' needs the name of a look-up", "write /lookup NAME; choose one of: handler_log"),
])
def test_a_playthrough_move_the_game_would_refuse_is_an_error_at_its_line(tmp_path, capsys, move, column, message,
                                                                          hint):
    said = says(with_playthrough("So sorry!", move), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{FIRST_MOVE + 1}:{column}: {message}"
    assert said[1] == f"          - {move}"
    assert said[-1] == f"  hint: {hint}"


def test_an_empty_move_is_an_error(tmp_path, capsys):
    said = says(with_playthrough("So sorry!", '""'), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{FIRST_MOVE + 1}:9: this move is empty"
    assert said[-1] == "  hint: write the trainee's message, or remove the item"


def test_moves_after_the_end_are_never_played(tmp_path, capsys):
    said = says(with_playthrough("So sorry!", "/end", "Bye."), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{FIRST_MOVE + 1}:9: the moves after /end are never played"
    assert said[-1] == "  hint: remove the 1 after it, or move /end to the end"


def test_an_amount_over_the_limit_is_a_warning_a_playthrough_about_the_refusal_may_keep(tmp_path, capsys):
    code, said, summary = check(with_playthrough("So sorry!", "/do refund 80"), tmp_path, capsys)
    assert (code, summary) == (0, "1 file checked: 0 errors, 1 warning.")
    assert said.splitlines()[0] == (f"case.yaml:{FIRST_MOVE + 1}:20: warning: 80 is over refund's limit of 50: "
                                    "the back office will refuse it")


def test_an_expected_outcome_the_scenario_lacks_gets_the_nearest_one(tmp_path, capsys):
    said = says(with_playthrough("So sorry!", expect="outcome: don"), tmp_path, capsys).splitlines()
    assert said[0] == f"case.yaml:{FIRST_MOVE + 2}:16: unknown outcome 'don'"
    assert said[-1] == "  hint: did you mean 'done'?"


def test_left_is_an_outcome_every_playthrough_may_expect(tmp_path, capsys):
    text = with_playthrough("So sorry!", "/end", expect="outcome: left")
    assert check(text, tmp_path, capsys)[0] == 0


def test_a_score_range_upside_down_or_past_100_is_an_error(tmp_path, capsys):
    text = with_playthrough("So sorry!", expect="outcome: done\n      scores:\n        plumber: [80, 20]")
    said = says(text, tmp_path, capsys).splitlines()
    assert said[0] == (f"case.yaml:{FIRST_MOVE + 4}:18: score range [80, 20] for plumber is not within 0–100, "
                       "low to high")


def test_a_misspelt_trade_and_a_wrong_outcome_are_both_reported_at_once(tmp_path, capsys):
    text = with_playthrough("So sorry!", expect="outcome: don\n      scores:\n        detectiv: [0, 100]")
    code, said, summary = check(text, tmp_path, capsys)
    assert (code, summary) == (1, "1 file checked: 2 errors, 0 warnings.")
    assert [line for line in said.splitlines() if line.startswith("case.yaml")] == [
        f"case.yaml:{FIRST_MOVE + 2}:16: unknown outcome 'don'",
        f"case.yaml:{FIRST_MOVE + 4}:9: 'detectiv' is not allowed as a key in playthroughs › item 1 › expect › scores",
    ]
