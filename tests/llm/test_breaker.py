"""The breaker behind the live customer: after a fault one try, after a failed try a rest that grows, and a
success closes it again. Counted in lines, so a session's requests stay bounded however fast it is played."""

from __future__ import annotations

from trainer.llm.breaker import Breaker


def lines_asked(breaker: Breaker, outcomes: list[bool], lines: int) -> list[int]:
    """The lines on which the model is asked; each ask fails or succeeds as `outcomes` says, in turn."""
    asked, results = [], iter(outcomes)
    for line in range(lines):
        if breaker.allow():
            asked.append(line)
            if next(results, False):
                breaker.succeeded()
            else:
                breaker.failed()
    return asked


def test_a_model_that_keeps_failing_is_asked_less_and_less_often_up_to_the_longest_rest():
    assert lines_asked(Breaker(rest=3, longest=12), [], 60) == [0, 1, 5, 12, 25, 38, 51]


def test_an_endpoint_that_is_gone_rests_at_once_without_a_single_try_first():
    breaker = Breaker(rest=3)
    breaker.failed(gone=True)
    assert [breaker.allow() for _ in range(4)] == [False, False, False, True] and breaker.trial


def test_a_success_closes_it_and_the_next_fault_starts_from_a_short_rest_again():
    breaker = Breaker(rest=3, longest=12)
    # fails at 0, 1 (rest 3) and 5 (rest 6); back at 12; fails at 13, its try at 14 (rest 3), 18 (rest 6), …
    assert lines_asked(breaker, [False, False, False, True], 30) == [0, 1, 5, 12, 13, 14, 18, 25]
