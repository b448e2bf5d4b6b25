"""An author's story with `webcare test` and `webcare explore`: failures read as diffs, coverage says what
no playthrough reaches, and exploring finds the dead ends, loops and lost outcomes of a story."""

from __future__ import annotations

import io

import pytest
from conftest import DATA

from trainer.authoring.coverage import coverage
from trainer.authoring.explore import explore
from trainer.commands.explore import Progress
from trainer.playthrough import run_playthrough
from trainer.scenario.loader import load_scenario

AUTHORING = DATA / "authoring"
SUITCASE = AUTHORING / "suitcase.yaml"
MAZE = AUTHORING / "maze.yaml"

FAILING = """playthroughs:
  - name: wrong
    trainee:
      - Hello there.
      - /lookup bagage
      - I'm so sorry about your suitcase.
      - /lookup baggage
      - One more thing.
      - And another.
    expect:
      outcome: gave_up
      scores:
        facilitator: [95, 100]
        detective: [0, 100]
"""


def suitcase_with(playthroughs: str, tmp_path):
    text = SUITCASE.read_text("utf-8")
    path = tmp_path / "suitcase.yaml"
    path.write_text(text[: text.index("playthroughs:")] + playthroughs, "utf-8")
    return path


# ── webcare test ────────────────────────────────────────────────────────────────────────


def test_a_passing_playthrough_prints_ok_and_a_coverage_summary_in_percent(run_webcare):
    result = run_webcare("test", str(SUITCASE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   suitcase › good" in result.stdout
    assert ("coverage suitcase: states 100% (2/2) · outcomes 50% (1/2) · steps 66% (2/3) · intents 50% (1/2) "
            "· look-ups/actions 50% (1/2) · lines 66% (4/6)") in result.stdout
    assert "1 passed, 0 failed" in result.stdout
    assert "never reached" not in result.stdout, "the full list only with --coverage"


def test_coverage_lists_what_no_playthrough_reaches_with_file_line_and_column(run_webcare):
    result = run_webcare("test", str(SUITCASE), "--coverage")
    out = result.stdout
    assert f"{SUITCASE}:73:3: outcome gave_up" in out
    assert f"{SUITCASE}:58:9: step state waiting, step 2: said thank → (stays)" in out
    assert f"{SUITCASE}:42:3: intent thank" in out
    assert f"{SUITCASE}:33:3: /do refund" in out
    assert f"{SUITCASE}:62:14: line state listening, angry variant 1: 'Sorry is a start. What happened?'" in out
    assert "state waiting, step 2, variant 1" in out
    assert "/lookup baggage" not in out and "intent apologise" not in out


def test_line_variants_count_as_reached_when_any_seed_draws_them():
    scenario = load_scenario(SUITCASE)
    results = [run_playthrough(scenario, p) for p in scenario.playthroughs]
    one = coverage(scenario, results, seeds=1)
    ten = coverage(scenario, results, seeds=10)
    opening = [i for i in one.of("lines") if i.label.startswith("state waiting, variant")]
    assert len(opening) == 2
    assert len([i for i in opening if i in one.reached]) == 1, "seed 0 draws one of her two openings"
    missed = next(i for i in opening if i not in one.reached)
    assert one.by_chance(missed), "her other opening was said: only the draw missed this one"
    assert all(i in ten.reached for i in opening)
    assert len(ten.missed("lines")) == len(one.missed("lines")) - 1
    assert "(her other lines here were said: another seed may draw it)" in "\n".join(one.details())


def test_a_playthrough_with_moves_after_its_ending_says_where_it_ended_and_to_remove_the_rest(run_webcare, tmp_path):
    too_long = FAILING.replace("outcome: gave_up", "outcome: done").replace("[95, 100]", "[0, 100]")
    result = run_webcare("test", str(suitcase_with(too_long, tmp_path)))
    assert result.returncode == 1
    assert "✗ it ended at move 4 of 6, done as expected: remove the rest, never played:" in result.stdout
    assert "5. One more thing." in result.stdout and "stopped early" not in result.stdout


def test_a_failing_playthrough_reads_as_a_diff_of_expected_and_got(run_webcare, tmp_path):
    path = suitcase_with(FAILING, tmp_path)
    result = run_webcare("test", str(path))
    assert result.returncode == 1
    out = result.stdout
    assert "FAIL suitcase › wrong" in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip().startswith("expected"))
    rows = [" ".join(line.split()) for line in lines[header + 1: header + 4]]
    assert rows == ["✗ outcome gave_up done", "✗ facilitator 95–100 " + rows[1].split()[-1], "detective 0–100 "
                    + rows[2].split()[-1]]
    assert "✗ stopped early: the conversation ended (done) after move 4 of 6; never played:" in out
    assert "5. One more thing." in out and "6. And another." in out
    assert "✗ move 2 refused by the game: '/lookup bagage'" in out
    assert "Did you mean /lookup baggage?" in out
    assert "her path: waiting → listening → done" in out
    assert "fitted no step in waiting: 'Hello there.'" in out
    assert "0 passed, 1 failed" in out


def test_test_refuses_a_broken_file_with_its_line_and_column(run_webcare):
    result = run_webcare("test", str(DATA / "bad" / "ref-next-unknown-state.yaml"))
    assert result.returncode == 1
    assert "ref-next-unknown-state.yaml:" in result.stderr and "unknown state or outcome" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["nowhere.yaml"], ["--seeds", "0"], ["--seeds", "many"]])
