"""The legroom conversation, move by move: what she says, what the back office shows, what it costs."""

from __future__ import annotations

import json

import pytest
from transitions import Machine

from trainer.engine.channels import CHANNELS
from trainer.engine.clock import FakeClock
from trainer.engine.events import (
    EVENT_TYPES,
    ActionTaken,
    CustomerMessage,
    FactRevealed,
    IntentsRecognised,
    LookedUp,
    MoodChanged,
    NotUnderstood,
    SessionEnded,
    StateChanged,
    TraineeMessage,
    event_from_dict,
)
from trainer.engine.moves import Act, End, Help, Lookup, Say, parse_move
from trainer.engine.session import Session
from trainer.errors import MoveError

SORRY = "I'm so sorry, Daniela: ten hours without the legroom you paid for."
ASK = "Can you tell me what happened at the gate?"
EXPLAIN = "An aircraft change made our system release your seats 14A and 14C."
NONSENSE = "Lovely weather in Amsterdam today."

EXEMPLARY = (
    SORRY,
    "/lookup booking",
    "/lookup seat_record",
    "/lookup contact_history",
    EXPLAIN + " That was our mistake, not yours.",
    "/do refund_seats 160",
    "I've refunded the full €160. I'll DM you by Friday with what seat planning changes.",
    "/do log_fault",
)


@pytest.fixture
def session(legroom):
    """A bare session: the customer has not written her opening yet."""
    return Session(legroom, seed=0, clock=FakeClock())


# ── the opening ──────────────────────────────────────────────────────────────────────────


def test_the_session_starts_with_her_mood_and_patience_from_the_yaml(session):
    assert [e.to_dict() for e in session.events] == [
        {"kind": "session_started", "turn": 0, "at": 0.0, "scenario": "legroom-en",
         "language": "en", "seed": 0, "mood": 30, "patience": 6, "mode": "practice"},
    ]
    assert (session.mood, session.patience, session.state, session.turn) == (30, 6, "complaint", 0)


def test_the_opening_cue_asks_her_to_complain_in_her_angry_words(session, legroom):
    cue = session.cue
    assert (cue.turn, cue.state, cue.mood, cue.band, cue.outcome) == (0, "complaint", 30, "angry", None)
    # no `angry` lines in `complaint`: she falls back on `any`, not on `furious`
    assert cue.lines == legroom.states["complaint"].lines["any"]
    assert len(cue.lines) == 2
    assert cue.facts == ()


def test_the_trainee_waits_for_her_opening_before_answering(session):
    with pytest.raises(MoveError, match="Wait for the customer"):
        session.play(Say("Hello?"))


def test_her_opening_is_logged_and_then_the_trainee_may_answer(session):
    events = session.customer_wrote("@SkyblueAir Anyone home?")
    assert [e.to_dict() for e in events] == [
        {"kind": "customer_message", "turn": 0, "at": 0.0, "text": "@SkyblueAir Anyone home?",
         "state": "complaint", "mood": 30},
    ]
    assert session.cue is None
    with pytest.raises(MoveError, match="nothing to say"):
        session.customer_wrote("again")
    assert session.play(Say("Hi Daniela.")) != []


def test_the_game_plays_her_opening_filled_in(game):
    played = game()
    [line] = played.opening
    assert isinstance(line, CustomerMessage)
    assert line.text in {
        ("@SkyblueAir We paid €160 for seats 14A and 14C on SB 765. Confirmed twice. "
        "Then sat in 31B and 31C for ten hours. I'd like to know why."),
        ("@SkyblueAir Still waiting. Extra legroom, paid and confirmed twice, never delivered. "
        "Is anyone actually reading this?"),
    }


# ── intents and steps ────────────────────────────────────────────────────────────────────


