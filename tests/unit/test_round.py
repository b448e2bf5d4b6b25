"""A round's customer turn: the script stands in once, whatever her writer does after the game stopped waiting;
a resumed round never asks her writer during the replay."""

from __future__ import annotations

import threading

from trainer.customers import BaseCustomer, ScriptedCustomer
from trainer.engine.clock import FakeClock
from trainer.engine.events import CustomerMessage
from trainer.engine.moves import Say
from trainer.play import Round
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


class LateFailure(BaseCustomer):
    """Writes nothing until let go, then fails: a model that answers after the game stopped waiting for it."""

    def __init__(self) -> None:
        self.gate = threading.Event()

    def write(self, cue) -> str:
        self.gate.wait(timeout=10)
        raise ConnectionError("the model died late")


def test_a_writer_that_fails_after_the_game_stopped_waiting_changes_nothing():
    game = Round(LEGROOM, clock=FakeClock())
    game.opening()
    game.move(Say("Sorry about your seats. What happened?"))
    late = LateFailure()
    game.customer = late
    reply = game.reply()
    worker = threading.Thread(target=reply.write)
    worker.start()
    stood_in = reply.give_up("no line within 0.5 s")  # the front end's deadline
    assert game.take_notices() == (None, "no line within 0.5 s")
    late.gate.set()
    worker.join()
    assert game.take_notices() == (None, None), "told once: the late failure is not news"
    assert reply.give_up("again") == stood_in
    events = reply.settle(stood_in)
    assert [e.text for e in events if isinstance(e, CustomerMessage)] == [stood_in]


class Counting(BaseCustomer):
    def __init__(self) -> None:
        self.script = ScriptedCustomer(LEGROOM)
        self.asked = 0

    def write(self, cue) -> str:
        self.asked += 1
        return self.script.write(cue)


def test_resuming_a_round_stopped_while_she_was_writing_leaves_her_line_to_the_front_end(tmp_path):
    store = open_store(str(tmp_path / "sessions.db"))
    game = Round(LEGROOM, clock=FakeClock())
    game.keep(store, trainee="anna")
    game.opening()
    game.move(Say("Sorry about your seats. What happened?"))  # she is typing when the game stops
    session_id = game.saved.session_id
    store.release(session_id)
    her = Counting()
    resumed = Round.resume(store, session_id, LEGROOM, customer=her, clock=FakeClock())
    assert her.asked == 0, "her recorded opening replayed; her unfinished line not written during the replay"
    assert resumed.session.cue is not None
    assert resumed.answer() and her.asked == 1
    store.close()