def test_test_says_what_is_wrong_with_its_arguments(run_webcare, args):
    result = run_webcare("test", *args)
    assert result.returncode != 0
    assert ("No such file or folder: nowhere.yaml" in result.stderr) or ("not a number of seeds" in result.stderr)
    assert "Traceback" not in result.stderr


# ── webcare explore ─────────────────────────────────────────────────────────────────────


def test_explore_finds_the_dead_end_the_loop_the_lost_outcome_and_the_unfilled_placeholder(run_webcare):
    result = run_webcare("explore", str(MAZE))
    assert result.returncode == 1
    err = result.stderr
    assert f"{MAZE}:81:3: state 'stuck' is a dead end (once the trainee is there knowing delayed)" in err
    assert "reached by: [apologise] 'sorry' › /lookup baggage" in err
    assert f"{MAZE}:69:3: the conversation can go round circling → spinning but never reach an outcome" in err
    assert (f"{MAZE}:88:3: outcome 'done' can never be reached: the way there needs step 3 of state 'listening' "
            "(and 1 more step like it), which can never fire: it needs fact 'secret', which only look-up 'vault' "
            "shows, and that needs 'secret' itself first: a circle") in err
    assert f"{MAZE}:56:12: her line in waiting still shows {{first_name}} after filling" in err
    assert "Explored 9 situations, up to 4 moves deep" in result.stdout
    assert "(everything within reach)" in result.stdout
    assert "4 problems, 0 warnings." in result.stdout


def test_explore_passes_a_sound_story_and_prints_its_limits(run_webcare):
    result = run_webcare("explore", str(SUITCASE))
    assert result.returncode == 0, result.stderr
    assert "at most 10 moves deep and 2000 situations" in result.stdout
    assert "Tried 5 moves in every situation: 3 messages, 1 look-up, 1 action move." in result.stdout
    assert "Reached 2/2 states and 2/2 outcomes, 'gave_up' by her patience running out." in result.stdout
    assert "0 problems" in result.stdout


def test_explore_cut_off_at_its_limits_warns_instead_of_failing():
    found = explore(load_scenario(MAZE), max_depth=1)
    assert found.cut_off == "the depth limit (1 moves)"
    messages = [f.problem.message for f in found.findings]
    assert any("state 'circling' was not reached within the limits" in m and "in principle" in m for m in messages)
    assert not any("dead end" in m or "go round" in m for m in messages), "unexplored situations are not judged"
    assert [f.problem.message.split(":")[0] for f in found.problems] == [
        "her line in waiting still shows {first_name} after filling",
        "outcome 'done' can never be reached",
    ], "only the placeholder and the ending no fact lets her reach are certain"


def test_explore_tries_every_intent_look_up_and_action_with_fitting_amounts():
    labels = [o.label for o in explore(load_scenario(SUITCASE), max_depth=0).options]
    assert labels == ["[apologise] \"I'm so sorry about your suitcase.\"", "[thank] 'Thank you for telling us.'",
                      "(no intent) 'Hmm.'", "/lookup baggage", "/do refund 50"]


def test_explore_says_when_a_scenario_cannot_be_found_or_is_broken(run_webcare):
    missing = run_webcare("explore", "no-such-case")
    assert missing.returncode == 1 and "No scenario called 'no-such-case'" in missing.stderr
    broken = run_webcare("explore", str(DATA / "bad" / "ref-said-unknown-intent.yaml"))
    assert broken.returncode == 1 and "unknown intent" in broken.stderr
    bad_depth = run_webcare("explore", str(SUITCASE), "--depth", "0")
    assert bad_depth.returncode == 2 and "not a whole number of 1 or more" in bad_depth.stderr
    for result in (missing, broken, bad_depth):
        assert "Traceback" not in result.stderr


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_only_once_exploring_takes_a_while():
    now = [0.0]
    stream = Tty()
    progress = Progress(stream, after=1.0, clock=lambda: now[0])
    found = explore(load_scenario(SUITCASE), max_depth=0)
    progress(found, 5)
    assert stream.getvalue() == "", "quick explorations print no progress"
    now[0] = 2.0
    progress(found, 5)
    progress.done()
    drawn = stream.getvalue()
    assert "exploring suitcase: 1 situations, 0 moves deep, 5 to go…" in drawn, "a bar (rich.progress) is drawn"
    assert drawn.endswith("\x1b[2K"), "and taken away when exploring ends: the report follows on a clean line"


def test_progress_into_a_log_is_a_plain_line_every_few_seconds():
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, after=1.0, clock=lambda: now[0])
    found = explore(load_scenario(SUITCASE), max_depth=0)
    for queued in range(12, 0, -1):
        now[0] += 1.0
        progress(found, queued)
    progress.done()
    assert stream.getvalue().splitlines() == ["exploring suitcase: 1 situations, 0 moves deep, 8 to go…",
                                              "exploring suitcase: 1 situations, 0 moves deep, 3 to go…"]


def test_the_explore_commands_defaults_are_the_explorers():
    from trainer.authoring import explore as explorer
    from trainer.commands import explore as command

    assert (command.MAX_DEPTH, command.MAX_SITUATIONS) == (explorer.MAX_DEPTH, explorer.MAX_SITUATIONS)
