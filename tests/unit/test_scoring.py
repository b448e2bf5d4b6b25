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
    ("Hi Daniela, I'm so sorry. You paid for extra legroom, had it confirmed twice, and then sat ten "
    "hours without it. Can you tell me what happened at the gate?"),
    "/lookup booking",
    "/lookup seat_record",
    "/lookup contact_history",
    ("You're right, Daniela, and now I can tell you why: an aircraft change three days before the flight "
    "made our seat system release seats 14A and 14C, while the website still showed them as confirmed. "
    "That was our mistake, not yours."),
    "/do refund_seats 160",
    ("I've refunded the full €160 to your card; you'll see it within 3–5 working days. I'm sorry Ruben "
    "had to fly ten hours with his knee like that."),
    ("I'm logging the fault with IT and seat planning now, so this doesn't happen to other passengers. "
    "I'll DM you by Friday with what they change."),
    "/do log_fault",
)

COPY_PASTE = (
    ("Dear Mrs Maduro, thank you for your e-mail. We are sorry to hear that you were not seated in your "
    "preferred seat. I am happy to inform you as follows."),
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
        "acknowledges", "personal", "own_words", "prompt", "tone", "private_first",
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
        {"turn": 1, "quote": "Hi Daniela, I'm so sorry.", "note": "calls Daniela by name", "good": True},
    ]
    assert formal["evidence"][0]["note"] == "Daniela's name, in a form-letter salutation ('dear mrs')"
    assert formal["evidence"][0]["good"] is False
    assert first_name.scorecard()["trades"]["facilitator"]["score"] > form_letter.scorecard()["trades"]["facilitator"]["score"]


def test_naming_her_details_makes_it_more_personal(game):
    played = game()
    played.play("Hi Daniela, I see booking K7Q2XD here.", "/end")
    personal = played.criteria()["personal"]
    assert personal["score"] == 100
    assert personal["evidence"][1]["note"] == "mentions a detail of the case: 'K7Q2XD'"


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
    acknowledges = template.criteria()["acknowledges"]
    assert acknowledges["score"] == 25  # the same sympathy, halved; and she calls it a template
    assert acknowledges["evidence"][1]["note"] == "Daniela felt unheard after this ('template')"


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
    assert prompt["evidence"] == [{"turn": 1, "quote": SORRY, "note": "Daniela waited 7 min", "good": False}]


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
        (1, "found in contact_history"),  # looked up after turn 1's exchange: a look-up takes no turn
    ]


def test_an_open_question_that_draws_out_her_story_counts_fully(game):
    played = game()
    played.play("Can you tell me what happened at the gate?", "/end")
    asks = played.criteria()["asks"]
    assert asks["score"] == 100
    assert asks["evidence"][0]["note"] == "open question that draws out Daniela's story"


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


def test_a_vague_promise_is_not_an_owned_next_step_and_a_hand_off_is_none_at_all(game):
    vague, handed = game(), game()
    vague.play("We will look into it.", "/end")
    handed.play("I have forwarded your complaint to the responsible department.", "/end")
    owns = vague.criteria()["owns_next_step"]
    assert owns["score"] == 20
    assert owns["evidence"][0]["note"] == "a promise without a time ('look into it')"
    owns = handed.criteria()["owns_next_step"]
    assert owns["score"] == 0
    assert owns["evidence"][0]["note"] == "handed off to no one in particular ('forwarded')"


def test_logging_the_fault_is_the_improvement_saying_so_is_less_and_claiming_it_untrue_is_nothing(game):
    logged, said, claimed = game(), game(), game()
    logged.play("/lookup seat_record", "/do log_fault", "/end")
    said.play("I'll log it so it doesn't happen to other passengers.", "/end")
    claimed.play("I've logged it so it doesn't happen to other passengers.", "/end")
    assert logged.criteria()["improves"]["score"] == 100
    assert said.criteria()["improves"]["score"] == 40
    improves = claimed.criteria()["improves"]
    assert improves["score"] == 0
    assert "it was not done" in improves["evidence"][-1]["note"]


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
    for cid in ("key_facts", "fitting_resolution", "explains_why", "escalates", "improves"):
        assert criteria[cid]["score"] is None, cid
    # plumber: owns_next_step 0 and closes_loop 20 (left unresolved), nothing else
    assert played.scorecard()["trades"]["plumber"]["score"] == 10
    # with no questions in the rubric, her own are tracked: she asked one, and nobody answered
    answers = criteria["answers_questions"]
    assert answers["score"] == 0
    assert answers["evidence"][0]["note"].startswith("Daniela had asked “") and "?" in answers["evidence"][0]["note"]