def test_acknowledging_her_harm_moves_her_to_tell_the_story(game):
    played = game()
    events = played.play(SORRY)
    [said] = played.of(TraineeMessage, events)
    assert (said.turn, said.text, said.response_seconds) == (1, SORRY, 30.0)
    [recognised] = played.of(IntentsRecognised, events)
    assert recognised.intents == ("acknowledge_harm",) and recognised.wrong == ()
    [moved] = played.of(StateChanged, events)
    assert (moved.source, moved.dest, moved.trigger) == ("complaint", "telling", "said acknowledge_harm")
    [mood] = played.of(MoodChanged, events)
    assert (mood.mood, mood.mood_delta, mood.patience, mood.patience_delta) == (40, 10, 6, 0)
    assert played.session.state == "telling"
    assert played.her_last_line().startswith("Booked in March, confirmed when I booked AND at check-in.")
    assert "The legroom was for Ruben" in played.her_last_line()


def test_asking_what_happened_makes_her_tell_it_and_reveals_what_she_knows(game):
    played = game()
    events = played.play(ASK)
    revealed = {(e.fact, e.source) for e in played.of(FactRevealed, events)}
    assert revealed == {
        ("confirmed_twice", "asking:ask_what_happened"),
        ("husband_knee", "asking:ask_what_happened"),
    }
    assert played.session.state == "telling"
    assert played.session.mood == 35


def test_asking_how_she_got_in_touch_reveals_she_never_sent_an_email(game):
    played = game()
    events = played.play("Who did you speak to when you phoned us?")
    assert [(e.fact, e.source) for e in played.of(FactRevealed, events)] == [("no_email", "asking:ask_contact")]
    # the question tells us something, but it is not what she needs right now
    assert played.of(NotUnderstood, events) == [NotUnderstood(1, "complaint", at=30.0)]


def test_house_rules_in_anywhere_are_checked_before_the_states_own_steps(game):
    played = game()
    played.play(SORRY)
    events = played.play("Sorry about the legroom, and thank you for your e-mail.")
    assert played.of(IntentsRecognised, events)[0].intents == ("acknowledge_harm", "thank_for_email")
    [mood] = played.of(MoodChanged, events)
    assert mood.mood_delta == -10  # the e-mail rule, not the +5 for acknowledging
    assert played.her_last_line().startswith("What e-mail? I never sent you an e-mail.")
    assert played.session.state == "telling"


def test_explaining_before_finding_the_cause_sounds_like_a_guess(game):
    played = game()
    played.play(SORRY)
    events = played.play(EXPLAIN)
    assert played.of(StateChanged, events) == []
    assert played.session.mood == 35
    assert played.her_last_line() == "Sounds like a guess. Did you actually check what happened to MY booking?"


def test_explaining_once_the_cause_is_found_brings_her_to_understanding(game):
    played = game()
    played.play(SORRY, "/lookup seat_record")
    events = played.play(EXPLAIN)
    [moved] = played.of(StateChanged, events)
    assert (moved.source, moved.dest) == ("telling", "understood")
    [mood] = played.of(MoodChanged, events)
    assert (mood.mood, mood.mood_delta) == (60, 20)
    assert mood.reason == "Explaining only counts once the trainee has found the cause."


def test_a_voucher_insults_her_from_any_state(game):
    played = game()
    played.play(SORRY)
    events = played.play("/do voucher 50")
    [moved] = played.of(StateChanged, events)
    assert (moved.source, moved.dest, moved.trigger) == ("telling", "insulted", "did voucher")
    assert played.session.mood == 20


def test_a_waiting_step_fires_after_enough_messages_in_a_state(game):
    played = game()
    played.play(*EXEMPLARY[:6])
    assert played.session.state == "refunded"
    played.play("Thanks for your patience.", "Is there anything else?")
    assert not played.session.over
    events = played.play("Have a good day.")
    [moved] = played.of(StateChanged, events)
    assert (moved.dest, moved.trigger) == ("resolved_meh", "turns_here")
    assert played.session.outcome == "resolved_meh"


def test_the_exemplary_conversation_ends_resolved(game):
    played = game()
    played.play(*EXEMPLARY)
    [ended] = played.of(SessionEnded)
    assert (ended.outcome, ended.outcome_kind) == ("resolved", "resolved")
    assert ended.summary == (
        "She got her €160 back, the real reason, and a fix; she tweets that @SkyblueAir sorted it."
    )
    assert played.session.over


