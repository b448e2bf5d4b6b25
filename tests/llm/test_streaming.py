"""Her words stream through openai's own reader, in order however the server frames them, and stop the moment
the conversation does: the server sees its connection closed before it can send her next word."""

from __future__ import annotations

import asyncio

import pytest
from llm_server import Reply, Trickle

from trainer.llm.client import LLMClient

ASK = [{"role": "user", "content": "Say hello."}]
WORDS = ["Paid", " for", " legroom,", " got", " 31B.", "\nWhy?"]


@pytest.mark.parametrize("framing", [{"multiline": True}, {"events": True}, {"multiline": True, "events": True}],
                         ids=["data-over-several-lines", "named-events", "both"])
def test_pieces_arrive_whole_and_in_order_however_the_server_frames_its_events(llm_server, llm_settings, framing):
    llm_server.reply("".join(WORDS), chunks=WORDS, **framing)
    pieces = list(LLMClient(llm_settings).stream(ASK))
    assert "".join(pieces) == "".join(WORDS)
    assert len(pieces) >= len(WORDS) - 1  # piece by piece (the key's guard may hold a letter back a piece)


async def test_cancelling_the_reader_closes_the_request_before_the_server_sends_another_word(llm_server,
                                                                                            llm_settings):
    llm_server.fault(Trickle([" word"] * 200, every=0.1))  # twenty seconds of words if nobody hangs up
    client = LLMClient(llm_settings)
    got: list[str] = []
    first = asyncio.Event()

    async def read() -> None:
        async for piece in client.astream(ASK):
            got.append(piece)
            first.set()

    reader = asyncio.create_task(read())
    await first.wait()
    reader.cancel()  # what a Textual worker's cancel does to its task
    with pytest.raises(asyncio.CancelledError):
        await reader
    request = llm_server.completions[0]
    assert await asyncio.to_thread(request.closed.wait, 10), "the server never saw the connection close"
    assert request.sent <= len(got) + 1, "closed before the server's next word, not when the reply was done"
    await client.aclose()


async def test_closing_the_stream_early_closes_the_request_too(llm_server, llm_settings):
    llm_server.fault(Trickle([" word"] * 200, every=0.1))
    client = LLMClient(llm_settings)
    pieces = client.astream(ASK)
    assert (await anext(pieces)).strip() in ("word", "wor")  # (the key's guard may hold a letter back)
    await pieces.aclose()  # the customer has enough words to trim from
    request = llm_server.completions[0]
    assert await asyncio.to_thread(request.closed.wait, 10) and request.sent <= 2
    await client.aclose()


def test_a_stream_read_to_its_end_is_not_taken_for_a_hang_up(llm_server, llm_settings):
    llm_server.fault(Trickle(["a", "b", "c"], every=0.01))
    assert "".join(LLMClient(llm_settings).stream(ASK)) == "abc"
    assert not llm_server.completions[0].closed.is_set() and llm_server.completions[0].sent == 3


def test_without_named_events_or_split_data_nothing_is_read_differently(llm_server, llm_settings):
    llm_server.queue(Reply("".join(WORDS), chunks=WORDS), Reply("".join(WORDS), chunks=WORDS, multiline=True))
    client = LLMClient(llm_settings)
    assert "".join(client.stream(ASK)) == "".join(client.stream(ASK)) == "".join(WORDS)