def test_an_empty_session_scores_low_on_all_trades_not_high(game):
    played = game()
    played.play("/end")
    card = played.scorecard()
    assert trade_scores(card) == {"facilitator": 0, "detective": 0, "plumber": 3}  # closes_loop 20, of 6 weights
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


# ── every criterion shows its evidence ──────────────────────────────────────────────────


@pytest.mark.parametrize(
    "script",
    [EXEMPLARY, COPY_PASTE, ("Hello.", "/end"), ("/end",)],
    ids=["exemplary", "copy-paste", "a-bare-hello", "no-reply-at-all"],
)
def test_every_scored_criterion_quotes_evidence_even_when_it_scores_0(game, script):
    played = game()
    played.play(*script)
    for trade in played.scorecard()["trades"].values():
        for criterion in trade["criteria"]:
            if criterion["score"] is not None:
                assert criterion["evidence"], criterion["id"]
                assert all(e["note"] for e in criterion["evidence"]), criterion["id"]


def test_an_explanation_never_given_points_at_the_turn_after_she_asked_why(game):
    played = game()
    played.play("Can you tell me what happened at the gate?", "We'll see.", "/end")
    explains = played.criteria()["explains_why"]
    assert explains["score"] == 0
    assert explains["evidence"] == [
        {"turn": 2, "quote": "We'll see.", "note": "never told Daniela why it happened", "good": False},
    ]


# ── the scorecard speaks Dutch to a Dutch session ────────────────────────────────────────


def test_a_dutch_session_gets_dutch_titles_notes_and_tips(game, legroom_nl):
    played = game(legroom_nl)
    played.play("Geachte mevrouw Maduro, hartelijk dank voor uw e-mail.", "/end")
    card = played.scorecard()
    criteria = played.criteria()
    assert criteria["acknowledges"]["title"] == "Erkent het gevoel van de klant en de concrete schade"
    assert criteria["checks_first"]["title"] == "Zoekt eerst de feiten op, en trekt dan pas conclusies"
    assert criteria["closes_loop"]["title"] == "Rondt het af"
    assert criteria["personal"]["evidence"][0]["note"] == "de naam van Daniela, in een briefaanhef ('geachte')"
    assert criteria["personal"]["tip"] == "Spreek Daniela aan bij naam en gebruik de details van de zaak."
    assert criteria["tone"]["title"] == "Toon past bij het kanaal (een openbare tweetdraad)"
    assert card["tips"][0].startswith("Wat past: Ze betaalde €160")
    assert criteria["asks"]["tip"] == "Vraag in een open vraag wat er gebeurde, voor je antwoord geeft."
    english = game()
    english.play("Dear Mrs Maduro, thank you for your e-mail.", "/end")
    assert english.criteria()["acknowledges"]["title"] == "Acknowledges the customer's feeling and the specific harm"
    assert set(criteria) == set(english.criteria())  # the same ids, whatever the language


# ── tone fits the channel ────────────────────────────────────────────────────────────────


def test_a_letter_on_twitter_does_not_fit_the_channel(game):
    chatty, letter = game(), game()
    chatty.play(SORRY, "/end")
    letter.play("Dear Mrs Maduro, I am sorry about the legroom. Kind regards, the Skyblue team", "/end")
    assert chatty.criteria()["tone"]["score"] == 100
    assert chatty.criteria()["tone"]["evidence"][0]["good"] is True
    tone = letter.criteria()["tone"]
    assert tone["score"] == 40
    assert [e["note"] for e in tone["evidence"]] == [
        "a letter's salutation ('dear mrs') on a public tweet thread",
        "a letter's sign-off ('kind regards') on a public tweet thread",
    ]
    assert "no 'Dear …'" in tone["tip"]


def test_the_same_letter_is_fine_by_e_mail_but_corporate_phrases_are_not(game, variant):
    def by_email(raw):
        raw["channel"] = "email"
        raw["audience"] = "private"

    email = variant(by_email)
    letter, stiff = game(email), game(email)
    letter.play("Dear Mrs Maduro, I am sorry about the legroom. Kind regards, Sam", "/end")
    stiff.play("Dear Mrs Maduro, please be advised that your seats were released. Kind regards, Sam", "/end")
    assert letter.criteria()["tone"]["score"] == 100
    assert stiff.criteria()["tone"]["score"] == 80
    assert stiff.criteria()["tone"]["evidence"][0]["note"] == "stiff, corporate phrase ('please be advised')"
    assert letter.criteria()["tone"]["title"] == "Tone fits the channel (e-mail)"