# ── facts from look-ups, asking and steps ────────────────────────────────────────────────


def test_looking_up_the_booking_shows_it_filled_in_and_reveals_what_she_paid(game):
    played = game()
    events = played.play("/lookup booking")
    [looked] = played.of(LookedUp, events)
    assert (looked.turn, looked.tool, looked.ok) == (0, "booking", True)  # no turn: she doesn't see it
    assert played.session.turn == 0
    assert "extra-legroom seats 14A and 14C, €80 p.p., paid €160 (card)" in looked.result
    assert "{" not in looked.result
    assert [(e.fact, e.source) for e in played.of(FactRevealed, events)] == [
        ("paid_extra", "lookup:booking"),
        ("confirmed_twice", "lookup:booking"),
    ]
    assert played.of(CustomerMessage, events) == []  # she does not see the back office


def test_a_look_up_takes_no_turn_and_counts_as_after_the_last_move_and_before_the_next(game):
    played = game()
    played.play("/lookup booking", "Sorry about your seats. What happened?", "/lookup seat_record",
                "/do refund_seats 160", "/lookup contact_history", "/end")
    moves = [e for e in played.events if isinstance(e, (TraineeMessage, ActionTaken, LookedUp, SessionEnded))]
    assert [(type(e).__name__, e.turn) for e in moves] == [
        ("LookedUp", 0), ("TraineeMessage", 1), ("LookedUp", 1), ("ActionTaken", 2), ("LookedUp", 2),
        ("SessionEnded", 3),
    ]
    # what scoring relies on: a look-up's number is below a move's exactly when it came before it
    for look in (e for e in moves if isinstance(e, LookedUp)):
        for move in (e for e in moves if not isinstance(e, LookedUp)):
            assert (look.turn < move.turn) == (moves.index(look) < moves.index(move))


def test_a_fact_comes_to_light_only_once(game):
    played = game()
    played.play("/lookup booking")
    events = played.play("/lookup booking")
    assert played.of(LookedUp, events)[0].ok
    assert played.of(FactRevealed, events) == []
    assert played.session.known == {"paid_extra": 0, "confirmed_twice": 0}  # before turn 1: look-ups take none


def test_revealed_facts_are_in_her_next_cue(game):
    played = game()
    played.play("/lookup seat_record")
    played.session.play(Say(SORRY))
    assert played.session.cue.facts == (
        ("An aircraft change moved the flight to a plane with another seat map; the seat system "
        "released her paid seats, while the website kept showing them as confirmed."),
        "The €160 for the seats was never refunded.",
    )


def test_a_step_can_make_her_tell_a_fact(game, variant):
    def tell_on_acknowledging(raw):
        raw["states"]["complaint"]["on"][0]["reveal"] = ["husband_knee"]

    played = game(variant(tell_on_acknowledging))
    events = played.play(SORRY)
    assert [(e.fact, e.source) for e in played.of(FactRevealed, events)] == [("husband_knee", "story")]


def test_an_actions_result_can_reveal_a_fact(game, variant):
    def escalating_reveals(raw):
        raw["facts"]["husband_knee"]["found_in"] = ["escalate"]

    played = game(variant(escalating_reveals))
    events = played.play("/do escalate")
    assert [(e.fact, e.source) for e in played.of(FactRevealed, events)] == [("husband_knee", "action:escalate")]


def test_a_lookup_whose_needs_are_unmet_is_refused_and_names_what_is_missing(game, variant):
    def seat_record_needs_the_booking(raw):
        raw["lookups"]["seat_record"]["needs"] = ["paid_extra"]

    played = game(variant(seat_record_needs_the_booking))
    events = played.play("/lookup seat_record")
    [looked] = played.of(LookedUp, events)
    assert (looked.tool, looked.ok, looked.result) == ("seat_record", False, "Not yet: first find out paid extra.")
    assert played.of(FactRevealed, events) == []
    played.play("/lookup booking")
    events = played.play("/lookup seat_record")
    assert played.of(LookedUp, events)[0].ok
    assert {e.fact for e in played.of(FactRevealed, events)} == {"seats_released", "not_refunded"}


