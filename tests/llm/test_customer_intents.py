"""`--llm-intents`: the model reads the trainee's message into the scenario's intents, validated against their
names; the patterns decide whenever the model can't."""

from __future__ import annotations

from llm_server import Reply, Status

from tests.llm.customer_steps import legroom
from trainer.customers.llm_intents import LLMRecogniser
from trainer.engine.intents import Recogniser

PLAIN = "That sounds like an awful trip for you both."
PATTERNED = "I'm so sorry about your seats. What happened?"


def test_the_models_reading_is_used_in_the_scenarios_order(llm_server, llm_settings):
    llm_server.reply('```json\n{"intents": ["ask_what_happened", "acknowledge_harm"], "why": "empathy"}\n```')
    recogniser = LLMRecogniser(legroom(), llm_settings)
    assert recogniser.recognise(PLAIN) == ("acknowledge_harm", "ask_what_happened")
    sent = llm_server.completions[0].json
    assert sent["response_format"] == {"type": "json_object"} and sent["temperature"] == 0.0
    assert "- explain_cause: Explains why it happened" in sent["messages"][1]["content"]


def test_a_name_outside_the_scenarios_intents_is_malformed_and_after_the_retries_the_patterns_decide(
        llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(lambda request: Reply('{"intents": ["case_resolved"]}'))
    recogniser = LLMRecogniser(scenario, llm_settings)
    assert recogniser.recognise(PATTERNED) == Recogniser(scenario.intents, scenario.language).recognise(PATTERNED)
    assert recogniser.fallbacks == ["malformed"] and len(llm_server.completions) == 3


def test_with_the_endpoint_down_the_patterns_decide_and_wrong_claims_are_still_marked(llm_server, llm_settings):
    scenario = legroom()
    llm_server.fault(Status(503), Status(503), Status(503))
    recogniser = LLMRecogniser(scenario, llm_settings)
    said = recogniser.recognise("Thank you for your e-mail.")
    assert said == ("thank_for_email",) and recogniser.wrong(said) == ("thank_for_email",)
    assert recogniser.fallbacks == ["server_error"]


def test_prepare_reads_ahead_so_the_engine_asks_nothing_more(llm_server, llm_settings):
    llm_server.reply('{"intents": ["admit_fault"]}')
    recogniser = LLMRecogniser(legroom(), llm_settings)
    recogniser.prepare("We got this badly wrong.")
    assert recogniser.ready("We got this badly wrong.")
    assert recogniser.recognise("We got this badly wrong.") == ("admit_fault",)
    assert len(llm_server.completions) == 1
