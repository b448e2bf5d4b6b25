"""Faults never end a session: each is retried a bounded number of times, then raised as a typed, keyless error."""

from __future__ import annotations

import random

import pytest
from llm_fixtures import TEST_KEY
from llm_server import Cut, Delay, Empty, Hangup, Malformed, Reply, Slow, Status

from trainer.llm.client import LLMClient
from trainer.llm.config import with_overrides
from trainer.llm.errors import LLMRejected, LLMUnavailable

ASK = [{"role": "user", "content": "Say hello."}]
FAULTS = [
    (Delay(3.0), "timeout"),
    (Status(429, retry_after=0), "rate_limited"),
    (Status(500), "server_error"),
    (Status(503), "server_error"),
    (Empty(), "empty"),
    (Malformed(), "malformed"),
    (Cut(), "cut"),
    (Hangup(), "cut"),
]

def bounded(waits: list[float], settings) -> None:
    """Three tries wait twice between them, each under the back-off's ceiling (a wait is recorded, not slept:
    how long the machine takes is `make bench`'s business, not the suite's)."""
    assert len(waits) == 2 and all(0 <= wait <= settings.backoff_max for wait in waits), waits


def assert_keyless(error: Exception) -> None:
    for shown in (str(error), repr(error), str(error.args)):
        assert TEST_KEY not in shown and TEST_KEY[:12] not in shown


@pytest.mark.parametrize("fault, kind", FAULTS, ids=[f"{type(f).__name__}-{k}" for f, k in FAULTS])
@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_a_fault_that_persists_is_retried_then_raised_as_llm_unavailable(llm_server, llm_settings, fault, kind,
                                                                         streamed):
    llm_server.fault(fault, fault, fault)
    waits: list[float] = []
    client = LLMClient(llm_settings, sleep=waits.append)
    ask = (lambda: list(client.stream(ASK, restarted=lambda: None))) if streamed else (lambda: client.chat(ASK))
    with pytest.raises(LLMUnavailable) as caught:
        ask()
    bounded(waits, llm_settings)
    error = caught.value
    assert error.kind == kind and error.attempts == 3 and not isinstance(error, LLMRejected)
    assert len(llm_server.completions) == 3
    assert "after 3 tries" in str(error) and f"127.0.0.1:{llm_server.port}" in str(error)
    assert_keyless(error)


@pytest.mark.parametrize("fault, kind", FAULTS, ids=[f"{type(f).__name__}-{k}" for f, k in FAULTS])
def test_a_single_fault_is_retried_and_the_reply_still_arrives(llm_server, llm_settings, fault, kind):
    llm_server.fault(fault).reply("Back again.")
    reply = LLMClient(llm_settings).chat(ASK)
    assert reply.text == "Back again." and reply.attempts == 2 and reply.usage.requests == 2


def test_a_refused_connection_is_retried_then_raised(llm_server, llm_settings):
    waits: list[float] = []
    client = LLMClient(llm_settings, sleep=waits.append)
    assert client.chat(ASK).text == "OK"
    llm_server.stop()
    with pytest.raises(LLMUnavailable) as caught:
        client.chat(ASK)
    assert caught.value.kind == "refused" and caught.value.attempts == 3
    bounded(waits, llm_settings)
    assert_keyless(caught.value)


def test_retry_after_is_honoured(llm_server, llm_settings):
    llm_server.fault(Status(429, retry_after=1)).reply("Thanks for waiting.")
    waits: list[float] = []
    reply = LLMClient(llm_settings, sleep=waits.append).chat(ASK)
    assert reply.text == "Thanks for waiting." and reply.attempts == 2
    assert len(waits) == 1 and 1.0 <= waits[0] <= 1.0 + llm_settings.backoff


def test_retry_after_in_milliseconds_is_honoured_too(llm_server, llm_settings):
    llm_server.fault(Status(429, headers={"retry-after-ms": "300"})).reply("OK")
    waits: list[float] = []
    assert LLMClient(llm_settings, sleep=waits.append).chat(ASK).text == "OK"
    assert len(waits) == 1 and 0.3 <= waits[0] <= 0.3 + llm_settings.backoff