def test_a_lookup_refusal_uses_the_authors_words_with_placeholders(game, variant):
    def with_refusal(raw):
        raw["lookups"]["seat_record"]["needs"] = ["paid_extra"]
        raw["lookups"]["seat_record"]["refusal"] = "Open booking {booking} first."

    played = game(variant(with_refusal))
    [looked] = played.of(LookedUp, played.play("/lookup seat_record"))
    assert (looked.ok, looked.result) == (False, "Open booking K7Q2XD first.")


def test_refunding_before_finding_the_payment_is_refused_and_can_be_done_later(game):
    played = game()
    [refused] = played.of(ActionTaken, played.play("/do refund_seats 160"))
    assert (refused.ok, refused.amount) == (False, 160.0)
    assert refused.result == "You can't refund what you haven't found yet; look up the booking first."
    assert "refund_seats" not in played.session.done
    played.play("/lookup booking")
    [done] = played.of(ActionTaken, played.play("/do refund_seats 160"))
    assert done.ok
    assert done.result == "Refund of €160 for the extra-legroom seats booked to her card: 3–5 working days."
    assert played.session.done == {"refund_seats": 2}  # the refused refund and this one: the look-up is no turn


def test_an_action_needing_a_fact_without_its_own_refusal_says_which_fact(game, variant):
    def no_refusal(raw):
        del raw["actions"]["log_fault"]["refusal"]

    played = game(variant(no_refusal))
    [refused] = played.of(ActionTaken, played.play("/do log_fault"))
    assert (refused.ok, refused.result) == (False, "Not yet: first find out seats released.")


# ── the mandate ──────────────────────────────────────────────────────────────────────────


def test_a_refund_above_the_mandate_is_refused_and_logged(game):
    played = game()
    played.play("/lookup booking")
    events = played.play("/do refund_seats 200")
    assert [e.to_dict() for e in events] == [
        {"kind": "action_taken", "turn": 1, "at": 20.0, "action": "refund_seats", "amount": 200.0,
         "ok": False, "result": "Refused: your mandate for refund_seats stops at 160."},
    ]
    assert "refund_seats" not in played.session.done
    assert played.of(ActionTaken, played.play("/do refund_seats 160"))[0].ok


def test_an_amount_with_cents_is_shown_as_money(game):
    played = game()
    played.play("/lookup booking")
    [done] = played.of(ActionTaken, played.play("/do refund_seats 80,5"))
    assert done.amount == 80.5
    assert done.result.startswith("Refund of €80.50 ")


def test_an_action_with_a_limit_needs_an_amount_and_costs_no_turn(game):
    played = game()
    before = list(played.events)
    with pytest.raises(MoveError, match=r"/do voucher needs an amount, at most 100: /do voucher AMOUNT"):
        played.play("/do voucher")
    assert played.events == before
    assert played.session.turn == 0


def test_an_action_without_a_limit_takes_no_amount(game):
    played = game()
    with pytest.raises(MoveError, match=r"/do escalate takes no amount: /do escalate"):
        played.play("/do escalate 50")
    assert played.session.done == {}


def test_an_action_is_done_only_once(game):
    played = game()
    played.play("/do escalate")
    with pytest.raises(MoveError, match=r"You already did escalate at turn 1\."):
        played.play("/do escalate")
    assert len(played.of(ActionTaken)) == 1


def test_an_action_marked_not_once_can_be_repeated(game, variant):
    def repeatable(raw):
        raw["actions"]["escalate"]["once"] = False

    played = game(variant(repeatable))
    played.play("/do escalate", "/do escalate")
    assert [(e.turn, e.ok) for e in played.of(ActionTaken)] == [(1, True), (2, True)]


def test_after_a_half_refund_the_rest_can_still_be_refunded(game):
    played = game()
    played.play(SORRY, "/lookup booking", "/lookup seat_record", EXPLAIN, "/do refund_seats 80")
    assert played.her_last_line() == "Half? We BOTH paid €80. We both didn't get the seat."
    played.play("/do refund_seats 80")
    assert played.session.state == "refunded"


