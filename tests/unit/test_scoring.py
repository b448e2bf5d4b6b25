"""The scorecard: three trades, scored from what the trainee did, with her own words as evidence."""

from __future__ import annotations

import json

import pytest

from scoring import TRADES, score
from trainer.engine.events import (
    ActionTaken,
    CustomerMessage,
    IntentsRecognised,
    SessionEnded,
    SessionStarted,
    TraineeMessage,
    event_from_dict,
)

SORRY = "Daniela, I'm so sorry: ten hours without the legroom you paid for."
EXPLAIN = "An aircraft change made our system release your seats."

EXEMPLARY = (
    "Hi Daniela, I'm so sorry. You paid for extra legroom, had it confirmed twice, and then sat ten "
    "hours without it. Can you tell me what happened at the gate?",
    "/lookup booking",
    "/lookup seat_record",
    "/lookup contact_history",
    "You're right, Daniela, and now I can tell you why: an aircraft change three days before the flight "
    "made our seat system release seats 14A and 14C, while the website still showed them as confirmed. "
    "That was our mistake, not yours.",
    "/do refund_seats 160",
    "I've refunded the full €160 to your card; you'll see it within 3–5 working days. I'm sorry Ruben "
    "had to fly ten hours with his knee like that.",
    "I'm logging the fault with IT and seat planning now, so this doesn't happen to other passengers. "
    "I'll DM you by Friday with what they change.",
    "/do log_fault",
)

COPY_PASTE = (
    "Dear Mrs Maduro, thank you for your e-mail. We are sorry to hear that you were not seated in your "
    "preferred seat. I am happy to inform you as follows.",
    "Seats may be reassigned for operational or safety reasons, or in some cases because of an aircraft change.",
    "We regret any inconvenience this may have caused. I have forwarded your e-mail to the responsible department.",
    "/do voucher 100",
)


def trade_scores(card: dict) -> dict[str, int]:
    return {trade: card["trades"][trade]["score"] for trade in TRADES}


def all_evidence(card: dict):
    for trade in card["trades"].values():
        for criterion in trade["criteria"]:
            for evidence in criterion["evidence"]:
                yield criterion["id"], evidence


# ── purity and the contract ──────────────────────────────────────────────────────────────


def test_score_is_a_pure_function_of_the_events(game, legroom):
    played = game()
    played.play(*EXEMPLARY)
    before = [e.to_dict() for e in played.events]
    first = score(played.events, legroom).to_dict()
    second = score(list(played.events), legroom).to_dict()
    assert first == second
    assert [e.to_dict() for e in played.events] == before  # the log is not touched


def test_a_stored_event_log_scores_exactly_like_the_live_one(game, legroom):
    played = game()
    played.play(*COPY_PASTE)
    stored = json.loads(json.dumps([e.to_dict() for e in played.events]))
    assert score([event_from_dict(d) for d in stored], legroom).to_dict() == played.scorecard()


def test_the_scorecard_json_has_the_three_trades_scored_0_to_100(game):
    played = game()
    played.play(*EXEMPLARY)
    card = json.loads(json.dumps(played.scorecard()))
    assert set(card["trades"]) == {"facilitator", "detective", "plumber"}
    assert (card["outcome"], card["outcome_kind"], card["scenario"], card["version"]) == (
        "resolved", "resolved", "legroom-en", 1,
    )
    for trade in card["trades"].values():
        assert isinstance(trade["score"], int) and 0 <= trade["score"] <= 100
        assert trade["criteria"]
        for criterion in trade["criteria"]:
            assert set(criterion) >= {"id", "title", "score", "weight", "evidence", "tip"}
            assert criterion["score"] is None or 0 <= criterion["score"] <= 100
            for evidence in criterion["evidence"]:
                assert isinstance(evidence["turn"], int) and isinstance(evidence["good"], bool)
    assert [c["id"] for c in card["trades"]["facilitator"]["criteria"]] == [
        "acknowledges", "personal", "own_words", "prompt",
    ]
    assert len(card["tips"]) <= 3 and len(set(card["tips"])) == len(card["tips"])