@pytest.mark.parametrize(
    ("message", "note"),
    [
        ("Daniela, " + "we are looking at the legroom seats you paid for. " * 7, "goes out as a thread of 2"),
        ("WE ARE SORRY, Daniela. THE SEATS were released.", "shouting ('SORRY SEATS')"),
        ("Yeah right, Daniela, the legroom was there all along.", "sarcasm ('yeah right')"),
    ],
    ids=["wall-of-text", "capitals", "sarcasm"],
)
def test_walls_of_text_capitals_and_sarcasm_do_not_fit_a_tweet(game, message, note):
    played = game()
    played.play(message, "/end")
    tone = played.criteria()["tone"]
    assert tone["score"] < 100
    assert any(note in e["note"] and not e["good"] for e in tone["evidence"]), tone["evidence"]


# ── public first, then private ───────────────────────────────────────────────────────────


def test_asking_for_her_booking_number_in_public_is_wrong_inviting_her_to_dm_first_is_right(game):
    public, private = game(), game()
    public.play("Daniela, what is your booking number?", "/end")
    private.play("Daniela, could you send us a DM? Then I'll ask for your booking number there.", "/end")
    asked = public.criteria()["private_first"]
    assert asked["score"] == 0
    assert asked["evidence"] == [
        {"turn": 1, "quote": "Daniela, what is your booking number?",
         "note": "asks for the booking number in public", "good": False},
    ]
    moved = private.criteria()["private_first"]
    assert moved["score"] == 100 and moved["evidence"][0]["note"] == "offers to continue in private"


def test_offering_a_dm_only_after_asking_in_public_is_late(game):
    played = game()
    played.play("Can you share your phone number and e-mail address?", "Or DM us if you prefer.", "/end")
    late = played.criteria()["private_first"]
    assert late["score"] == 30
    assert [e["good"] for e in late["evidence"]] == [False, True]


def test_the_move_to_private_does_not_apply_when_nothing_is_asked_or_the_channel_is_private(game, variant):
    quiet = game()
    quiet.play(SORRY, "/end")
    assert quiet.criteria()["private_first"]["score"] is None

    def private(raw):
        raw["channel"], raw["audience"] = "dm", "private"

    in_dm = game(variant(private))
    in_dm.play("Daniela, what is your booking number?", "/end")
    assert in_dm.criteria()["private_first"]["score"] is None


# ── personal: hers, not someone else's ──────────────────────────────────────────────────


def test_someone_elses_name_or_booking_costs_the_personal_score(game):
    hers, someone_else = game(), game()
    hers.play("Hi Daniela, I see booking K7Q2XD here.", "/end")
    someone_else.play("Hi Daniela, I see booking K7Q2XD here.", "Dear Mrs Jansen, booking ZZ9P4Q is confirmed.", "/end")
    assert hers.criteria()["personal"]["score"] == 100
    personal = someone_else.criteria()["personal"]
    assert personal["score"] == 0
    notes = [e["note"] for e in personal["evidence"] if not e["good"]]
    assert notes == ["'Jansen' is not Daniela: someone else's letter?",
                     "'ZZ9P4Q' is not Daniela's booking: someone else's details"]


def test_the_same_sentence_reused_is_a_template(game):
    played = game()
    line = "We are looking into the seats you booked for your flight."
    played.play(f"Daniela, sorry. {line}", f"Thanks for waiting. {line}", "/end")
    own_words = played.criteria()["own_words"]
    assert any(e["note"] == "the same sentence as in turn 1" and e["turn"] == 2 for e in own_words["evidence"])
    assert own_words["score"] < 100


# ── plumber: a mandate ───────────────────────────────────────────────────────────────────


def test_saying_you_cannot_help_and_handing_it_to_no_one_fails_the_escalation(game):
    stuck, handed = game(), game()
    stuck.play("Daniela, I'm sorry, there is nothing I can do about the seats.", "/end")
    handed.play("Daniela, I'm sorry, there is nothing I can do about the seats myself.", "/do escalate", "/end")
    assert stuck.criteria()["escalates"]["score"] == 0
    assert stuck.criteria()["escalates"]["evidence"][0]["note"] == (
        "said you could not do it ('nothing i can do'), and handed it to no one"
    )
    assert handed.criteria()["escalates"]["score"] == 100


# ── imported transcripts, scored with a generic rubric ───────────────────────────────────