# ── mood and patience ────────────────────────────────────────────────────────────────────


def test_mood_and_patience_change_as_the_yaml_says(game):
    played = game()
    played.play(SORRY)  # complaint: acknowledge_harm +10
    played.play("That should not have happened; it was our mistake.")  # telling: admit_fault +5
    played.play("I'm sorry, ten hours like that with Ruben's knee.")  # telling: acknowledge_harm +5
    played.play("Thank you for your email.")  # anywhere: thank_for_email -10
    played.play(NONSENSE)  # telling: otherwise -5 mood, -1 patience
    assert [(e.mood_delta, e.patience_delta, e.mood, e.patience) for e in played.of(MoodChanged)] == [
        (10, 0, 40, 6),
        (5, 0, 45, 6),
        (5, 0, 50, 6),
        (-10, 0, 40, 6),
        (-5, -1, 35, 5),
    ]
    assert [e.reason for e in played.of(MoodChanged)] == [
        "step in complaint", "step in telling", "step in telling", "step in telling", "not what she needed",
    ]
    assert (played.session.mood, played.session.patience) == (35, 5)


def test_her_mood_never_rises_above_100(game):
    played = game()
    played.play(
        SORRY, "It was our mistake.", "So sorry about the legroom.",  # 40, 45, 50
        "/lookup booking", "/lookup seat_record", EXPLAIN,  # 70
        "I will refund you.", "/do refund_seats 160",  # 75, 95
        "I'll DM you by Friday.",  # 100
    )
    assert played.session.mood == 100
    events = played.play("I've logged it so it doesn't happen to other passengers.")  # +5
    assert played.of(MoodChanged, events) == []  # nothing changed, so nothing is logged
    played.play("/do log_fault")  # +15
    assert played.session.outcome == "resolved"
    assert played.session.mood == 100
    moods = [e.mood for e in played.of(MoodChanged)]
    assert moods[-1] == 100 and max(moods) == 100
    assert all(0 <= m <= 100 for m in moods)


def test_her_mood_never_drops_below_0(game):
    played = game()
    played.play("/do voucher 100")  # 30 - 20
    assert played.session.mood == 10
    events = played.play("And you can have another voucher.")  # -15, but only 10 to lose
    [mood] = played.of(MoodChanged, events)
    assert (mood.mood, mood.mood_delta) == (0, -10)
    assert played.session.mood == 0
    [moved] = played.of(StateChanged, events)
    assert (moved.dest, moved.trigger) == ("blogged", "mood_below")


def test_her_patience_never_drops_below_0(game, variant):
    def short_fuse(raw):
        raw["states"]["telling"]["otherwise"]["patience"] = -10

    played = game(variant(short_fuse))
    played.play(SORRY)
    events = played.play(NONSENSE)
    [mood] = played.of(MoodChanged, events)
    assert (mood.patience, mood.patience_delta) == (0, -6)
    assert played.session.patience == 0
    assert played.session.outcome == "blogged"


def test_a_message_that_fits_nothing_costs_patience_and_is_logged_as_not_understood(game, legroom):
    played = game()
    events = played.play(NONSENSE)
    assert played.of(IntentsRecognised, events)[0].intents == ()
    assert played.of(NotUnderstood, events) == [NotUnderstood(1, "complaint", at=30.0)]
    [mood] = played.of(MoodChanged, events)
    assert (mood.mood, mood.patience, mood.mood_delta, mood.patience_delta, mood.reason) == (
        25, 5, -5, -1, "not what she needed",
    )
    assert played.her_last_line() in legroom.states["complaint"].otherwise.lines["any"]
    assert played.session.state == "complaint"


def test_when_her_patience_runs_out_it_ends_in_the_scenarios_outcome(game):
    played = game()
    played.play(SORRY)  # mood 40, so her mood stays above the blog threshold
    played.play(*[NONSENSE] * 5)
    assert (played.session.patience, played.session.over) == (1, False)
    events = played.play(NONSENSE)
    [moved] = played.of(StateChanged, events)
    assert (moved.source, moved.dest, moved.trigger) == ("telling", "blogged", "patience ran out")
    assert played.her_last_line() == "Done. Blog post is up: 'Holy voucher, Batman'. Enjoy the retweets, @SkyblueAir."
    [ended] = played.of(SessionEnded, events)
    assert (ended.turn, ended.outcome, ended.outcome_kind) == (7, "blogged", "went_public")
    assert played.session.patience == 0 and played.session.mood == 10