@pytest.mark.parametrize(
    "script",
    [EXEMPLARY, COPY_PASTE, (SORRY, "/do escalate", "/lookup booking", "/end")],
    ids=["exemplary", "copy-paste", "acts-before-checking-and-leaves-her-question"],
)
def test_every_evidence_has_a_turn_and_a_quote_or_an_action(game, script):
    played = game()
    played.play(*script)
    bare = [(cid, e) for cid, e in all_evidence(played.scorecard()) if "quote" not in e and "action" not in e]
    assert bare == []


@pytest.mark.parametrize("script", [EXEMPLARY, COPY_PASTE], ids=["exemplary", "copy-paste"])
def test_quotes_are_taken_verbatim_from_the_trainees_own_messages_at_that_turn(game, script):
    played = game()
    played.play(*script)
    said = {e.turn: e.text for e in played.of(TraineeMessage)}
    quotes = [(cid, e) for cid, e in all_evidence(played.scorecard()) if "quote" in e]
    assert len(quotes) >= 5
    for cid, evidence in quotes:
        assert evidence["quote"].rstrip("…") in said[evidence["turn"]], cid
    her_lines = " ".join(e.text for e in played.of(CustomerMessage))
    assert not any(e["quote"] in her_lines for _, e in quotes)


def test_a_long_sentence_is_quoted_from_its_start_and_cut_with_an_ellipsis(game):
    played = game()
    long = "I'm so sorry about the legroom, " + "really " * 40 + "sorry."
    played.play(long, "/end")
    [evidence] = played.criteria()["acknowledges"]["evidence"]
    assert len(evidence["quote"]) == 200 and evidence["quote"].endswith("…")
    assert long.startswith(evidence["quote"][:-1])


# ── facilitator ──────────────────────────────────────────────────────────────────────────


def test_using_her_first_name_is_personal_a_form_letter_salutation_is_not(game):
    first_name, form_letter = game(), game()
    first_name.play("Hi Daniela, I'm so sorry.", "/end")
    form_letter.play("Dear Mrs Maduro, I'm so sorry.", "/end")
    named, formal = first_name.criteria()["personal"], form_letter.criteria()["personal"]
    assert named["score"] == 50 and formal["score"] == 25
    assert named["evidence"] == [
        {"turn": 1, "quote": "Hi Daniela, I'm so sorry.", "note": "uses her name", "good": True},
    ]
    assert formal["evidence"][0]["note"] == "her name, in a form-letter salutation ('dear mrs')"
    assert formal["evidence"][0]["good"] is False
    assert first_name.scorecard()["trades"]["facilitator"]["score"] > form_letter.scorecard()["trades"]["facilitator"]["score"]


def test_naming_her_details_makes_it_more_personal(game):
    played = game()
    played.play("Hi Daniela, I see booking K7Q2XD here.", "/end")
    personal = played.criteria()["personal"]
    assert personal["score"] == 100
    assert personal["evidence"][1]["note"] == "mentions her detail 'K7Q2XD'"


def test_a_template_phrase_lowers_facilitator(game):
    own, template = game(), game()
    own.play(SORRY, "/end")
    template.play(SORRY + " We apologise for any inconvenience.", "/end")
    assert own.scorecard()["trades"]["facilitator"]["score"] > template.scorecard()["trades"]["facilitator"]["score"]
    assert own.criteria()["own_words"]["score"] == 100
    own_words = template.criteria()["own_words"]
    assert own_words["score"] == 70
    assert own_words["evidence"] == [
        {"turn": 1, "quote": "We apologise for any inconvenience.",
         "note": "template phrase 'any inconvenience'", "good": False},
    ]
    assert template.criteria()["acknowledges"]["score"] == 50  # the same sympathy, halved


def test_acknowledging_her_specific_harm_beats_sympathy_in_general(game):
    specific, general = game(), game()
    specific.play(SORRY, "/end")
    general.play("Hello Daniela, I am sorry.", "/end")
    assert specific.criteria()["acknowledges"]["score"] == 100
    assert general.criteria()["acknowledges"]["score"] == 40
    assert general.criteria()["acknowledges"]["evidence"][0]["note"] == "sympathy without naming what went wrong"


def test_a_slow_reply_is_marked_against_promptness(game):
    played = game()
    played.play(SORRY, wait=400)
    played.play("/end")
    prompt = played.criteria()["prompt"]
    assert prompt["score"] == 0 and prompt["weight"] == 0.5
    assert prompt["evidence"] == [{"turn": 1, "quote": SORRY, "note": "she waited 7 min", "good": False}]


