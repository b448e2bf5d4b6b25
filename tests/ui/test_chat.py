"""The chat, as the trainee lives it: the channel's rules, her typing, her mood, the clock, hints."""

from __future__ import annotations

import pytest

from tests.ui.chat_helpers import (
    SORRY,
    BrokenCustomer,
    GatedCustomer,
    answered,
    her_lines,
    my_lines,
    notices,
    on_channel,
    paste,
    send,
    settle_for_snapshot,
    start,
)
from tests.ui.conftest import SIZE, _keys
from trainer.engine.clock import FakeClock
from trainer.engine.events import HintShown, LookedUp
from trainer.scenario.library import find_scenario
from trainer.scenario.text import fill
from trainer.ui.widgets.chat_composer import ChatComposer
from trainer.ui.widgets.chat_timer import ResponseTimer
from trainer.ui.widgets.live_line import LiveLine
from trainer.ui.widgets.mood import MoodMeter
from trainer.ui.widgets.transcript import Transcript


async def test_a_tweet_over_280_characters_is_refused_and_the_text_is_kept(app_factory):
    app = app_factory(scenario="legroom-en")
    draft = (SORRY + " Our seat system released seats 14A and 14C after an aircraft change, and our"
             " website kept showing them as confirmed. That was our mistake, not yours. I am refunding"
             " the 160 euros and logging the fault with IT so it stops happening to others,"
             " really and truly")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        composer = screen.query_one(ChatComposer)
        composer.focus_field()
        paste(pilot, draft)
        await pilot.press("!")
        counter = screen.query_one("#counter")
        assert str(counter.render()) == f"{len(draft) + 1}/280"
        assert counter.has_class("-over")

        await pilot.press("enter")
        await pilot.pause()
        assert composer.text == draft + "!"  # refused, and not a character lost
        assert any("280" in n for n in notices(app))
        assert my_lines(screen) == []

        await pilot.press("ctrl+w", "ctrl+w", "ctrl+w", "ctrl+w", "backspace", "backspace", "full_stop")
        assert composer.text.endswith("happening to others.")  # "…, really and truly!" is gone
        assert not counter.has_class("-over")
        await pilot.press("enter")
        await answered(pilot)
        assert my_lines(screen) == [draft.removesuffix(", really and truly") + "."]
        assert composer.text == ""


