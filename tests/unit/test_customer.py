"""The scripted customer says the scenario's own lines: varied, filled in, and in the mood she is in."""

from __future__ import annotations

import pytest

from trainer.customers import ScriptedCustomer
from trainer.engine.cue import Cue, lines_for
from trainer.engine.events import CustomerMessage
from trainer.scenario.text import fill

THREE = ("First {first_name}.", "Second on {flight}.", "Third from {handle}.")


def cue(lines: tuple[str, ...], mood: int = 50, band: str = "upset") -> Cue:
    return Cue(turn=1, state="telling", mood=mood, band=band, lines=lines)


# ── variety ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("seed", range(5))
def test_she_never_repeats_a_line_verbatim_while_variants_remain(legroom, seed):
    customer = ScriptedCustomer(legroom, seed)
    said = [customer.write(cue(THREE)) for _ in range(3)]
    assert sorted(said) == ["First Daniela.", "Second on SB 765.", "Third from @dani_maduro."]


def test_once_every_variant_is_used_she_may_repeat_one(legroom):
    customer = ScriptedCustomer(legroom, 0)
    said = [customer.write(cue(THREE)) for _ in range(4)]
    assert len(set(said)) == 3
    assert said[3] in said[:3]


def test_lines_she_said_in_an_earlier_cue_are_avoided_in_the_next(legroom):
    customer = ScriptedCustomer(legroom, 0)
    first = customer.write(cue(("Why?", "WHY?")))
    assert customer.write(cue(("Why?", "WHY?", "Hello?"))) != first


def test_the_same_seed_picks_the_same_lines(legroom):
    one, two = ScriptedCustomer(legroom, 3), ScriptedCustomer(legroom, 3)
    assert [one.write(cue(THREE)) for _ in range(3)] == [two.write(cue(THREE)) for _ in range(3)]


def test_different_seeds_pick_different_lines_first(legroom):
    firsts = {ScriptedCustomer(legroom, seed).write(cue(THREE)) for seed in range(20)}
    assert len(firsts) > 1


def test_with_a_single_line_she_says_it_every_time(legroom):
    customer = ScriptedCustomer(legroom, 0)
    assert [customer.write(cue(("And the {price_total}?",))) for _ in range(2)] == ["And the €160?"] * 2


# ── placeholders ─────────────────────────────────────────────────────────────────────────


def test_placeholders_are_filled_from_her_name_handle_and_the_details(legroom):
    customer = ScriptedCustomer(legroom, 0)
    line = "{airline} I'm {name} ({first_name}, {handle}): {seats} on {flight}, paid {price_total}."
    assert customer.write(cue((line,))) == (
        "@SkyblueAir I'm Daniela Maduro (Daniela, @dani_maduro): 14A and 14C on SB 765, paid €160."
    )


def test_an_unknown_placeholder_stays_visible(legroom):
    assert ScriptedCustomer(legroom, 0).write(cue(("Gate {gate}, {flight}.",))) == "Gate {gate}, SB 765."


def test_her_line_is_trimmed(legroom):
    assert ScriptedCustomer(legroom, 0).write(cue(("  Hello?\n",))) == "Hello?"


def test_with_nothing_to_say_she_writes_an_ellipsis(legroom):
    assert ScriptedCustomer(legroom, 0).write(cue(())) == "…"


# ── mood bands: own band, then `any`, then the nearest band ─────────────────────────────


def test_lines_for_her_own_band_come_first():
    lines = {"angry": ("grr",), "any": ("hm",), "upset": ("sigh",)}
    assert lines_for(lines, "angry") == ("grr",)


def test_without_lines_for_her_band_she_uses_any():
    lines = {"furious": ("GRR",), "any": ("hm",)}
    assert lines_for(lines, "angry") == ("hm",)


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("furious", ("grr",)),  # angry is one band up
        ("upset", ("grr",)),  # angry one down, happy two up
        ("calm", ("yay",)),  # happy one up, angry two down
        ("happy", ("yay",)),
    ],
)
def test_without_her_band_or_any_she_uses_the_nearest_band(band, expected):
    assert lines_for({"angry": ("grr",), "happy": ("yay",)}, band) == expected


def test_with_no_lines_at_all_there_is_nothing_to_say():
    assert lines_for({}, "calm") == ()
    assert lines_for({"calm": ()}, "calm") == ()


def test_a_furious_customer_opens_with_her_furious_line(game, variant):
    def furious(raw):
        raw["customer"]["mood"] = 10

    played = game(variant(furious))
    [opening] = played.opening
    assert opening.text == (
        "@SkyblueAir Paid €80 each for extra legroom on SB 765. Confirmed TWICE. "
        "On board: no such seats. Two phone calls, one robot tweet. Anyone home?"
    )


def test_an_angry_customer_opens_with_one_of_the_lines_for_any_mood(game, legroom):
    any_mood = {fill(line, legroom.placeholders()) for line in legroom.states["complaint"].lines["any"]}
    assert len(any_mood) == 2
    openings = [game(seed=seed).opening[0] for seed in range(6)]
    assert {o.mood for o in openings} == {30}  # angry, and `complaint` has no angry lines
    assert {o.text for o in openings} <= any_mood


def test_a_calm_customer_tells_her_story_in_her_calm_words(game, variant):
    def calmer(raw):
        raw["customer"]["mood"] = 60

    played = game(variant(calmer))
    played.play("I'm so sorry about the legroom.")  # 60 + 10: calm
    assert played.her_last_line() == (
        "Thank you for actually asking. Ruben has a bad knee, that's why we paid for 14A and 14C. "
        "Confirmed twice, then 31B and 31C. I just want to know why."
    )


def test_an_upset_customer_insulted_by_a_voucher_uses_the_nearest_band_angry(game, variant):
    def calmer(raw):
        raw["customer"]["mood"] = 60

    played = game(variant(calmer))
    played.play("/do voucher 50")  # 60 - 20 = 40: upset; `insulted` has only angry and furious lines
    [line] = played.of(CustomerMessage)[1:]
    assert (line.mood, line.state) == (40, "insulted")
    assert line.text.startswith("A voucher? We paid €160 for seats you never gave us")
