"""A new user's story with the command line: play piped, read the scorecard, check a broken file."""

from __future__ import annotations

import json

import pytest
from conftest import SCENARIOS

from trainer.scenario.loader import load_scenario


@pytest.mark.parametrize("scenario_id", ["legroom-en", "legroom-nl"])
def test_piped_play_of_the_three_playthroughs_gives_scorecards_in_order(run_webcare, tmp_path, scenario_id):
    scenario = load_scenario(SCENARIOS / f"{scenario_id}.yaml")
    totals = {}
    for playthrough in scenario.playthroughs:
        card_file = tmp_path / f"{playthrough.name}.json"
        result = run_webcare("play", scenario_id, "--plain", "--scorecard-json", str(card_file),
                             stdin="\n".join(playthrough.trainee) + "\n")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert {"en": "SCORECARD", "nl": "SCOREKAART"}[scenario.language] in result.stdout
        card = json.loads(card_file.read_text("utf-8"))
        assert card["outcome"] == playthrough.expect.outcome
        assert set(card["trades"]) == {"facilitator", "detective", "plumber"}
        for trade in card["trades"].values():
            assert 0 <= trade["score"] <= 100
            for criterion in trade["criteria"]:
                for evidence in criterion["evidence"]:
                    assert "turn" in evidence and ("quote" in evidence or "action" in evidence or evidence["note"])
        prompt = next(c for c in card["trades"]["facilitator"]["criteria"] if c["id"] == "prompt")
        assert prompt["score"] is None, "piped lines arrive at once: how long she waited is not known"
        totals[playthrough.name] = card["trades"]
    for trade in ("facilitator", "detective", "plumber"):
        assert (totals["exemplary"][trade]["score"] > totals["mediocre"][trade]["score"]
                > totals["copy-paste"][trade]["score"])


def test_a_scenario_can_be_played_by_path_and_the_customer_answers(run_webcare):
    result = run_webcare("play", str(SCENARIOS / "legroom-en.yaml"), "--plain",
                         stdin="Hi Daniela, so sorry about the legroom. What happened?\n/end\n")
    assert result.returncode == 0
    assert "@dani_maduro:" in result.stdout
    assert "Ruben" in result.stdout  # she told her story because she was asked
    assert "Outcome: left" in result.stdout


def test_a_dutch_scenario_is_played_in_dutch_from_briefing_to_scorecard(run_webcare):
    result = run_webcare("play", "legroom-nl", "--plain",
                         stdin="Hoi Daniela, wat vervelend. Wat is er gebeurd?\n/do refund_seats 500\n/help\n/end\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for dutch in ("Klant: Daniela Maduro (@dani_maduro, 3.800 volgers)", "Je mag:", "Backoffice:", "Acties:",
                  "BEDRAG (≤ 160)", "Typ een bericht om Daniela te antwoorden", "jij> Hoi Daniela",
                  "stemming 30  ·  geduld 6/6", "(geweigerd)", "gewoon typen", "── Het gesprek is afgelopen:",
                  "SCOREKAART", "Afloop: left (niet opgelost)", "LOODGIETER", "Volgende keer:"):
        assert dutch in out, dutch
    for english in ("Customer:", "You may:", "Back office:", "Actions:", "AMOUNT", "Type a message", "you>",
                    "patience", "(refused)", "just type", "The conversation ended", "SCORECARD", "Outcome:",
                    "Next time"):
        assert english not in out, english


def test_mistyped_moves_get_a_hint_and_the_game_goes_on(run_webcare):
    result = run_webcare("play", "legroom-en", "--plain", stdin="/lookup bookng\n/do voucher\n/dance\n/end\n")
    assert result.returncode == 0
    assert "Did you mean /lookup booking?" in result.stdout
    assert "needs an amount" in result.stdout
    assert "Unknown command /dance" in result.stdout


def test_an_unknown_scenario_is_named_with_a_suggestion(run_webcare):
    result = run_webcare("play", "legrom-en", "--plain")
    assert result.returncode == 1
    assert "Did you mean legroom-en?" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_passes_the_built_in_library(run_webcare):
    result = run_webcare("check")
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout


def test_check_reports_a_broken_file_with_line_and_column(run_webcare, tmp_path):
    broken = tmp_path / "broken.yaml"
    text = (SCENARIOS / "legroom-en.yaml").read_text("utf-8").replace("  mood: 30\n", "  mod: 30\n", 1)
    broken.write_text(text, "utf-8")
    line = text.splitlines().index("  mod: 30") + 1
    result = run_webcare("check", str(broken))
    assert result.returncode == 1
    assert f"broken.yaml:{line}:3: unknown key 'mod' in customer" in result.stderr
    assert "did you mean 'mood'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_test_command_runs_the_playthroughs(run_webcare):
    result = run_webcare("test", str(SCENARIOS / "legroom-en.yaml"))
    assert result.returncode == 0, result.stdout
    from trainer.scenario.library import find_scenario

    played = len(find_scenario("legroom-en").playthroughs)
    assert f"{played} passed, 0 failed" in result.stdout


def test_python_dash_m_and_version(run_webcare):
    result = run_webcare("--version")
    assert result.returncode == 0 and result.stdout.startswith("webcare ")


def test_a_dutch_trainee_is_asked_in_dutch_to_press_enter_after_the_briefing():
    import io

    from trainer.engine.clock import FakeClock
    from trainer.plain import PlainPlay, play_plain
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    asked: list[str] = []
    scenario = find_scenario("legroom-nl")
    play_plain(scenario, ["/end"], io.StringIO(), begin=lambda: Round(scenario, clock=FakeClock()),
               how=PlainPlay(ready=asked.append))
    assert asked == ["Druk op Enter als je de briefing hebt gelezen; dan begint de klok van de klant."]


def test_a_look_up_takes_no_turn_she_sees_only_the_message_and_the_end(run_webcare):
    result = run_webcare("play", "legroom-en", "--plain", "--no-save",
                         stdin="Hello, so sorry. What happened?\n/lookup booking\n/end\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Outcome: left (not settled) after 2 turns" in out
    assert "turn 1: lookup booking — checked the back office" in out  # done after her answer to turn 1
    assert "turn 3" not in out


def test_a_look_up_before_the_first_message_leaves_that_message_turn_1(run_webcare):
    result = run_webcare("play", "legroom-en", "--plain", "--no-save",
                         stdin="/lookup booking\nHello Daniela, so sorry. What happened?\n/end\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Outcome: left (not settled) after 2 turns" in out
    assert "start: lookup booking — checked the back office" in out
    assert "turn 1: “What happened?”" in out
