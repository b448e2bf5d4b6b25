"""The client asks a real OpenAI-compatible server on 127.0.0.1: whole replies, streams, JSON, tokens counted."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from llm_fixtures import TEST_KEY
from llm_server import Reply, Status
from pydantic import BaseModel

from trainer.llm.client import LLMClient
from trainer.llm.config import with_overrides

ASK = [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Say hello."}]


def test_a_whole_reply_comes_back_with_its_tokens_counted(llm_server, llm_settings):
    llm_server.reply("Hello there, Daniela.", prompt_tokens=20, completion_tokens=5)
    client = LLMClient(llm_settings)
    reply = client.chat(ASK)
    assert reply.text == "Hello there, Daniela."
    assert reply.model == "test-model" and reply.attempts == 1 and reply.finish_reason == "stop"
    assert (reply.usage.requests, reply.usage.prompt_tokens, reply.usage.completion_tokens) == (1, 20, 5)
    sent = llm_server.completions[0].json
    assert sent["model"] == "test-model" and sent["messages"] == ASK and not sent.get("stream")


def test_a_streamed_reply_arrives_piece_by_piece_and_counts_its_tokens(llm_server, llm_settings):
    llm_server.reply("I am so sorry about your seats.", prompt_tokens=30, completion_tokens=7)
    client = LLMClient(llm_settings)
    pieces = list(client.stream(ASK))
    assert len(pieces) == 7 and "".join(pieces) == "I am so sorry about your seats."
    sent = llm_server.completions[0].json
    assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
    assert (client.usage.requests, client.usage.prompt_tokens, client.usage.completion_tokens) == (1, 30, 7)


def test_the_usage_adds_up_over_requests(llm_server, llm_settings):
    client = LLMClient(llm_settings)
    llm_server.reply("one two", prompt_tokens=10).reply("three", prompt_tokens=4)
    client.chat(ASK)
    list(client.stream(ASK))
    assert client.usage.to_dict() == {"requests": 2, "tokens_in": 14, "tokens_out": 3}


class Verdict(BaseModel):
    rating: int
    reason: str


def test_a_json_reply_is_parsed_and_validated_even_inside_a_code_fence(llm_server, llm_settings):
    llm_server.reply('```json\n{"rating": 2, "reason": "asks about the gate"}\n```')
    verdict, _ = LLMClient(llm_settings).chat_json(ASK, Verdict.model_validate)
    assert verdict == Verdict(rating=2, reason="asks about the gate")
    assert llm_server.completions[0].json["response_format"] == {"type": "json_object"}


def test_a_reply_that_does_not_fit_the_form_is_asked_again(llm_server, llm_settings):
    llm_server.reply('{"rating": "high"}').reply('{"rating": 3, "reason": "owns the mistake"}')
    verdict, reply = LLMClient(llm_settings).chat_json(ASK, Verdict.model_validate)
    assert verdict.rating == 3 and reply.attempts == 2 and reply.usage.requests == 2


def test_a_server_without_json_mode_is_asked_again_without_it(llm_server, llm_settings):
    """LM Studio and older servers answer 400 to `response_format`: ask plainly, and remember."""
    llm_server.fault(Status(400, body={"error": {"message": "response_format not supported"}}))
    llm_server.reply('{"rating": 1, "reason": "x"}').reply('{"rating": 2, "reason": "y"}')
    client = LLMClient(llm_settings)
    assert client.chat_json(ASK, Verdict.model_validate)[0].rating == 1
    assert client.chat_json(ASK, Verdict.model_validate)[0].rating == 2
    formats = [r.json.get("response_format") for r in llm_server.completions]
    assert formats == [{"type": "json_object"}, None, None]


def test_the_endpoint_lists_its_models(llm_server, llm_settings):
    assert LLMClient(llm_settings).models() == ["test-model"]


def test_the_key_goes_in_the_authorization_header_and_nowhere_else(llm_server, llm_settings):
    client = LLMClient(llm_settings)
    client.chat(ASK)
    list(client.stream(ASK))
    client.models()
    assert len(llm_server.requests) == 3
    for request in llm_server.requests:
        assert request.headers["authorization"] == f"Bearer {TEST_KEY}"
        assert TEST_KEY not in request.text and TEST_KEY[:12] not in request.text


def test_a_local_server_without_a_key_is_asked_all_the_same(llm_server, llm_settings):
    client = LLMClient(with_overrides(llm_settings, api_key=None))
    assert client.chat(ASK).text == "OK"
    assert llm_server.requests[0].headers["authorization"] == "Bearer not-needed"


def test_azure_openai_gets_its_deployment_path_api_version_and_api_key_header(llm_server, llm_settings):
    settings = with_overrides(llm_settings, base_url=f"http://127.0.0.1:{llm_server.port}", api_version="2024-06-01",
                              model="my-deployment")
    assert LLMClient(settings).chat(ASK).text == "OK"
    request = llm_server.completions[0]
    assert request.path == "/openai/deployments/my-deployment/chat/completions?api-version=2024-06-01"
    assert request.headers["api-key"] == TEST_KEY and TEST_KEY not in request.text


@pytest.mark.parametrize("modules", ["trainer.cli, scoring", "trainer.cli, scoring, trainer.judge, trainer.plain"])
def test_start_up_does_not_import_openai(modules):
    code = (f"import sys, {modules}; import trainer.cli as cli; cli._parser();"
            "print(json.dumps([m for m in ('openai', 'httpx', 'httpx2') if m in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", "import json;" + code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert json.loads(result.stdout) == []


def test_the_request_carries_temperature_and_max_tokens_when_set(llm_server, llm_settings):
    LLMClient(with_overrides(llm_settings, temperature=0.2)).chat(ASK, max_tokens=50)
    sent = llm_server.completions[0].json
    assert sent["temperature"] == 0.2 and sent["max_tokens"] == 50


def test_a_queued_reply_can_be_computed_from_the_request(llm_server, llm_settings):
    llm_server.respond_with(lambda request: Reply(f"You said: {request.json['messages'][-1]['content']}"))
    assert LLMClient(llm_settings).chat(ASK).text == "You said: Say hello."