async def test_typing_ahead_while_she_types_is_kept_and_her_mood_moves_when_she_answers(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        her = GatedCustomer("Thank you for asking. It was for Ruben, his knee is bad.")
        screen.game.customer = her
        meter = screen.query_one(MoodMeter)
        assert meter.mood == 30

        await send(pilot, SORRY)
        await pilot.pause()
        live = screen.query_one(LiveLine)
        assert "Daniela is typing" in str(live.render())
        assert meter.mood == 30  # her reaction shows when she answers, not before

        await pilot.press(*_keys("Let me check"))  # the screen keeps taking keys while she types
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(ChatComposer).text == "Let me check"
        assert any("still typing" in n for n in notices(app))

        her.gate.set()
        await answered(pilot)
        assert her_lines(screen)[-1] == her.line
        assert live.has_class("-empty")
        assert (meter.mood, meter.change) == (40, 10)
        assert screen.query_one(ChatComposer).text == "Let me check"  # still there, ready to send
        await pilot.press("enter")
        await answered(pilot)
        assert my_lines(screen) == [SORRY, "Let me check"]


async def test_her_line_is_written_word_by_word_into_the_live_line_and_lands_whole(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        live = screen.query_one(LiveLine)
        chunks: list[str] = []
        write = live.append

        def spy(chunk: str) -> None:
            chunks.append(chunk)
            write(chunk)

        live.append = spy
        await send(pilot, SORRY)
        await answered(pilot)
        assert len(chunks) > 3
        assert "".join(chunks).strip() == her_lines(screen)[-1]
        transcript = screen.query_one(Transcript)
        assert transcript.entries[-1].kind == "customer" and transcript.entries[-1].text == her_lines(screen)[-1]


async def test_the_response_timer_runs_on_the_game_clock_and_turns_red_past_the_channel_norm(app_factory):
    clock = FakeClock()
    app = app_factory(scenario="legroom-en", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        timer = screen.query_one(ResponseTimer)
        assert timer.norm == 180  # a public tweet thread: answer within three minutes

        clock.advance(125)
        timer.tick()
        await pilot.pause()
        assert "2:05" in str(timer.render()) and not timer.has_class("-late")

        clock.advance(65)  # 3:10
        timer.tick()
        await pilot.pause()
        assert timer.late and timer.has_class("-late")
        assert "3:10" in str(timer.render())

        await send(pilot, SORRY)
        await answered(pilot)
        session = screen.game.session
        assert session.patience == session.scenario.customer.patience - 1  # the wait cost her patience
        timer.tick()
        assert timer.waited == 0 and not timer.late  # she answered: the clock starts again


async def test_a_hint_in_practice_mode_is_shown_and_counted(app_factory):
    app = app_factory(scenario="legroom-en", mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("f2")
        await pilot.pause()
        hints = [e for e in screen.game.session.events if isinstance(e, HintShown)]
        assert len(hints) == 1
        entry = screen.query_one(Transcript).entries[-1]
        assert entry.kind == "hint" and entry.text == hints[0].text
        assert "hints 1" in str(screen.query_one("#mode-badge").render())


async def test_test_mode_has_no_hints(app_factory):
    app = app_factory(scenario="legroom-en", mode="test")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert screen.game.session.mode == "test"
        assert "f2" not in {k for k, b in screen.active_bindings.items() if b.enabled}, "no hint key offered"
        await pilot.press("f2")
        await send(pilot, "/hint")  # asked for in words: told why there is none
        assert not any(isinstance(e, HintShown) for e in screen.game.session.events)
        assert "Test mode: there are no hints." in notices(app)
        assert "no hints" in str(screen.query_one("#mode-badge").render())


async def test_when_the_customer_fails_her_scripted_line_stands_in_and_play_goes_on(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        screen.game.customer = BrokenCustomer()
        await send(pilot, SORRY)
        await answered(pilot)
        scenario = find_scenario("legroom-en")
        scripted = [fill(line, scenario.placeholders()) for lines in scenario.states["telling"].lines.values()
                    for line in lines]
        assert her_lines(screen)[-1] in scripted
        assert notices(app).count("The customer could not answer; the scripted line was used.") == 1
        assert screen.game.session.cue is None and not screen.game.session.over
        assert screen.query_one(LiveLine).has_class("-empty")


async def test_a_customer_who_never_answers_is_replaced_after_the_timeout(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        silent = GatedCustomer("never sent")
        screen.game.customer = silent
        screen.customer_timeout = 0.05
        await send(pilot, SORRY)
        await answered(pilot)
        silent.gate.set()  # let her thread end
        assert her_lines(screen)[-1] != "never sent"
        assert len(her_lines(screen)) == 2
        assert any("could not answer" in n for n in notices(app))


async def test_an_email_is_written_over_several_lines_and_sent_with_ctrl_s(app_factory):
    app = on_channel(app_factory, "email")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        assert screen.scenario.channel == "email"
        await pilot.press(*_keys("Dear Daniela,"), "enter", "enter")
        paste(pilot, SORRY)
        assert my_lines(screen) == []  # Enter starts a new line in an e-mail
        await pilot.press("ctrl+s")
        await answered(pilot)
        assert my_lines(screen) == [f"Dear Daniela,\n\n{SORRY}"]
        assert screen.query_one(ChatComposer).text == ""
        assert len(her_lines(screen)) == 2


async def test_moves_typed_in_the_composer_still_work(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await send(pilot, "/lookup booking")
        await answered(pilot)
        assert any(isinstance(e, LookedUp) and e.tool == "booking" for e in screen.game.session.events)
        await send(pilot, "/nonsense")
        await pilot.pause()
        assert screen.query_one(ChatComposer).text == "/nonsense"  # refused with a notice, kept
        assert any("Unknown command" in n for n in notices(app))


async def test_ctrl_e_ends_the_conversation_and_enter_opens_the_scorecard(app_factory):
    app = app_factory(scenario="legroom-en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+e", "enter")  # and yes, end it
        await pilot.pause()
        assert screen.game.session.outcome == "left"
        assert screen.query_one(ResponseTimer).waited is None
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ScorecardScreen"


# -- how each channel looks ---------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["twitter", "dm", "email", "chat"])
def test_snapshot_the_chat_looks_like_its_channel(channel, app_factory, snap_compare):
    async def one_exchange(pilot) -> None:
        await start(pilot)
        if channel == "email":
            await pilot.press(*_keys("Dear Daniela,"), "enter", "enter")
            paste(pilot, SORRY)
            await pilot.press("ctrl+s")
        else:
            await send(pilot, SORRY)
        await settle_for_snapshot(pilot)

    assert snap_compare(on_channel(app_factory, channel), run_before=one_exchange, terminal_size=SIZE)