def test_a_slow_reply_costs_mood_and_patience(game):
    norm = CHANNELS["twitter"].reply_within
    played = game()
    events = played.play(SORRY, wait=norm + 60)
    assert played.of(TraineeMessage, events)[0].response_seconds == norm + 60
    changes = [(e.mood_delta, e.patience_delta, e.reason) for e in played.of(MoodChanged, events)]
    assert changes == [(-5, -1, "kept her waiting 4 min"), (10, 0, "step in complaint")]
    assert (played.session.mood, played.session.patience) == (35, 5)


def test_a_reply_within_the_channels_norm_costs_nothing(game):
    played = game()
    events = played.play(SORRY, wait=CHANNELS["twitter"].reply_within)
    assert [e.mood_delta for e in played.of(MoodChanged, events)] == [10]
    assert played.session.patience == 6


def test_time_spent_in_the_back_office_counts_as_her_waiting(game):
    played = game()
    played.play("/lookup booking", "/lookup seat_record", wait=100)
    events = played.play(SORRY, wait=10)
    assert played.of(TraineeMessage, events)[0].response_seconds == 210.0
    assert played.of(MoodChanged, events)[0].reason == "kept her waiting 4 min"


def test_the_clock_of_every_event_is_game_time_since_the_start(game):
    played = game()
    played.play(SORRY, wait=42)
    played.play("/lookup booking", wait=8)
    assert {e.at for e in played.of(TraineeMessage)} == {42.0}
    assert played.of(LookedUp)[0].at == 50.0


# ── the end ──────────────────────────────────────────────────────────────────────────────


def test_ending_the_conversation_gives_outcome_left(game):
    played = game()
    played.play(SORRY)
    events = played.play("/end")
    assert [e.to_dict() for e in events] == [
        {"kind": "session_ended", "turn": 2, "at": 40.0, "outcome": "left", "outcome_kind": "unresolved",
         "summary": "You ended the conversation before it was settled."},
    ]
    assert played.session.outcome == "left" and played.session.over


@pytest.mark.parametrize("move", [Say("Hello?"), Lookup("booking"), Act("escalate"), End()])
def test_moves_after_the_end_are_refused(game, move):
    played = game()
    played.play("/end")
    before = len(played.events)
    with pytest.raises(MoveError, match=r"The conversation is over\."):
        played.game.play(move)
    assert len(played.events) == before


def test_moves_after_an_outcome_are_refused(game):
    played = game()
    played.play(*EXEMPLARY)
    with pytest.raises(MoveError, match="over"):
        played.play("One more thing.")


# ── refusals that cost nothing ───────────────────────────────────────────────────────────


def test_an_unknown_lookup_suggests_the_closest_name(game):
    played = game()
    with pytest.raises(MoveError) as refused:
        played.play("/lookup boking")
    assert str(refused.value) == (
        "No look-up called 'boking'. Did you mean /lookup booking? "
        "Available: booking, seat_record, flight, contact_history."
    )
    assert played.session.turn == 0 and played.of(LookedUp) == []


def test_an_unknown_action_suggests_the_closest_name(game):
    played = game()
    with pytest.raises(MoveError, match=r"No action called 'vouchr'\. Did you mean /do voucher\?"):
        played.play("/do vouchr 50")


def test_a_lookup_far_from_every_name_lists_the_choices_without_guessing(game):
    played = game()
    with pytest.raises(MoveError) as refused:
        played.play("/lookup weather")
    assert "Did you mean" not in str(refused.value)
    assert str(refused.value).endswith("Available: booking, seat_record, flight, contact_history.")


def test_the_start_of_a_name_is_enough_when_it_fits_only_one(game):
    played = game()
    played.play("/lookup seat", "/lookup contact")
    assert [e.tool for e in played.of(LookedUp)] == ["seat_record", "contact_history"]