# ── detective ────────────────────────────────────────────────────────────────────────────


def test_thanking_her_for_an_email_she_never_sent_is_a_wrong_fact(game, legroom):
    played = game()
    events = played.play("Dear Mrs Maduro, thank you for your e-mail.", "/end")
    assert played.of(IntentsRecognised, events)[0].wrong == ("thank_for_email",)
    untrue = played.criteria()["nothing_untrue"]
    assert untrue["score"] == 50
    assert untrue["evidence"] == [
        {"turn": 1, "quote": "Dear Mrs Maduro, thank you for your e-mail.",
         "note": "She never sent an e-mail; she phoned twice and tweeted.", "good": False},
    ]
    assert untrue["evidence"][0]["note"] == legroom.intents["thank_for_email"].wrong


@pytest.mark.parametrize(
    ("message", "criterion", "claim"),
    [
        ("Hi Daniela. Thanks for your email.", "nothing_untrue", "Thanks for your email."),
        ("Hello there. I apologise.", "acknowledges", "I apologise."),
    ],
    ids=["wrong-fact", "sympathy"],
)
def test_the_quote_is_the_sentence_that_says_it(game, message, criterion, claim):
    played = game()
    played.play(message, "/end")
    assert played.criteria()[criterion]["evidence"][0]["quote"] == claim


def test_explaining_before_looking_anything_up_counts_as_a_guess(game):
    guessed, checked = game(), game()
    guessed.play(SORRY, EXPLAIN, "/lookup booking", "/end")
    checked.play(SORRY, "/lookup booking", EXPLAIN, "/end")
    guess = guessed.criteria()
    assert guess["explains_why"]["score"] == 50
    assert guess["explains_why"]["evidence"] == [
        {"turn": 2, "quote": EXPLAIN, "note": "explains without having checked: a guess", "good": False},
    ]
    assert guess["checks_first"]["score"] == 40
    assert guess["checks_first"]["evidence"][0] == {
        "turn": 2, "quote": "An aircraft change made our system release your seats.",
        "note": "concluded before looking anything up", "good": False,
    }
    assert checked.criteria()["explains_why"]["score"] == 100
    assert checked.criteria()["checks_first"]["score"] == 100


def test_facts_she_told_and_facts_looked_up_both_count_as_uncovered(game):
    played = game()
    played.play("Can you tell me what happened?", "/lookup contact_history", "/end")
    key_facts = played.criteria()["key_facts"]
    assert key_facts["score"] == 40  # confirmed_twice and no_email, of five
    assert [(e["turn"], e["action"]) for e in key_facts["evidence"]] == [
        (1, "by asking (ask_what_happened)"),
        (2, "found in contact_history"),
    ]


def test_an_open_question_that_draws_out_her_story_counts_fully(game):
    played = game()
    played.play("Can you tell me what happened at the gate?", "/end")
    asks = played.criteria()["asks"]
    assert asks["score"] == 100
    assert asks["evidence"][0]["note"] == "open question that draws out her story"


# ── plumber ──────────────────────────────────────────────────────────────────────────────


def test_a_voucher_as_the_only_resolution_scores_lower_on_plumber_than_the_full_refund(game):
    refund, voucher = game(), game()
    refund.play("/lookup booking", "/do refund_seats 160", "/end")
    voucher.play("/do voucher 100", "/end")
    assert refund.scorecard()["trades"]["plumber"]["score"] > voucher.scorecard()["trades"]["plumber"]["score"]
    assert refund.criteria()["fitting_resolution"]["score"] == 100
    fitting = voucher.criteria()["fitting_resolution"]
    assert fitting["score"] == 0
    assert fitting["evidence"] == [
        {"turn": 1, "action": "voucher 100",
         "note": "A voucher usable only with the airline, worth less than she paid, buys her off instead of helping.",
         "good": False},
    ]


def test_half_a_refund_is_half_a_fit(game):
    played = game()
    played.play("/lookup booking", "/do refund_seats 80", "/end")
    fitting = played.criteria()["fitting_resolution"]
    assert fitting["score"] == 50
    assert fitting["evidence"][0]["note"].startswith("less than fits:")


