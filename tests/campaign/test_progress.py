"""A trainee's way through the onboarding curriculum, worked out from their sessions at explicit times."""

from __future__ import annotations

from tests.campaign.story import at, row, test_row
from trainer.campaign.library import find_curriculum
from trainer.campaign.progress import progress

EN = find_curriculum("onboarding-en")
NL = find_curriculum("onboarding-nl")


def test_a_new_trainee_starts_at_module_one_with_everything_else_locked():
    p = progress(EN, [], now=at(0), trainee="anna")
    first, *rest = p.modules
    assert first.unlocked and not first.passed and first.attempts == 0
    assert (first.next_mode, first.next_scenario) == ("practice", "public-details-en")
    assert not any(m.unlocked for m in rest) and all(m.next_mode is None for m in rest)
    assert p.current is first and p.streak_days == 0 and p.badges == ()
    assert p.next_step() == ("Practise 'A booking code for all to see' (module 1, Protect the customer first): "
                             "hints are allowed.")


def test_fail_the_test_practise_pass_and_the_next_module_unlocks():
    rows = [row("public-details-en", at(0), (73, 80, 50))]  # practised once, with hints
    p = progress(EN, rows, now=at(0, 1))
    assert p.current.practised and p.current.next_mode == "test"
    assert p.next_step().startswith("Take the test of 'Protect the customer first'")
    assert "facilitator 75 · detective 60 · plumber 60" in p.next_step()

    rows.append(test_row("protect-first", at(0, 2), (55, 70, 58)))  # the test: facilitator too low
    p = progress(EN, rows, now=at(0, 3))
    m = p.current
    assert m.module.id == "protect-first" and m.tests == 1 and not m.passed
    assert m.next_mode == "practice" and m.test_open_at == "2026-03-03T11:00:00Z"  # one attempt per 24 hours
    assert p.next_step() == ("The next test of 'Protect the customer first' opens on 2026-03-03 at 11:00 UTC; "
                             "practise 'A booking code for all to see' meanwhile.")
    assert not p.modules[1].unlocked

    rows.append(row("public-details-en", at(0, 5), (90, 92, 88)))  # practises what the test showed
    assert progress(EN, rows, now=at(0, 6)).current.next_mode == "practice"  # the window is still closed
    p = progress(EN, rows, now=at(1, 2, ))
    assert p.current.next_mode == "test" and p.current.test_open_at is None

    rows.append(test_row("protect-first", at(1, 3), (96, 100, 92)))
    p = progress(EN, rows, now=at(1, 4))
    first, second = p.modules[:2]
    assert first.passed and first.passed_with == {"facilitator": 96, "detective": 100, "plumber": 92}
    assert first.next_mode is None and first.attempts == 4 and first.tests == 2
    assert first.best == {"facilitator": 96, "detective": 100, "plumber": 92}
    assert first.latest == {"facilitator": 96, "detective": 100, "plumber": 92}
    assert second.unlocked and p.current is second
    assert (second.next_mode, second.next_scenario) == ("practice", "legroom-en")
    assert not p.modules[2].unlocked


def test_a_retake_needs_practice_after_the_failed_test_even_without_a_window():
    quick = EN.model_copy(update={"test_window_hours": 0})
    rows = [row("public-details-en", at(0), (80, 80, 80)),
            test_row("protect-first", at(0, 1), (60, 60, 60))]
    p = progress(quick, rows, now=at(0, 1, ))
    assert p.current.test_open_at is None and p.current.next_mode == "practice"
    assert p.next_step().startswith("You did not pass the test of 'Protect the customer first' yet")
    rows.append(row("public-details-en", at(0, 2), (85, 85, 85)))
    assert progress(quick, rows, now=at(0, 3)).current.next_mode == "test"