def test_an_empty_message_is_refused(game):
    played = game()
    with pytest.raises(MoveError, match="Type a message"):
        played.game.play(Say("   "))
    assert played.session.turn == 0


def test_help_is_not_a_turn(game):
    played = game()
    assert played.game.play(Help()) == []
    assert played.session.turn == 0 and len(played.events) == 2


# ── determinism and the event log ────────────────────────────────────────────────────────


def test_the_same_seed_and_moves_give_identical_events(game):
    moves = (SORRY, NONSENSE, NONSENSE, "/lookup booking", "/lookup seat_record", EXPLAIN, "/do refund_seats 160")
    first, second = game(seed=7), game(seed=7)
    first.play(*moves)
    second.play(*moves)
    assert [e.to_dict() for e in first.events] == [e.to_dict() for e in second.events]
    assert len(first.events) > 20


def test_different_seeds_may_vary_her_lines(game):
    openings = {game(seed=seed).opening[0].text for seed in range(12)}
    assert len(openings) == 2
    assert all(text.startswith("@SkyblueAir ") for text in openings)


def test_every_event_round_trips_through_a_dict_and_json(game):
    played = game()
    played.play("/hint", SORRY, "Thank you for your email.", NONSENSE, "/do refund_seats 160", *EXEMPLARY[1:])
    kinds = {e.kind for e in played.events}
    assert kinds == set(EVENT_TYPES) - {"channel_changed"}  # every kind but a move (test_authoring_channels)
    for event in played.events:
        data = event.to_dict()
        assert event_from_dict(data) == event
        assert event_from_dict(json.loads(json.dumps(data))) == event


# ── the machine ──────────────────────────────────────────────────────────────────────────


def test_the_conversation_runs_on_a_transitions_machine(game, legroom):
    played = game()
    machine = played.session._machine
    assert isinstance(machine, Machine)
    assert set(machine.states) == set(legroom.states) | set(legroom.outcomes)
    assert {"said", "did", "looked_up", "tick"} <= set(machine.get_triggers("complaint"))
    [model] = machine.models
    played.play(SORRY, "/lookup seat_record", EXPLAIN)
    assert model.state == played.session.state == "understood"
    assert [(e.source, e.dest, e.trigger) for e in played.of(StateChanged)] == [
        ("complaint", "telling", "said acknowledge_harm"),
        ("telling", "understood", "said explain_cause"),
    ]


# ── hints ────────────────────────────────────────────────────────────────────────────────


def test_practice_hints_come_one_at_a_time_from_the_state_and_are_logged(legroom):
    from trainer.engine.events import HintShown
    from trainer.engine.session import Session

    session = Session(legroom, clock=FakeClock())
    first, second, third = session.hint(), session.hint(), session.hint()
    assert first == legroom.states["complaint"].hints[0]
    assert second == legroom.states["complaint"].hints[1]
    assert third is None
    assert [e.text for e in session.events if isinstance(e, HintShown)] == [first, second]


def test_test_mode_has_no_hints(legroom):
    from trainer.engine.session import Session

    session = Session(legroom, clock=FakeClock(), mode="test")
    with pytest.raises(MoveError, match="No hints in test mode"):
        session.hint()


# ── rewind ───────────────────────────────────────────────────────────────────────────────


def test_rewinding_replays_the_moves_before_a_turn_and_plays_on(legroom):
    from trainer.play import Round, replayed

    clock = FakeClock()
    original = Round(legroom, clock=clock)
    original.opening()
    for line in ("Hi Daniela, so sorry about the legroom. What happened?", "/lookup booking",
                 "Thank you for your email."):
        clock.advance(30)
        original.play(parse_move(line))
    again = replayed(legroom, original.session.events, before_turn=3, live=FakeClock(1000))
    assert again.session.turn == 2 and again.session.state == "telling"
    assert [e.to_dict() for e in again.session.events] == [
        e.to_dict() for e in original.session.events if e.turn < 3
    ]
    again.play(Say("Let me check the seat record first."))
    assert again.session.turn == 3
