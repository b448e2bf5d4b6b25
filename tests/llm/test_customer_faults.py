"""Faults never end a session: whatever goes wrong with her model, her scripted line for that moment stands
in, the trainee is told in one line, and the next turn tries the model again."""

from __future__ import annotations

import pytest
from llm_server import Cut, Delay, Empty, Hangup, Malformed, Reply, Status

from tests.llm.customer_steps import exemplary, in_character, legroom, play, scripted_options
from trainer.customers.llm import REST_CUES, LLMCustomer
from trainer.engine.clock import FakeClock
from trainer.engine.moves import Say
from trainer.play import Round

FAULTS = [
    (Delay(3.0), "timeout", "did not answer in time"),
    (Status(429, retry_after=0), "rate_limited", "rate-limited"),
    (Status(500), "server_error", "server error"),
    (Status(503), "server_error", "server error"),
    (Empty(), "empty", "sent nothing"),
    (Malformed(), "malformed", "could not be read"),
    (Cut("@SkyblueAir I paid for legroom and", after=3), "cut", "stopped halfway"),
    (Hangup(), "cut", "stopped halfway"),
]
BAD_LINES = [
    ("As an AI language model, I cannot pretend to be a customer.", "out_of_character"),
    ("Ik heb voor extra beenruimte betaald en ik heb het niet gekregen, waarom is dat?", "wrong_language"),
    ("Great news everyone, my case is resolved and I'm happy now.", "claims_resolved"),
    ("I know the aircraft change made your seat system release my seats.", "leak"),
    ("   ", "empty"),
]


def opening_with(server, settings, *items):
    scenario = legroom()
    server.fault(*items)
    customer = LLMCustomer(scenario, settings)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    cue = game.session.cue
    game.opening()
    return game, customer, cue


@pytest.mark.parametrize("fault, kind, told", FAULTS, ids=[f"{type(f).__name__}-{k}" for f, k, _ in FAULTS])
def test_each_fault_falls_back_to_her_scripted_line_tells_once_and_the_next_turn_is_live_again(
        llm_server, llm_settings, fault, kind, told):
    tries = 1 if isinstance(fault, Cut) else 3  # a stream cut after some words is not asked again
    game, customer, cue = opening_with(llm_server, llm_settings, *[fault] * tries)
    assert len(llm_server.completions) == tries  # bounded: asked no more than that, then the script
    said = game.session.events[-1].text
    assert said in scripted_options(cue, game.session.scenario)
    assert customer.last.by == "script" and customer.last.problem == kind
    notice = customer.take_notice()
    assert notice.startswith("Daniela's line is from the script this time") and told in notice
    assert customer.take_notice() is None  # told once

    llm_server.reply("Finally, a person. It was for Ruben.")
    if kind in ("rate_limited", "server_error", "timeout", "empty", "malformed", "cut"):
        game.play(Say("So sorry about your seats. What happened?"))
        assert game.session.events[-1].text == "Finally, a person. It was for Ruben."
        assert customer.last.by == "model"
    assert not game.session.over


@pytest.mark.parametrize("text, problem", BAD_LINES, ids=[p for _, p in BAD_LINES])
def test_a_reply_out_of_character_in_another_language_leaking_or_settling_the_case_is_not_said(
        llm_server, llm_settings, text, problem):
    game, customer, cue = opening_with(llm_server, llm_settings, Reply(text))
    assert game.session.events[-1].text in scripted_options(cue, game.session.scenario)
    assert customer.last.problem == problem
    assert customer.take_notice()


def test_a_single_fault_is_retried_unseen_and_her_line_still_comes_from_the_model(llm_server, llm_settings):
    game, customer, _ = opening_with(llm_server, llm_settings, Status(503), Reply("Anyone home, @SkyblueAir?"))
    assert game.session.events[-1].text == "Anyone home, @SkyblueAir?"
    assert customer.take_notice() is None and len(llm_server.completions) == 2


def test_with_the_server_killed_mid_session_the_game_goes_on_scripted_to_its_outcome(llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(in_character)
    moves = exemplary(scenario)

    def trainee():
        yield from moves[:2]
        llm_server.stop()  # the model goes away mid-session
        yield from moves[2:]

    card, out, customer = play(scenario, llm_settings, trainee())
    assert card.outcome == "resolved"
    by = [line.by for line in customer.record.lines]
    assert by[:2] == ["model", "model"] and set(by[2:]) == {"script"}
    assert out.count("from the script this time: the model could not be reached") == 1
    assert " · 1 line from" not in out and f" · {len(by) - 2} lines from the script" in out


def test_after_the_endpoint_refuses_she_stays_scripted_a_few_lines_then_tries_again(llm_server, llm_settings):
    scenario = legroom()
    llm_server.stop()
    customer = LLMCustomer(scenario, llm_settings)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    game.opening()
    asked = []
    for _ in range(REST_CUES + 1):
        game.play(Say("Hello?"))
        asked.append(customer.usage()["requests"])
    assert asked[:REST_CUES] == [asked[0]] * REST_CUES  # resting: no request at all
    assert asked[REST_CUES] > asked[0]  # then it asks again
    assert not game.session.over or game.session.outcome


def test_nothing_the_trainee_typed_is_lost_when_her_model_fails(llm_server, llm_settings):
    scenario = legroom()
    llm_server.fault(Status(500), Status(500), Status(500))
    game = Round(scenario, clock=FakeClock(), customer=LLMCustomer(scenario, llm_settings))
    game.opening()
    text = "I'm so sorry about the seats, Daniela. What happened?"
    game.play(Say(text))
    from trainer.engine.events import TraineeMessage

    assert [e.text for e in game.session.events if isinstance(e, TraineeMessage)] == [text]
