"""Who may sign in as whom in a class served in browsers: names, the class code, own passwords, the coach."""

from __future__ import annotations

import pytest

from trainer.classroom.roster import Refused, Roster, Throttle, trainee_name
from trainer.classroom.secrets import hash_secret, matches
from trainer.store import open_store


@pytest.fixture
def roster(tmp_path):
    store = open_store(tmp_path / "class.db")
    yield Roster(store)
    store.close()


def refusal(call) -> str:
    with pytest.raises(Refused) as refused:
        call()
    return refused.value.key


def test_an_open_class_signs_anyone_in_by_name(roster):
    assert roster.open
    assert roster.trainee("  Anna   de  Vries ", "").name == "Anna de Vries"


def test_a_class_code_is_needed_once_it_is_set(roster):
    roster.store.set_secret("class", hash_secret("tulip-42"))
    assert not roster.open
    assert refusal(lambda: roster.trainee("Anna", "")) == "class.refused.code"
    assert refusal(lambda: roster.trainee("Anna", "tulip-43")) == "class.refused.code"
    assert roster.trainee("Anna", "tulip-42").role == "trainee"


def test_a_trainee_with_a_password_of_their_own_cannot_be_signed_in_with_the_class_code(roster):
    roster.store.set_secret("class", hash_secret("tulip-42"))
    roster.store.set_secret("trainee", hash_secret("annas-own"), "anna")
    assert refusal(lambda: roster.trainee("Anna", "tulip-42")) == "class.refused.password"
    assert refusal(lambda: roster.trainee("ANNA", "tulip-42")) == "class.refused.password"
    assert roster.trainee("anna", "annas-own").name == "anna"
    assert roster.trainee("Bob", "tulip-42").name == "Bob"


def test_a_name_signs_in_as_the_spelling_already_kept(roster):
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    game = Round(find_scenario("legroom-en"))
    game.keep(roster.store, trainee="Anna")
    assert roster.trainee("anna", "").name == "Anna"


@pytest.mark.parametrize(("typed", "key"), [
    ("", "class.refused.no_name"),
    ("   ", "class.refused.no_name"),
    ("x" * 41, "class.refused.long_name"),
    ("<script>", "class.refused.bad_name"),
    ("anna\x1b[31m", "class.refused.bad_name"),
    ("anna\x00bob", "class.refused.bad_name"),
])
def test_names_that_are_not_a_persons_are_refused_with_a_reason(typed, key):
    with pytest.raises(Refused) as refused:
        trainee_name(typed)
    assert refused.value.key == key


def test_names_keep_accents_and_apostrophes():
    assert trainee_name("Zoë O'Brien-Smit") == "Zoë O'Brien-Smit"


def test_the_coach_signs_in_with_the_coach_password_only(roster):
    assert refusal(lambda: roster.coach("anything")) == "class.refused.no_coach"
    roster.store.set_secret("coach", hash_secret("whistle"))
    assert refusal(lambda: roster.coach("")) == "class.refused.password"
    assert roster.coach("whistle").role == "coach"


def test_secrets_are_kept_as_salted_hashes_never_in_the_clear(roster, tmp_path):
    roster.store.set_secret("class", hash_secret("tulip-42"))
    roster.store.set_secret("trainee", hash_secret("tulip-42"), "bob")
    kept = [r[0] for r in roster.store.db.execute("SELECT hash FROM class_secrets")]
    assert all("tulip-42" not in h for h in kept)
    assert kept[0] != kept[1]  # salted: the same secret, two hashes
    assert b"tulip-42" not in (tmp_path / "class.db").read_bytes()
    assert matches("tulip-42", kept[0]) and not matches("tulip-41", kept[0])
    assert not matches("tulip-42", None) and not matches("tulip-42", "md5$abc")


def test_failed_sign_ins_slow_an_address_down_and_a_success_clears_it():
    now = [0.0]
    throttle = Throttle(allowed=3, window=60, pause=30, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait("10.0.0.5") == 0
        throttle.failed("10.0.0.5")
    assert throttle.wait("10.0.0.5") == 30
    assert throttle.wait("10.0.0.6") == 0  # another address is not slowed
    now[0] = 31
    assert throttle.wait("10.0.0.5") == 0
    throttle.passed("10.0.0.5")
    assert throttle.failures == {}