def test_a_refused_refund_is_no_resolution(game):
    played = game()
    played.play("/do refund_seats 160", "/end")  # refused: the booking was never looked up
    assert played.of(ActionTaken)[0].ok is False
    assert played.criteria()["fitting_resolution"]["score"] == 0


def test_an_owned_next_step_with_a_time_is_recognised(game):
    played = game()
    played.play(SORRY, "I'll DM you by Friday.", "/end")
    owns = played.criteria()["owns_next_step"]
    assert owns["score"] == 100
    assert owns["evidence"] == [
        {"turn": 2, "quote": "I'll DM you by Friday.", "note": "a next step, owned, with a time", "good": True},
    ]


def test_a_vague_hand_off_is_not_an_owned_next_step(game):
    played = game()
    played.play("We will look into it.", "/end")
    owns = played.criteria()["owns_next_step"]
    assert owns["score"] == 20
    assert owns["evidence"][0]["note"] == "vague hand-off 'look into it'"


def test_logging_the_fault_is_the_improvement_saying_so_is_less(game):
    logged, said = game(), game()
    logged.play("/lookup seat_record", "/do log_fault", "/end")
    said.play("I've logged it so it doesn't happen to other passengers.", "/end")
    assert logged.criteria()["improves"]["score"] == 100
    assert said.criteria()["improves"]["score"] == 40


# ── what does not apply, and what is empty ───────────────────────────────────────────────


def test_criteria_that_do_not_apply_are_none_and_do_not_count(game, legroom):
    played = game()
    played.play(*EXEMPLARY)
    card = score(played.events, legroom)
    plumber = card.trades["plumber"]
    escalates = next(c for c in plumber.criteria if c.id == "escalates")
    assert escalates.score is None  # she needed no one with a bigger mandate
    counted = [c for c in plumber.criteria if c.score is not None]
    assert len(counted) == len(plumber.criteria) - 1
    expected = round(100 * sum(c.weight * c.score for c in counted) / sum(c.weight for c in counted))
    assert plumber.score == expected
    as_json = card.to_dict()["trades"]["plumber"]["criteria"]
    assert next(c for c in as_json if c["id"] == "escalates") == {
        "id": "escalates", "title": "Brings in someone with a mandate when needed", "score": None,
        "weight": 1.0, "evidence": [], "tip": "",
    }
    assert "You lacked the mandate" not in " ".join(card.tips)


def test_without_a_rubric_only_the_general_criteria_count(game, variant):
    def no_rubric(raw):
        raw["rubric"] = {}

    played = game(variant(no_rubric))
    played.play("/end")
    criteria = played.criteria()
    for cid in ("key_facts", "answers_questions", "fitting_resolution", "explains_why", "escalates", "improves"):
        assert criteria[cid]["score"] is None, cid
    # plumber: owns_next_step 0 and closes_loop 20 (left unresolved), nothing else
    assert played.scorecard()["trades"]["plumber"]["score"] == 10


def test_an_empty_session_scores_low_on_all_trades_not_high(game):
    played = game()
    played.play("/end")
    card = played.scorecard()
    assert trade_scores(card) == {"facilitator": 0, "detective": 0, "plumber": 4}
    assert card["outcome"] == "left" and card["outcome_kind"] == "unresolved"
    assert not any("quote" in e for _, e in all_evidence(card))
    assert card["tips"]


def test_a_hand_built_log_without_messages_scores_nothing_for_words(legroom):
    events = [
        SessionStarted(0, "legroom-en", "en", 0, 30, 6),
        CustomerMessage(0, "Anyone home?", "complaint", 30),
        SessionEnded(1, "left", "unresolved", "You ended the conversation before it was settled."),
    ]
    card = score(events, legroom).to_dict()
    assert trade_scores(card)["facilitator"] == 0
    assert (card["turns"], card["outcome"]) == (1, "left")


def test_the_exemplary_reply_beats_the_copy_paste_one_on_every_trade(game):
    best, worst = game(), game()
    best.play(*EXEMPLARY)
    worst.play(*COPY_PASTE)
    good, bad = trade_scores(best.scorecard()), trade_scores(worst.scorecard())
    assert all(good[t] >= 70 for t in TRADES), good
    assert all(bad[t] <= 30 for t in TRADES), bad
    assert worst.scorecard()["outcome"] == "blogged"
