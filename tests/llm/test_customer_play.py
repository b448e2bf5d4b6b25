"""A trainee plays the legroom case against a live customer: a model on a real OpenAI-compatible server writes
her lines, streamed; the state machine still decides everything; the session keeps what it cost."""

from __future__ import annotations

from llm_server import Reply

from tests.llm.customer_steps import exemplary, in_character, legroom, play
from trainer.customers.llm import LLMCustomer
from trainer.customers.prompt import PROMPT_VERSION
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage
from trainer.engine.moves import Lookup, Say
from trainer.play import Round
from trainer.playthrough import run_playthrough
from trainer.store import open_store


def test_the_exemplary_playthrough_against_a_live_customer_ends_as_the_script_does(llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(in_character)
    card, out, customer = play(scenario, llm_settings, exemplary(scenario))

    scripted = run_playthrough(scenario, scenario.playthroughs[0])
    assert card.outcome == scripted.scorecard.outcome == "resolved"
    # Detective and plumber judge the trainee's own moves and words: the same. The facilitator's
    # acknowledgement is judged per turn of hers that voices a feeling, and her words are the model's here.
    assert {t: card.trades[t].score for t in ("detective", "plumber")} == \
        {t: scripted.scorecard.trades[t].score for t in ("detective", "plumber")}
    assert abs(card.trades["facilitator"].score - scripted.scorecard.trades["facilitator"].score) <= 10
    assert [line.by for line in customer.record.lines] == ["model"] * len(customer.record.lines)
    assert out.count("@dani_maduro: Model says:") == len(customer.record.lines) >= 5
    assert all(r.json["stream"] is True for r in llm_server.completions)  # every line streamed
    assert "Live customer: test-model at 127.0.0.1" in out and "tokens in" in out


def test_her_line_streams_piece_by_piece_and_the_conversation_goes_into_the_next_prompt(llm_server, llm_settings):
    scenario = legroom()
    llm_server.reply("@SkyblueAir Paid for legroom. Got none. Hello?",
                     chunks=["@SkyblueAir", " Paid for legroom.", " Got none.", " Hello?"])
    llm_server.reply("It was for Ruben. His knee.")
    customer = LLMCustomer(scenario, llm_settings)
    game = Round(scenario, clock=FakeClock(), customer=customer)

    pieces: list[str] = []
    customer.stream(game.session.cue, pieces.append)
    assert pieces == ["@SkyblueAir", " Paid for legroom.", " Got none.", " Hello?"]
    game.session.customer_wrote(customer.last.text)
    game.play(Say("So sorry about your seats, Daniela. What happened at the gate?"))

    second = llm_server.completions[1].json["messages"]
    assert second[0]["role"] == "system" and "Daniela Maduro" in second[0]["content"]
    conversation = second[1]["content"]
    assert 'Daniela: "@SkyblueAir Paid for legroom. Got none. Hello?"' in conversation
    assert 'Agent: "So sorry about your seats, Daniela. What happened at the gate?"' in conversation
    assert game.session.events[-1].text == "It was for Ruben. His knee."


def test_facts_not_yet_found_are_never_in_her_prompt(llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(in_character)
    game = Round(scenario, clock=FakeClock(), customer=LLMCustomer(scenario, llm_settings))
    game.opening()
    hidden = scenario.facts["seats_released"].is_
    assert all(hidden not in str(r.json["messages"]) and "aircraft change" not in str(r.json["messages"])
               for r in llm_server.completions)

    game.play(Lookup("seat_record"))
    game.play(Say("I'm so sorry about the seats. Our system released them after an aircraft change."))
    assert hidden in llm_server.completions[-1].json["messages"][1]["content"]


def test_a_tweet_too_long_is_trimmed_to_280_at_a_sentence_end(llm_server, llm_settings):
    scenario = legroom()
    sentence = "I paid for extra legroom and sat for ten hours with my knees against the seat in front. "
    llm_server.reply(sentence * 6)
    customer = LLMCustomer(scenario, llm_settings)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    game.opening()
    said = game.session.events[-1].text
    assert len(said) <= 280 and said.endswith(".") and customer.last.by == "model"


def test_the_session_keeps_model_host_settings_prompt_version_and_tokens_never_the_key(llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(lambda request: Reply("Still waiting for an answer.", prompt_tokens=100,
                                                  completion_tokens=7))
    store = open_store()
    customer = LLMCustomer(scenario, llm_settings, seed=7)
    game = Round(scenario, seed=7, clock=FakeClock(), customer=customer)
    game.keep(store, trainee="tess")
    saved = game.saved
    game.opening()
    game.play(Say("Hello, I'll look into it."))
    game.play(Say("Thanks for waiting."))
    game.finish()
    manifest = store.load(saved.session_id).manifest
    llm = manifest["llm"]
    assert manifest["customer"] == "LLMCustomer" and manifest["scenario_hash"].startswith("sha256:")
    assert llm["model"] == "test-model" and llm["endpoint"] == f"127.0.0.1:{llm_server.port}"
    assert llm["seed"] == 7 and llm["temperature"] == 0.8 and llm["prompt_version"] == PROMPT_VERSION
    lines = sum(isinstance(e, CustomerMessage) for e in game.session.events)
    assert llm["usage"] == {"requests": lines, "in": 100 * lines, "out": 7 * lines}
    assert all(r.json["seed"] == 7 and r.json["temperature"] == 0.8 for r in llm_server.completions)
    assert "sk-" not in str(manifest)