def test_a_server_asking_for_a_long_wait_is_given_up_on_at_once(llm_server, llm_settings):
    llm_server.fault(Status(429, retry_after=600))
    waits: list[float] = []
    with pytest.raises(LLMUnavailable) as caught:
        LLMClient(llm_settings, sleep=waits.append).chat(ASK)
    assert caught.value.kind == "rate_limited" and "asks to wait 600 s" in str(caught.value)
    assert len(llm_server.completions) == 1 and waits == []  # not waited for at all


def test_back_off_is_jittered_under_a_ceiling_that_doubles_between_tries(llm_server, llm_settings):
    settings = with_overrides(llm_settings, retries=3, backoff=0.25, backoff_max=0.6)
    seen: list[list[float]] = []
    for seed in range(4):  # four clients that failed together
        waits: list[float] = []
        llm_server.fault(Status(500), Status(500), Status(500), Status(500))
        with pytest.raises(LLMUnavailable):
            LLMClient(settings, sleep=waits.append, rng=random.Random(seed)).chat(ASK)
        assert len(waits) == 3
        assert all(0 <= wait <= ceiling for wait, ceiling in zip(waits, [0.25, 0.5, 0.6], strict=True))
        seen.append(waits)
    assert len({tuple(waits) for waits in seen}) == 4, "they don't come back together"
    assert seen[0] != [0.25, 0.5, 0.6]


def test_a_class_told_to_wait_by_429s_waits_at_least_as_asked_and_not_in_step(llm_server, llm_settings):
    seen: list[tuple[float, ...]] = []
    for seed in range(4):  # four trainees' clients, refused together and told the same wait
        waits: list[float] = []
        llm_server.fault(Status(429, retry_after=1.5), Status(503, retry_after=0.75)).reply("OK")
        LLMClient(llm_settings, sleep=waits.append, rng=random.Random(seed)).chat(ASK)
        first, second = waits
        assert 1.5 <= first <= 1.5 + llm_settings.backoff  # Retry-After, then a jitter under the back-off ceiling
        assert 0.75 <= second <= 0.75 + 2 * llm_settings.backoff
        seen.append((first, second))
    assert len(set(seen)) == 4, "they don't come back in step"


@pytest.mark.parametrize("headers, asked", [
    ({"retry-after-ms": "1250"}, 1.25),
    ({"Retry-After": "1.5", "retry-after-ms": "250"}, 0.25),  # as openai reads them: milliseconds first
], ids=["retry-after-ms", "milliseconds-before-seconds"])
def test_a_wait_given_in_milliseconds_is_honoured(llm_server, llm_settings, headers, asked):
    waits: list[float] = []
    llm_server.fault(Status(429, headers=headers)).reply("OK")
    assert LLMClient(llm_settings, sleep=waits.append).chat(ASK).text == "OK"
    assert len(waits) == 1 and asked <= waits[0] <= asked + llm_settings.backoff


def test_a_retry_after_given_as_an_http_date_is_waited_out_until_that_time(llm_server, llm_settings):
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    waits: list[float] = []
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=20), usegmt=True)
    llm_server.fault(Status(503, retry_after=when)).reply("OK")
    LLMClient(with_overrides(llm_settings, retry_after_max=60), sleep=waits.append).chat(ASK)
    assert len(waits) == 1 and 15 < waits[0] <= 20 + llm_settings.backoff  # the date, not the back-off (≤ 0.05 s)


@pytest.mark.parametrize("status, words", [
    (401, "the key was not accepted (HTTP 401)"),
    (404, "no model 'test-model' there"),
    (400, "HTTP 400: messages must not be empty"),
])
def test_a_refused_request_is_not_retried(llm_server, llm_settings, status, words):
    echoed = f"Incorrect API key provided: {TEST_KEY[:8]}***{TEST_KEY[-6:]}"
    message = "messages must not be empty" if status == 400 else echoed
    llm_server.fault(Status(status, body={"error": {"message": message}}))
    with pytest.raises(LLMRejected) as caught:
        LLMClient(llm_settings).chat(ASK)
    assert words in str(caught.value) and caught.value.status == status
    assert len(llm_server.completions) == 1
    assert_keyless(caught.value)


