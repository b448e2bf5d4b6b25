"""A slow model never holds the game up: past the first-word deadline her scripted line stands in at once, the
trainee is told once, and while the script is in charge the model is asked a single time now and then, not in
rounds of retries every turn. (Counts and outcomes only: the deadline is small, the server far slower.)"""

from __future__ import annotations

import pytest
from llm_server import Delay, Reply, Slow, Status

from tests.llm.customer_steps import in_character, legroom, play
from trainer.customers.llm import LLMCustomer
from trainer.engine.clock import FakeClock
from trainer.engine.moves import Say
from trainer.llm.config import with_overrides
from trainer.play import Round

DEADLINE = 0.2
LATE = 2.0
"""Ten times the deadline: however noisy the machine, the model's words come too late."""
SLOW = [
    Delay(LATE, Reply("Sorry, I was thinking.")),  # nothing at all until the whole answer (a busy server)
    Slow(LATE, Reply("Sorry, I was thinking.")),  # the head and an empty chunk at once, her first word late
    Slow(LATE, Reply("Sorry, I was thinking."), keepalive=0.05),  # … with keep-alive comments meanwhile
]
TELL = "from the script this time: the model did not answer in time"
SIX = ["Hello Daniela, I'm so sorry.", "What happened with your seats?", "That sounds awful.",
       "Can you tell me more?", "I understand how frustrating that is.", "I'm looking into it now."]


@pytest.fixture
def patient(llm_settings):
    """Her settings with a small first-word deadline, and a per-request time-out the slow server stays within
    (as a server answering after 30 s did under the default 30 s time-out: every line came, 30 s late)."""
    return with_overrides(llm_settings, first_token_timeout=DEADLINE, timeout=LATE * 2)


@pytest.mark.parametrize("slow", SLOW, ids=["whole-answer-late", "first-word-late", "first-word-late-keepalive"])
def test_with_a_model_slower_than_the_deadline_six_turns_are_scripted_told_once_and_ask_little(
        llm_server, patient, slow):
    llm_server.respond_with(lambda request: slow)
    scenario = legroom()
    _, out, customer = play(scenario, patient, SIX)
    lines = customer.record.lines
    assert len(lines) == 7  # her opening and six answers
    assert all(line.by == "script" for line in lines)
    assert out.count(TELL) == 1
    assert len(llm_server.completions) <= 3  # the opening, one try next turn, one after a rest (was 9)


def test_while_the_script_is_in_charge_each_try_is_one_request_not_a_round_of_retries(llm_server, patient):
    llm_server.respond_with(lambda request: Status(503))
    scenario = legroom()
    customer = LLMCustomer(scenario, patient)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    game.opening()
    asked = [len(llm_server.completions)]
    for said in SIX:
        game.play(Say(said))
        asked.append(len(llm_server.completions) - sum(asked))
    assert asked == [3, 1, 0, 0, 0, 1, 0]  # a full round once, then single tries around a rest
    assert all(line.by == "script" for line in customer.record.lines)


def test_when_the_model_is_quick_again_her_next_try_is_live_and_a_new_run_of_fallbacks_is_told_again(
        llm_server, patient):
    llm_server.fault(Delay(LATE))
    llm_server.respond_with(in_character)
    scenario = legroom()
    customer = LLMCustomer(scenario, patient)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    game.opening()
    assert customer.last.by == "script" and "did not answer in time" in customer.take_notice()
    game.play(Say("I'm sorry about your seats, Daniela. What happened?"))
    assert customer.last.by == "model"
    llm_server.fault(Slow(LATE))
    game.play(Say("Let me look that up for you."))
    assert customer.last.by == "script" and "did not answer in time" in customer.take_notice()
    assert len(llm_server.completions) == 3


def test_the_deadline_can_be_turned_off_for_a_slow_local_model(llm_server, llm_settings):
    llm_server.fault(Slow(0.3, Reply("Finally. I paid for legroom.")))
    settings = with_overrides(llm_settings, first_token_timeout=0)
    customer = LLMCustomer(legroom(), settings)
    game = Round(legroom(), clock=FakeClock(), customer=customer)
    game.opening()
    assert customer.last.by == "model" and customer.last.text == "Finally. I paid for legroom."