def generic_scenario(language: str = "en"):
    """What `webcare score` scores an imported conversation with: a customer, a channel, and no case."""
    from trainer.scenario.models import Scenario

    return Scenario.model_validate({
        "format": 1, "id": "imported", "title": "Imported", "teaser": "-", "language": language,
        "channel": "twitter", "audience": "public", "difficulty": "medium", "briefing": "-",
        "customer": {"name": "Sanne de Vries", "handle": "@sanne_dv", "persona": "-", "mood": 40, "patience": 5},
        "start": "talk", "states": {"talk": {"lines": ["-"]}},
        "outcomes": {"done": {"kind": "resolved", "summary": "-"}}, "when_patience_runs_out": "done",
    })


def imported(language: str, *lines: tuple[str, str], seconds: float = -1) -> list:
    """A conversation as an importer writes it: her lines and the agent's, times unknown by default."""
    events: list = [SessionStarted(0, "imported", language, 0, 40, 5)]
    turn = 0
    for who, text in lines:
        if who == "her":
            events.append(CustomerMessage(turn, text, "talk", 40))
        else:
            turn += 1
            events.append(TraineeMessage(turn, text, seconds))
    return events


CONVERSATION = (
    ("her", "@Skyblue My suitcase never arrived in Lisbon. When will I get it back?"),
    ("agent", "Hi Sanne, I'm sorry, that is a rotten start of a holiday. Which flight were you on?"),
    ("her", "SB 204 yesterday. And why did nobody tell me at the belt?"),
    ("agent", "I'll check the baggage trace now and DM you before 5 pm today."),
)


def test_an_imported_conversation_scores_only_what_needs_no_case(legroom):
    card = score(imported("en", *CONVERSATION), generic_scenario()).to_dict()
    criteria = {c["id"]: c for t in card["trades"].values() for c in t["criteria"]}
    for cid in ("key_facts", "nothing_untrue", "improves", "escalates", "closes_loop", "prompt"):
        assert criteria[cid]["score"] is None, cid
    # without a back office or a rubric: asked before concluding, a concrete step (half), a reason (half)
    for cid in ("checks_first", "fitting_resolution", "explains_why"):
        assert criteria[cid]["score"] is not None, cid
    assert criteria["personal"]["score"] == 100  # her name, and there are no case details to expect
    assert criteria["acknowledges"]["score"] == 100
    assert criteria["asks"]["score"] == 100
    assert criteria["owns_next_step"]["score"] == 100
    assert all(0 <= card["trades"][t]["score"] <= 100 for t in TRADES)


def test_her_own_questions_are_tracked_when_the_rubric_lists_none():
    card = score(imported("en", *CONVERSATION), generic_scenario()).to_dict()
    answers = next(c for c in card["trades"]["detective"]["criteria"] if c["id"] == "answers_questions")
    assert answers["score"] == 50
    assert [(e["turn"], e["note"], e["good"]) for e in answers["evidence"]] == [
        (2, "answers “When will I get it back?”", True),
        (2, "Sanne had asked “And why did nobody tell me at the belt?” — never answered", False),
    ]
    assert answers["tip"] == "Answer Sanne's question: “And why did nobody tell me at the belt?”"


def test_a_why_is_answered_by_a_reason_and_a_dutch_question_in_dutch():
    nl = (
        ("her", "Mijn koffer is niet aangekomen. Waarom heeft niemand me iets gezegd?"),
        ("agent", "Sorry Sanne, dat is echt balen. Dat kwam doordat de koffer in Amsterdam is blijven staan."),
    )
    card = score(imported("nl", *nl), generic_scenario("nl")).to_dict()
    answers = next(c for c in card["trades"]["detective"]["criteria"] if c["id"] == "answers_questions")
    assert answers["title"] == "Beantwoordt elke vraag die de klant stelde"
    assert answers["score"] == 100
    assert answers["evidence"][0]["note"] == "beantwoordt “Waarom heeft niemand me iets gezegd?”"


def test_unknown_reply_times_are_ignored_and_known_ones_still_count():
    events = imported("en", *CONVERSATION)
    events[2] = TraineeMessage(1, CONVERSATION[1][1], 600.0)  # one time is known: ten minutes
    card = score(events, generic_scenario()).to_dict()
    prompt = next(c for c in card["trades"]["facilitator"]["criteria"] if c["id"] == "prompt")
    assert prompt["score"] == 0
    assert prompt["evidence"][0]["note"] == "Sanne waited 10 min"
