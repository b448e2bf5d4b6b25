"""An endpoint that echoes the key back in its reply: the key still shows nowhere, whole, in another casing,
half-masked or split over streamed pieces; a placeholder key leaves ordinary words alone."""

from __future__ import annotations

import pytest
from llm_fixtures import TEST_KEY
from llm_server import Reply

from tests.llm.customer_steps import legroom
from trainer.customers.llm import LLMCustomer
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage
from trainer.llm.client import LLMClient
from trainer.llm.config import with_overrides
from trainer.play import Round

ASK = [{"role": "user", "content": "Say hello."}]
ECHOES = [
    f"Your key is {TEST_KEY}.",
    f"YOUR KEY IS {TEST_KEY.upper()}.",
    f"Key {TEST_KEY[:8]}…{TEST_KEY[-6:]} accepted.",
    f"Key ending in {TEST_KEY[-12:]} accepted.",
]


def shows_key(text: str) -> bool:
    """Any six characters of the key in a row, in any casing."""
    low, key = text.lower(), TEST_KEY.lower()
    return any(key[i:i + 6] in low for i in range(len(key) - 5))


def key_split(text: str, cuts: int) -> list[str]:
    """`text` in pieces cut every `cuts` characters: the key arrives over several streamed chunks."""
    return [text[i:i + cuts] for i in range(0, len(text), cuts)]


@pytest.mark.parametrize("echo", ECHOES, ids=["whole", "upper-case", "half-masked", "its-end"])
def test_a_whole_reply_echoing_the_key_comes_back_with_stars_instead(llm_server, llm_settings, echo):
    llm_server.reply(echo)
    text = LLMClient(llm_settings).chat(ASK).text
    assert not shows_key(text) and "***" in text and text.endswith("." if echo.endswith(".") else "")


@pytest.mark.parametrize("cuts", [1, 3, 5, 7, 16])
@pytest.mark.parametrize("echo", ECHOES, ids=["whole", "upper-case", "half-masked", "its-end"])
def test_a_streamed_reply_with_the_key_split_over_its_pieces_never_shows_it(llm_server, llm_settings, echo, cuts):
    llm_server.fault(Reply(echo, chunks=key_split(echo, cuts)))
    pieces = list(LLMClient(llm_settings).stream(ASK))
    assert not any(shows_key(piece) for piece in pieces)
    assert not shows_key("".join(pieces)) and "".join(pieces).startswith(echo[:4])


def test_a_json_reply_echoing_the_key_is_still_read_without_it(llm_server, llm_settings):
    llm_server.reply(f'{{"intents": [], "note": "called with {TEST_KEY}"}}')
    value, reply = LLMClient(llm_settings).chat_json(ASK, lambda data: data)
    assert value == {"intents": [], "note": "called with ***"} and not shows_key(reply.text)


def test_the_model_list_never_shows_the_key(llm_server, llm_settings):
    llm_server.models = ("test-model", f"ft:{TEST_KEY}")
    assert LLMClient(llm_settings).models() == ["test-model", "ft:***"]


def test_a_placeholder_key_for_a_local_server_leaves_ordinary_words_alone(llm_server, llm_settings):
    llm_server.reply("I needed legroom, not-needed excuses, and I am NOT-NEEDED here.")
    text = LLMClient(with_overrides(llm_settings, api_key="not-needed")).chat(ASK).text
    assert text == "I needed legroom, *** excuses, and I am *** here."


def test_her_line_from_an_endpoint_echoing_the_key_is_said_and_kept_without_it(llm_server, llm_settings):
    def echo(request):
        key = request.headers["authorization"].removeprefix("Bearer ")
        text = f"@SkyblueAir my booking ref is {key}, where is my legroom?"
        return Reply(text, chunks=key_split(text, 4))

    llm_server.respond_with(echo)
    scenario = legroom()
    customer = LLMCustomer(scenario, llm_settings)
    game = Round(scenario, clock=FakeClock(), customer=customer)
    previewed: list[str] = []
    customer.stream(game.session.cue, previewed.append)
    assert customer.last.by == "model" and "***" in customer.last.text
    game.session.customer_wrote(customer.last.text)
    said = [e.text for e in game.session.events if isinstance(e, CustomerMessage)]
    assert not any(shows_key(text) for text in [*previewed, "".join(previewed), *said])


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
def test_terminal_controls_in_the_models_text_are_kept_as_received_and_shown_never_obeyed(llm_server, llm_settings,
                                                                                          streamed):
    from trainer.terminal import shown

    text = "Fine.\x1b[2J\x1b]0;owned\x07 Go on,\u202e then.\nWell?\tOK"
    llm_server.reply(text, chunks=[text[i:i + 3] for i in range(0, len(text), 3)])
    client = LLMClient(llm_settings)
    got = "".join(client.stream(ASK)) if streamed else client.chat(ASK).text
    assert got == text  # stored as received (the issue: "store model text as received, never print it raw")
    assert shown(got) == "Fine.\\x1b[2J\\x1b]0;owned\\x07 Go on,\\u202e then.\nWell?\tOK"
