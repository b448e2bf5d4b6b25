"""A trainee types fast and sloppily: case, accents and a slip of the finger must not cost her the point,
but a different word must not count as a typo."""

from __future__ import annotations

import pytest

from trainer.engine.intents import Recogniser
from trainer.meaning.matching import compile_pattern, matches_any, normalize, word_matches, words


def fits(pattern: str, text: str) -> bool:
    return compile_pattern(pattern).matches(words(text))


# ── normalisation ────────────────────────────────────────────────────────────────────────


def test_normalising_lowers_the_case_strips_accents_and_drops_apostrophes():
    assert normalize("Café DIDN'T") == "cafe didnt"
    assert normalize("Wát vervelend, één keer") == "wat vervelend, een keer"
    assert normalize("I\u2019ll") == "ill"


def test_words_are_lower_case_letters_and_digits_split_on_everything_else():
    assert words("Hello, Wörld! It's seat 14A — e-mail…") == (
        "hello", "world", "its", "seat", "14a", "e", "mail",
    )
    assert words("") == ()
    assert words("?!… —") == ()


# ── case, accents and typos ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("legroom", "LEGROOM"),
        ("café", "cafe"),
        ("cafe", "Café"),
        ("privébericht*", "stuur een privebericht"),
        ("didn't", "didnt"),
    ],
)
def test_case_and_accents_do_not_matter(pattern, text):
    assert fits(pattern, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("legroom", "sorry about the legrom"),  # a letter left out
        ("sorry", "sory"),
        ("seat", "your seta"),  # two letters swapped count as one slip
        ("knee", "his kneee"),  # a letter doubled
        ("customer", "dear cutsomer"),
        ("aircraft change", "an aircarft change"),
    ],
)
def test_one_small_typo_in_a_word_of_four_letters_or_more_still_matches(pattern, text):
    assert fits(pattern, text)


def test_words_of_ten_letters_or_more_may_have_two_typos_shorter_ones_only_one():
    assert word_matches("inconvenience", "inconvenianse")  # 13 letters, two slips
    assert not word_matches("legroom", "legrrum")  # 7 letters, two slips


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        ("dm", "dn"),
        ("ill", "all"),
        ("emd", "end"),
        ("ten", "tan"),
    ],
)
def test_short_words_need_an_exact_match(pattern, word):
    assert not word_matches(pattern, word)
    assert word_matches(pattern, pattern)


def test_a_short_word_in_the_message_is_not_taken_for_a_typo_of_a_longer_one():
    assert not word_matches("seat", "set")
    assert not fits("ten hours", "tne hours")


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        ("seat", "heat"),  # a typo keeps the start of the word
        ("legroom", "lgeroom"),
        ("understand", "misunderstand"),  # another word, not a slip
        ("stoel", "stoelen"),  # two letters longer: use `stoel*`
    ],
)
def test_a_different_word_is_not_a_typo(pattern, word):
    assert not word_matches(pattern, word)


# ── phrases, `a + b` and `apolog*` ───────────────────────────────────────────────────────


def test_a_plus_b_needs_both_parts_anywhere_in_the_message_in_any_order():
    assert fits("sorry + seat", "I'm so sorry about your seat.")
    assert fits("sorry + seat", "Your seat: I am sorry.")
    assert not fits("sorry + seat", "I'm so sorry.")
    assert not fits("sorry + seat", "About your seat.")


def test_a_phrase_needs_its_words_together_and_in_order():
    assert fits("must have been", "That must have been awful.")
    assert not fits("must have been", "That must surely have been awful.")
    assert not fits("must have been", "Been there, must have done that.")


@pytest.mark.parametrize("word", ["apologise", "apologize", "APOLOGIES", "apology", "apoligise"])
def test_a_star_matches_any_ending_and_forgives_a_slip_in_a_long_stem(word):
    assert fits("apolog*", f"We {word}.")


def test_a_star_does_not_match_a_word_that_only_contains_the_stem():
    assert not fits("apolog*", "a mere pology")
    assert not fits("refund*", "nonrefundable")


def test_a_star_on_a_short_stem_needs_the_exact_start():
    assert fits("dm*", "check your DMs")
    assert not fits("dm*", "check your dn")


def test_the_first_pattern_that_matches_is_the_one_reported():
    text = words("So sorry about your seat.")
    assert matches_any(("voucher", "sorry + seat", "seat"), text) == "sorry + seat"
    assert matches_any(("voucher", "refund*"), text) is None


def test_a_pattern_of_only_punctuation_never_matches():
    assert compile_pattern(" + -- ").phrases == ()
    assert matches_any((" + ", "--"), words("anything at all")) is None


# ── intents of the English scenario ──────────────────────────────────────────────────────


def test_every_intent_in_a_message_is_recognised_in_the_scenarios_order(legroom):
    recognise = Recogniser(legroom.intents, legroom.language)
    assert recognise.recognise("I'll DM you by Friday.") == ("move_to_dm", "promise_followup")
    assert recognise.recognise("sory about the legrom") == ("acknowledge_harm",)
    assert recognise.recognise("What a lovely day.") == ()


def test_an_intent_the_facts_contradict_is_marked_wrong(legroom):
    recognise = Recogniser(legroom.intents, legroom.language)
    found = recognise.recognise("Thanks for your email")
    assert found == ("thank_for_email",)
    assert recognise.wrong(found) == ("thank_for_email",)
    assert recognise.wrong(("acknowledge_harm",)) == ()


# ── Dutch ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("excus* + beenruimte", "Excuses voor de beenruimte"),
        ("wat vervelend", "Wát vervelend!"),
        ("stoel*", "uw stoelen"),
        ("betaal", "u heeft betaald"),  # one letter more is a slip
        ("privébericht*", "stuur ons een privéberichtje"),
        ("onze fout", "Dat was ONZE fout."),
    ],
)
def test_dutch_phrases_match_like_english_ones(pattern, text):
    assert fits(pattern, text)


def test_dutch_short_words_and_other_words_do_not_match():
    assert not fits("stoel", "uw stoelen")
    assert not fits("een pb", "een pc")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Wat vervelend dat je stoelen weg waren.", "acknowledge_harm"),
        ("Excuses voor de knie van Ruben.", "acknowledge_harm"),
        ("Kun je me vertellen wat er is gebeurd?", "ask_what_happened"),
        ("Het was onze fout.", "admit_fault"),
        ("Stuur ons een DM.", "move_to_dm"),
    ],
)
def test_the_dutch_scenario_recognises_dutch_messages(legroom_nl, text, intent):
    assert intent in Recogniser(legroom_nl.intents, legroom_nl.language).recognise(text)


def test_thanking_for_a_mail_is_wrong_in_dutch_too(legroom_nl):
    recognise = Recogniser(legroom_nl.intents, legroom_nl.language)
    found = recognise.recognise("Bedankt voor je mail")
    assert "thank_for_email" in recognise.wrong(found)
