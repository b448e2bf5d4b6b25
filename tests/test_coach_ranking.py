"""A coach ranks a case's plays before running them (`expect.better_than`); `webcare test` holds the scorer to
that ranking, and `webcare check` catches a ranking that names no play or goes round in a circle."""

from __future__ import annotations

from conftest import DATA

from trainer.scenario.loader import check_bytes

MEMORY = DATA / "authoring" / "memory.yaml"
LOOKS = "    expect:\n      outcome: done\n"
THANKS = "    expect:\n      outcome: left\n"


def ranked(looks: str = "", thanks: str = "") -> str:
    """The memory case with `better_than` lines added to its two plays."""
    text = MEMORY.read_text("utf-8")
    assert text.count(LOOKS) == 1 and text.count(THANKS) == 1
    return text.replace(LOOKS, LOOKS + looks).replace(THANKS, THANKS + thanks)


def test_the_play_that_looks_it_up_beats_the_one_that_thanks_and_leaves(tmp_path, run_webcare):
    path = tmp_path / "memory.yaml"
    path.write_text(ranked(looks="      better_than: [thanks_in_both_states]\n"), "utf-8")
    result = run_webcare("test", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed, 0 failed" in result.stdout


def test_a_ranking_the_scorer_does_not_share_fails_and_says_by_how_much(tmp_path, run_webcare):
    path = tmp_path / "memory.yaml"
    path.write_text(ranked(thanks="      better_than: [looks_it_up]\n"), "utf-8")
    result = run_webcare("test", str(path))
    assert result.returncode == 1
    assert "FAIL memory › the coach's ranking (better_than)" in result.stdout
    assert "  thanks_in_both_states should beat looks_it_up: " in result.stdout
    assert "(the mean of the three trades)" in result.stdout
    assert "2 passed, 1 failed" in result.stdout


def test_a_ranking_that_names_no_play_of_the_case_gets_a_did_you_mean(tmp_path):
    text = ranked(looks="      better_than: [thanks_in_both_state]\n")
    _, problems = check_bytes(text.encode(), tmp_path / "memory.yaml")
    assert [(p.message, p.hint) for p in problems.errors] == [
        ("unknown playthrough 'thanks_in_both_state'", "did you mean 'thanks_in_both_states'?")]


def test_a_ranking_in_a_circle_is_an_error_with_the_fix(tmp_path):
    text = ranked(looks="      better_than: [thanks_in_both_states]\n", thanks="      better_than: [looks_it_up]\n")
    _, problems = check_bytes(text.encode(), tmp_path / "memory.yaml")
    messages = [p.message for p in problems.errors]
    assert "the ranking goes round in a circle: 'looks_it_up' would have to beat itself" in messages
    assert all("rank the plays one way" in p.hint for p in problems.errors)


def test_a_play_cannot_be_ranked_above_itself(tmp_path):
    text = ranked(looks="      better_than: [looks_it_up]\n")
    _, problems = check_bytes(text.encode(), tmp_path / "memory.yaml")
    assert [p.message for p in problems.errors] == [
        "the ranking goes round in a circle: 'looks_it_up' would have to beat itself"]
