"""A scorecard that can't be gamed: claims checked against deeds, facts not denied, the mandate kept, details
kept out of public, and no points for saying nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import TRADES
from scoring.claims import claims
from scoring.transcript import digest
from trainer.scenario.loader import load_scenario
from trainer.scenario.models import Scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"

SORRY = "Daniela, I'm so sorry: ten hours without the legroom you paid for, with Ruben's knee."


@pytest.fixture(scope="module")
def refund_or_voucher() -> Scenario:
    return load_scenario(SCENARIOS / "refund-or-voucher-en.yaml")


def scores(played) -> dict[str, int]:
    card = played.scorecard()
    return {t: card["trades"][t]["score"] for t in TRADES}


def ceiling(played, trade: str) -> dict | None:
    return played.scorecard()["trades"][trade].get("ceiling")


def claimed(played) -> list:
    return claims(digest(list(played.events)), played.scenario)


# ── claims against deeds ─────────────────────────────────────────────────────────────────


def test_saying_it_was_checked_refunded_and_logged_without_doing_it_is_untrue(game):
    liar = game()
    liar.play(SORRY, "I've checked your booking: an aircraft change released your seats.",
              "I've refunded the €160 to your card.", "I've reported the fault to IT, and I'll DM you on Friday.")
    untrue = [c for c in claimed(liar) if c.untrue]
    assert {c.kind for c in untrue} == {"check", "#refund", "#log"}
    criteria = liar.criteria()
    notes = [e["note"] for e in criteria["nothing_untrue"]["evidence"]]
    assert "says it was checked; nothing had been looked up" in notes
    assert criteria["nothing_untrue"]["score"] == 0
    assert criteria["improves"]["score"] == 0
    card = scores(liar)
    assert card["facilitator"] <= 50 and card["plumber"] <= 20
    assert ceiling(liar, "facilitator")["why"].startswith("told the customer something was done that was not")


def test_the_same_words_with_the_deeds_done_are_backed_and_earn(game):
    honest = game()
    honest.play(SORRY, "/lookup booking", "/lookup seat_record",
                "I've checked your booking: an aircraft change released your seats.",
                "/do refund_seats 160", "I've refunded the €160 to your card.",
                "I'm logging the fault with IT now, and I'll DM you on Friday.", "/do log_fault")
    assert [c.backed for c in claimed(honest)] == [True, True, True]
    assert honest.criteria()["nothing_untrue"]["score"] == 100
    assert all(ceiling(honest, t) is None for t in TRADES)


def test_an_amount_said_must_be_the_amount_done(game):
    short = game()
    short.play("/lookup booking", "/do refund_seats 80", "I've refunded the €160 to your card, Daniela.")
    note = next(e["note"] for e in short.criteria()["nothing_untrue"]["evidence"] if not e["good"])
    assert note == "says €160; €80 was done"


def test_promises_questions_negations_and_her_own_past_claim_nothing(game):
    played = game()
    played.play("I'll refund you today, Daniela.", "Would a refund help?", "I have not refunded anything yet.",
                "You asked for a refund twice.", "If I refund you, will you delete the tweet?")
    assert claimed(played) == []


def test_a_voucher_cancelled_is_no_voucher_given(refund_or_voucher, game):
    played = game(refund_or_voucher)
    played.play("/lookup booking", "/do refund 412",
                "The €412 is on its way to your card and the voucher has been cancelled.")
    assert not [c for c in claimed(played) if c.untrue]


# ── against the facts ────────────────────────────────────────────────────────────────────


def test_denying_the_cause_after_reading_the_record_caps_the_detective(game):
    played = game()
    played.play(SORRY, "/lookup booking", "/lookup seat_record",
                "I've looked at it: there was no aircraft change, the seats were simply unavailable.")
    cap = ceiling(played, "detective")
    assert cap["at"] == 30 and "records you had read" in cap["why"]
    assert "no aircraft change" in cap["evidence"][0]["quote"]


def test_a_contrast_a_refusal_and_a_possibility_deny_no_fact(game):
    played = game()
    played.play("/lookup seat_record", "It was our system, not you, that released the seats.",
                "I won't pretend the aircraft change was nothing.", "Nobody can change your seats without asking now.")
    assert ceiling(played, "detective") is None


# ── within the mandate ───────────────────────────────────────────────────────────────────


def test_money_beyond_any_action_and_perks_nobody_offered_are_overpromises(game):
    played = game()
    played.play(SORRY, "You're entitled to €600 each in compensation, which I'll arrange.")
    cap = ceiling(played, "plumber")
    assert cap["at"] == 50 and cap["evidence"][0]["note"] == "promises €600; the mandate goes to €160"
    untrue = played.criteria()["nothing_untrue"]
    assert untrue["score"] == 50 and untrue["evidence"][0]["note"] == "promises €600; the mandate goes to €160"
    upgrade = game()
    upgrade.play(SORRY, "I'll make sure you're upgraded to business class next time.")
    assert ceiling(upgrade, "plumber")["evidence"][0]["note"] == "promises 'upgraded', which the mandate does not list"


def test_the_case_own_figures_are_no_overpromise(game):
    played = game()
    played.play(SORRY, "/do refund_seats 160", "The €160 comes back to you, €80 for each seat.")
    assert ceiling(played, "plumber") is None


# ── privacy in public ────────────────────────────────────────────────────────────────────


def test_her_booking_code_in_the_public_thread_costs_the_facilitator(game):
    played = game()
    played.play(SORRY, "/lookup booking", "Daniela Maduro, booking K7Q2XD: the seats were released.")
    private = played.criteria()["private_first"]
    assert private["score"] == 0
    assert any("K7Q2XD" in e["note"] for e in private["evidence"])
    assert ceiling(played, "facilitator")["at"] == 50


def test_moving_to_private_with_nothing_private_to_say_earns_nothing(game):
    played = game()
    played.play(SORRY, "Shall we continue in DM?")
    assert played.criteria()["private_first"]["score"] is None


# ── no free points ───────────────────────────────────────────────────────────────────────


def test_saying_nothing_checkable_earns_no_truth_points(game):
    played = game()
    played.play(SORRY, "That must have been awful.")
    assert played.criteria()["nothing_untrue"]["score"] is None


def test_shouting_a_good_reply_caps_the_facilitator(game):
    played = game()
    played.play(SORRY.upper(), "/lookup seat_record", "AN AIRCRAFT CHANGE RELEASED YOUR SEATS. OUR MISTAKE.")
    assert ceiling(played, "facilitator")["at"] == 30
    assert ceiling(played, "detective")["at"] == 90  # what was found still counts, a little less


def test_a_word_a_turn_caps_every_trade(game):
    played = game()
    played.play("Sorry.", "/lookup seat_record", "Glitch.", "/do refund_seats 160", "Refunded.")
    card = scores(played)
    assert card["facilitator"] <= 20 and card["detective"] <= 40 and card["plumber"] <= 40


def test_a_heap_of_keywords_is_no_reply(game):
    played = game()
    played.play("Daniela sorry legroom 14A 14C aircraft change seat system released refund 160 log fault IT Friday.",
                "Refund card five days, fault logged, seat planning, DM Friday, Ruben knee sorry.")
    assert ceiling(played, "facilitator")["at"] == 20
    assert ceiling(played, "detective")["at"] == 20 and ceiling(played, "plumber")["at"] == 15


def test_a_heap_of_keywords_after_the_right_moves_keeps_what_was_found(game):
    played = game()
    played.play("/lookup seat_record", "Daniela sorry legroom 14A 14C aircraft change seat system released refund.",
                "/do refund_seats 160", "Refund card five days, fault logged, seat planning, DM Friday, Ruben knee.")
    assert ceiling(played, "facilitator")["at"] == 20
    assert ceiling(played, "detective") is None


def test_refusing_sympathy_is_named(game):
    played = game()
    played.play("I'm not sorry about your seats, Daniela, and I don't understand the fuss.")
    assert ceiling(played, "facilitator")["at"] == 15


def test_a_dutch_reply_to_an_english_customer_caps_the_facilitator(game):
    played = game()
    played.play("Hoi Daniela, wat vervelend dat jullie niet op de stoelen zaten waarvoor je betaald had.",
                "Ik heb het nagekeken: door een vliegtuigwissel zijn jullie stoelen vrijgegeven.")
    cap = ceiling(played, "facilitator")
    assert cap["at"] == 60 and "English" in cap["why"]


def test_every_action_at_once_is_named(game):
    played = game()
    played.play(SORRY, "/lookup booking", "/lookup seat_record", "/do refund_seats 160", "/do voucher 100",
                "/do escalate", "/do log_fault")
    assert ceiling(played, "facilitator")["at"] == 35
    assert ceiling(played, "plumber")["at"] == 60


# ── owning the next step ─────────────────────────────────────────────────────────────────


def owns(game, line: str, scenario=None) -> int:
    played = game(scenario)
    played.play(line)
    return played.criteria()["owns_next_step"]["score"]


def test_a_hand_off_with_a_time_is_still_a_hand_off(game):
    assert owns(game, "I've forwarded your case to the responsible department, they will contact you tomorrow.") == 0
    assert owns(game, "Someone from our team will get back to you by Friday.") == 0


def test_a_past_date_a_refusal_and_a_feeling_about_a_day_are_no_promise(game):
    assert owns(game, "I called you on Tuesday.") == 0
    assert owns(game, "I won't get back to you by Friday.") == 0
    assert owns(game, "I'm so sorry about Saturday.") == 0
    assert owns(game, "I see booking K7Q2XD for SB 765 on Friday.") == 0


def test_a_step_the_writer_owns_with_a_time_counts_in_both_languages(game, legroom_nl):
    assert owns(game, "I'll DM you on Friday with what IT changed.") == 100
    assert owns(game, "You'll hear from me by Friday.") == 100
    assert owns(game, "Vrijdag stuur ik je een DM met wat er verandert.", legroom_nl) == 100
    assert owns(game, "Het geld staat op je kaart en uiterlijk vrijdag hoor je van me.", legroom_nl) == 100
    assert owns(game, "Ik zie je boeking voor vrijdag.", legroom_nl) == 0


# ── acknowledgement, turn by turn ────────────────────────────────────────────────────────


def test_acknowledging_her_first_complaint_and_then_ignoring_her_is_less_than_every_time(game):
    once, always = game(), game()
    once.play(SORRY, "What happened at the gate?", "Noted.", "Noted.")
    always.play(SORRY, "What happened at the gate? I'm sorry it went like that.",
                "That sounds awful, Daniela, ten hours with Ruben's knee like that.",
                "I understand how frustrating two phone calls for nothing must have been.")
    assert always.criteria()["acknowledges"]["score"] > once.criteria()["acknowledges"]["score"]


def test_being_called_a_bot_costs_acknowledgement(legroom):
    from scoring import score
    from trainer.engine.events import CustomerMessage, SessionStarted, TraineeMessage

    def card(her_reply: str) -> int:
        events = [SessionStarted(0, legroom.id, "en", seed=0, mood=30, patience=6),
                  CustomerMessage(0, "I paid for legroom and sat ten hours without it. Unacceptable!",
                                  "complaint", 30),
                  TraineeMessage(1, SORRY, 30.0),
                  CustomerMessage(1, her_reply, "complaint", 30)]
        found = score(events, legroom).to_dict()["trades"]["facilitator"]["criteria"]
        return next(c for c in found if c["id"] == "acknowledges")["score"]

    assert card("Are you a bot? You're not listening.") < card("Thank you. So what happens now?")


# ── evidence a coach can sign ────────────────────────────────────────────────────────────


def test_evidence_quotes_the_sentence_that_did_it_not_the_first(game):
    played = game()
    played.play("Thanks for your patience today.", "/lookup booking", "/lookup seat_record",
                "Hello again. An aircraft change made our system release 14A and 14C. That was our mistake.")
    explains = played.criteria()["explains_why"]["evidence"][0]
    assert explains["quote"] == "An aircraft change made our system release 14A and 14C."


def test_an_authors_wrong_story_told_as_so_is_untrue_and_its_negation_is_not(game, variant):
    def wrong_story(raw):
        raw["facts"]["seats_released"]["contradicts"] = ["overbook*"]

    scenario = variant(wrong_story)
    told = game(scenario)
    told.play(SORRY, "/lookup seat_record", "The flight was overbooked, so the seats went to others.")
    assert ceiling(told, "detective")["at"] == 30
    denied = game(scenario)
    denied.play(SORRY, "/lookup seat_record", "It wasn't overbooking: an aircraft change released your seats.")
    assert ceiling(denied, "detective") is None


def test_a_trade_bar_without_enough_evidence_says_so_instead_of_a_number():
    from trainer.ui.widgets.score_bar import TradeBar

    shown = str(TradeBar("plumber", 100, "en", enough=False).render())
    assert "not enough evidence" in shown and "100" not in shown


def test_own_words_and_tone_are_earned_not_given(game):
    cold = game()
    cold.play("/lookup booking", "/lookup seat_record", "Cause: aircraft change. System released the seats.",
              "/do refund_seats 160", "Refund done. Fault report filed.", "/do log_fault")
    warm = game()
    warm.play(SORRY, "/lookup booking", "/lookup seat_record",
              "I've checked, Daniela: an aircraft change made our system release your seats.")
    assert cold.criteria()["tone"]["score"] == 0  # nobody speaks to anybody
    assert cold.criteria()["tone"]["evidence"][0]["note"].startswith("no reply speaks as a person")
    assert warm.criteria()["tone"]["score"] == 100
    assert warm.criteria()["own_words"]["score"] == 100


def test_sympathy_salad_behind_her_name_in_the_greeting_is_still_a_salad(game):
    played = game()
    played.play("Hi Daniela, I'm so sorry. I completely understand your frustration and I hear you.",
                "Dear Daniela, we truly value you as a customer. I really do understand, and I'm so sorry.")
    assert ceiling(played, "facilitator")["at"] == 30
    named = game()
    named.play("Hi Daniela, I'm so sorry. Ten hours with Ruben's knee jammed, I completely understand.",
               "I really do understand, and I'm so sorry.")
    assert (ceiling(named, "facilitator") or {}).get("at") != 30  # Ruben's knee is hers: not a template


@pytest.mark.parametrize("said, overpromised", [
    ("I guarantee this will never happen to any passenger again.", True),
    ("I guarantee the seat map will be fixed by Monday.", True),
    ("I can't guarantee it won't happen again, but I've logged it with IT.", False),
    ("I guarantee I'll DM you on Friday with the outcome.", False),
    ("Would a written guarantee help?", False),
])
def test_a_guarantee_of_what_is_not_ours_to_give_is_an_overpromise(game, said, overpromised):
    played = game()
    played.play(SORRY, said)
    cap = ceiling(played, "plumber")
    assert (cap is not None and cap["evidence"][0]["note"] == "guarantees what is not ours to guarantee") \
        is overpromised