def test_a_server_echoing_part_of_the_key_never_gets_it_into_the_message(llm_server, llm_settings):
    llm_server.fault(Status(422, body={"error": {"message": f"bad key {TEST_KEY[:8]}…{TEST_KEY[-8:]} or {TEST_KEY}"}}))
    with pytest.raises(LLMRejected) as caught:
        LLMClient(llm_settings).chat(ASK)
    assert "HTTP 422" in str(caught.value)
    assert TEST_KEY[-8:] not in str(caught.value) and TEST_KEY not in str(caught.value)


def test_a_stream_cut_halfway_starts_again_and_the_caller_drops_the_partial_text(llm_server, llm_settings):
    llm_server.fault(Cut("I am so sorry that", after=3)).reply("Let me look into it.")
    shown: list[str] = []
    pieces = LLMClient(llm_settings).stream(ASK, restarted=shown.clear)
    for piece in pieces:
        shown.append(piece)  # noqa: PERF402 - piece by piece: `restarted` clears `shown` between two pieces
    assert "".join(shown) == "Let me look into it."
    assert len(llm_server.completions) == 2


def test_a_stream_cut_halfway_without_a_restart_hook_is_raised_at_once(llm_server, llm_settings):
    llm_server.fault(Cut("I am so sorry that", after=2)).reply("never asked for")
    got: list[str] = []

    def read() -> None:
        for piece in LLMClient(llm_settings).stream(ASK):
            got.append(piece)  # noqa: PERF402 - piece by piece: what came before the cut is kept

    with pytest.raises(LLMUnavailable) as caught:
        read()
    assert caught.value.kind == "cut" and got == ["I", " am"]
    assert len(llm_server.completions) == 1


def test_a_stream_that_ends_without_its_last_chunk_counts_as_cut(llm_server, llm_settings):
    llm_server.fault(Reply("half a", finish_reason=None), Reply("half a", finish_reason=None),
                     Reply("half a", finish_reason=None))
    with pytest.raises(LLMUnavailable) as caught:
        list(LLMClient(llm_settings).stream(ASK, restarted=lambda: None))
    assert caught.value.kind == "cut"


def test_a_time_out_can_be_set_per_request(llm_server, llm_settings):
    llm_server.fault(Delay(0.3, then=Reply("slow but fine")))
    client = LLMClient(with_overrides(llm_settings, timeout=0.1, retries=0))
    assert client.chat(ASK, timeout=2.0).text == "slow but fine"


@pytest.mark.parametrize("slow", [Delay(3.0), Slow(3.0), Slow(3.0, keepalive=0.05)],
                         ids=["whole-answer-late", "first-word-late", "first-word-late-keepalive"])
def test_a_stream_whose_first_word_misses_the_deadline_is_given_up_on_at_once(llm_server, llm_settings, slow):
    llm_server.fault(slow, slow, slow)
    client = LLMClient(with_overrides(llm_settings, timeout=5.0))  # the request's own time-out would not help
    with pytest.raises(LLMUnavailable) as caught:
        list(client.stream(ASK, first_token=0.2))
    assert caught.value.kind == "timeout" and "no first word within 0.2 s" in str(caught.value)
    assert len(llm_server.completions) == 1 and caught.value.attempts == 1


def test_a_quick_fault_is_still_retried_within_the_deadline(llm_server, llm_settings):
    llm_server.fault(Status(503)).reply("Here now.")
    assert "".join(LLMClient(llm_settings).stream(ASK, first_token=3.0)) == "Here now."
    assert len(llm_server.completions) == 2


def test_a_retry_after_longer_than_the_deadline_leaves_is_not_waited_for(llm_server, llm_settings):
    waits: list[float] = []
    llm_server.fault(Status(429, retry_after=1.5)).reply("never asked")
    with pytest.raises(LLMUnavailable) as caught:
        list(LLMClient(llm_settings, sleep=waits.append).stream(ASK, first_token=0.5))
    assert caught.value.kind == "rate_limited" and waits == [] and len(llm_server.completions) == 1


def test_a_single_try_is_one_request_whatever_the_settings_allow(llm_server, llm_settings):
    llm_server.fault(Status(500), Status(500), Status(500))
    with pytest.raises(LLMUnavailable) as caught:
        list(LLMClient(llm_settings).stream(ASK, retries=0))
    assert caught.value.attempts == 1 and len(llm_server.completions) == 1