def test_only_a_tagged_test_counts_free_play_in_test_mode_is_practice():
    rows = [row("public-details-en", at(0), (100, 100, 100), mode="test")]  # `webcare play --test`, no curriculum
    p = progress(EN, rows, now=at(0, 1))
    assert not p.modules[0].passed and p.modules[0].practised and p.modules[0].tests == 0
    other = [test_row("protect-first", at(0), (100, 100, 100), curriculum="onboarding-nl")]
    assert not progress(EN, other, now=at(0, 1)).modules[0].passed


def test_an_abandoned_or_unfinished_test_uses_up_the_attempt_window_but_passes_nothing():
    rows = [row("public-details-en", at(0), (80, 80, 80)), test_row("protect-first", at(0, 1), None)]
    m = progress(EN, rows, now=at(0, 2)).current
    assert m.tests == 1 and not m.passed and m.test_open_at == "2026-03-03T10:00:00Z"


def test_a_module_without_practice_first_opens_its_test_straight_away():
    module = EN.modules[0].model_copy(update={"practice_first": False})
    direct = EN.model_copy(update={"modules": (module, *EN.modules[1:])})
    assert progress(direct, [], now=at(0)).current.next_mode == "test"


def test_the_streak_counts_days_in_a_row_up_to_today_and_breaks_on_a_missed_day():
    rows = [row("legroom-en", at(0), (50, 50, 50)), row("legroom-en", at(1, 8), (60, 60, 60)),
            row("public-details-en", at(2, 1), (70, 70, 70)), row("legroom-en", at(2, 3), (70, 70, 70))]
    assert progress(EN, rows, now=at(2, 10)).streak_days == 3
    assert progress(EN, rows, now=at(3, 1)).streak_days == 3  # today's case is still to come
    assert progress(EN, rows, now=at(4, 1)).streak_days == 0  # a whole day missed
    unfinished = rows + [row("legroom-en", at(3, 1), None), row("legroom-en", at(4, 1), (0, 0, 0),
                                                                 outcome="abandoned")]
    assert progress(EN, unfinished, now=at(4, 2)).streak_days == 0  # starting without finishing is no practice
    assert progress(EN, [row("legroom-en", at(-1, 23), (1, 1, 1), minutes=90)], now=at(0)).streak_days == 1


def test_the_series_per_trade_is_the_curriculums_scores_oldest_first():
    rows = [row("legroom-en", at(1), (60, 40, 20)), row("public-details-en", at(0), (50, 30, 10)),
            row("legroom-nl", at(2), (99, 99, 99)),  # another curriculum's case
            row("legroom-en", at(3), None)]
    p = progress(EN, rows, now=at(3))
    assert p.series == {"facilitator": (50, 60), "detective": (30, 40), "plumber": (10, 20)}


def test_the_dutch_curriculum_speaks_dutch():
    p = progress(NL, [], now=at(0), trainee="bram")
    assert p.next_step() == ("Oefen 'Een boekingscode voor iedereen' (module 1, Bescherm eerst de klant): "
                             "hints mogen.")
    rows = [row("public-details-nl", at(0), (80, 80, 80)), test_row("protect-first", at(0, 1), (10, 10, 10),
                                                                    curriculum="onboarding-nl")]
    assert "gaat open op 2026-03-03 om 10:00 UTC" in progress(NL, rows, now=at(0, 2)).next_step()


def test_when_every_module_is_passed_the_next_step_is_the_certificate():
    rows = []
    for i, module in enumerate(EN.modules):
        rows.append(row(module.test_scenario, at(i), (90, 90, 90)))
        rows.append(test_row(module.id, at(i, 1), (100, 100, 100)))
    p = progress(EN, rows, now=at(9))
    assert p.passed and p.current is None
    assert p.next_step() == "You passed every module of 'Webcare onboarding'. Ask your coach for your certificate."


def test_best_so_far_is_one_attempt_never_trades_from_different_attempts():
    rows = [row("public-details-en", at(0), (95, 10, 10)),  # warm and useless
            row("public-details-en", at(0, 1), (30, 85, 80))]  # cold but effective
    first = progress(EN, rows, now=at(0, 2)).modules[0]
    assert first.best == {"facilitator": 30, "detective": 85, "plumber": 80}
