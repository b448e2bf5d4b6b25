"""The chat follows the story's channel: a public tweet thread that moves to DM, and a WhatsApp case whose
customer is a phone number with no followers."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label

from tests.ui.chat_helpers import answered, paste, send, start
from trainer.ui.widgets.briefing_card import BriefingCard
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.chat_timer import ResponseTimer
from trainer.ui.widgets.transcript import Transcript

CHANNELS = Path(__file__).resolve().parent.parent / "data" / "channels"
SIZE = (140, 40)


def header(screen) -> str:
    return str(screen.query_one("#channel-bar", Label).content)


async def test_a_tweet_thread_that_moves_to_dm_shows_dm_in_the_header_without_followers(app_factory):
    app = app_factory(scenario_paths=[CHANNELS], scenario=str(CHANNELS / "tweet-to-dm.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert header(screen) == "Public tweet thread  ·  public: anyone can read along  ·  @anna_dv · 3.8K followers"
        assert str(screen.query_one("#counter").render()) == "0/280"
        assert screen.query_one(ResponseTimer).norm == 180

        await send(pilot, "I'm so sorry about your pram! Could you send us a DM so we can look into it?")
        await answered(pilot)
        assert header(screen) == "Direct messages  ·  private  ·  Anna de Vries (@anna_dv)"
        assert "followers" not in header(screen)
        assert "— the conversation moved: Direct messages · private" in [e.text for e in screen.query_one(Transcript).entries]
        assert screen.query_one(ChatComposer).max_chars == 10_000
        assert screen.query_one(ResponseTimer).norm == 240
        assert screen.query_one("#conversation").has_class("-dm")
        [her_dm] = [e for e in screen.query_one(Transcript).entries if e.kind == "customer" and "DMs" in e.text]
        assert (her_dm.channel, her_dm.audience) == ("dm", "private")


async def test_a_whatsapp_customer_is_a_phone_number_without_followers_in_the_briefing_and_the_chat(app_factory):
    app = app_factory(scenario_paths=[CHANNELS], scenario=str(CHANNELS / "whatsapp.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        card = str(app.screen.query_one(BriefingCard).render())
        assert "phone +31 6 1234 5678" in card
        assert "followers" not in card
        screen = await start(pilot)
        assert header(screen) == "WhatsApp  ·  private  ·  Anna de Vries (phone +31 6 1234 5678)"
        assert str(screen.query_one("#counter").render()) == "0/4096"


async def test_an_sms_draft_longer_than_one_text_says_how_many_texts_it_goes_out_as(app_factory, tmp_path):
    path = tmp_path / "sms.yaml"
    path.write_text((CHANNELS / "whatsapp.yaml").read_text("utf-8").replace("channel: whatsapp", "channel: sms"), "utf-8")
    app = app_factory(scenario_paths=[tmp_path], scenario=str(path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        counter = screen.query_one("#counter")
        paste(pilot, "x" * 150)
        await pilot.pause()
        assert str(counter.render()) == "150/480"
        paste(pilot, "x" * 50)
        await pilot.pause()
        assert str(counter.render()) == "200/480 · 2 texts"
