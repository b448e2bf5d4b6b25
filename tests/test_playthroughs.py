"""Every built-in scenario's playthroughs play as pinned: outcome, score ranges, and the order of quality."""

from __future__ import annotations

import pytest
from conftest import SCENARIOS

from scoring import TRADES
from trainer.playthrough import order_failures, run_playthrough
from trainer.scenario.library import load_library

LIBRARY = load_library([SCENARIOS])
CASES = [(s, p) for s in LIBRARY.scenarios for p in s.playthroughs]


class _Played(dict):
    """Each playthrough played once, when a test first asks for it: a test process plays only the cases its
    tests need (collection in every process stays cheap)."""

    def __missing__(self, key: tuple[str, str]):
        scenario = LIBRARY.get(key[0])
        self[key] = result = run_playthrough(scenario, next(p for p in scenario.playthroughs if p.name == key[1]))
        return result


RESULTS = _Played()


def test_the_library_loads_without_errors():
    errors = [str(p) for p in LIBRARY.problems if p.severity == "error"]
    assert errors == []
    assert {"legroom-en", "legroom-nl"} <= {s.id for s in LIBRARY.scenarios}


def test_the_library_is_lint_clean_and_every_intent_example_is_recognised():
    from trainer.authoring.quotes import unearned_quotes
    from trainer.engine.intents import Recogniser

    linted = load_library([SCENARIOS], recognise=lambda s, text: Recogniser(s.intents, s.language).recognise(text))
    assert [str(p) for p in linted.problems] == []
    assert [str(p) for s in linted.scenarios for p in unearned_quotes(s)] == [], "she quotes what was not written"


@pytest.mark.parametrize(("scenario", "playthrough"), CASES, ids=[f"{s.id}:{p.name}" for s, p in CASES])
def test_playthrough_meets_its_expectation(scenario, playthrough):
    result = RESULTS[(scenario.id, playthrough.name)]
    assert result.failures == []
    assert result.unplayed == [], "the conversation ended before the script did"


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=[s.id for s in LIBRARY.scenarios])
def test_the_scorer_ranks_the_plays_as_the_coach_did(scenario):
    assert order_failures([RESULTS[(scenario.id, p.name)] for p in scenario.playthroughs]) == []


POOR = ("poor", "copy-paste")
"""The name of a scenario's poor playthrough (the legroom case's is the copy-paste e-mail)."""


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=[s.id for s in LIBRARY.scenarios])
def test_exemplary_beats_mediocre_beats_poor_on_every_trade(scenario):
    names = {p.name for p in scenario.playthroughs}
    poor = next((n for n in POOR if n in names), None)
    assert {"exemplary", "mediocre"} <= names and poor, "every scenario has an exemplary, mediocre and poor playthrough"
    cards = [RESULTS[(scenario.id, name)].scorecard for name in ("exemplary", "mediocre", poor)]
    for trade in TRADES:
        scores = [card.trades[trade].score for card in cards]
        assert scores[0] > scores[1] > scores[2], f"{trade}: {scores}"


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=[s.id for s in LIBRARY.scenarios])
def test_every_state_and_every_outcome_is_reached_by_some_playthrough(scenario):
    from trainer.engine.events import CustomerMessage, StateChanged

    reached = {scenario.start}
    for playthrough in scenario.playthroughs:
        for event in RESULTS[(scenario.id, playthrough.name)].events:
            if isinstance(event, StateChanged):
                reached.add(event.dest)
            elif isinstance(event, CustomerMessage):
                reached.add(event.state)
    outcomes = {RESULTS[(scenario.id, p.name)].scorecard.outcome for p in scenario.playthroughs}
    assert sorted(set(scenario.states) - reached) == [], "states no playthrough reaches"
    assert sorted(set(scenario.outcomes) - outcomes) == [], "outcomes no playthrough reaches"


@pytest.mark.parametrize("scenario_id", ["legroom-en", "legroom-nl"])
def test_the_copy_paste_reply_is_caught_in_its_own_words(scenario_id):
    scenario = LIBRARY.get(scenario_id)
    copy_paste = next(p for p in scenario.playthroughs if p.name == "copy-paste")
    card = run_playthrough(scenario, copy_paste).scorecard.to_dict()
    criteria = {c["id"]: c for t in card["trades"].values() for c in t["criteria"]}
    untrue = criteria["nothing_untrue"]["evidence"]
    assert untrue and all(e["quote"].rstrip("…") in " ".join(copy_paste.trainee) for e in untrue)
    voucher = [e for e in criteria["fitting_resolution"]["evidence"] if e.get("action", "").startswith("voucher")]
    assert voucher and not voucher[0]["good"]
    assert card["outcome"] in {o for o, v in scenario.outcomes.items() if v.kind == "went_public"}


def test_a_playthrough_that_reaches_its_outcome_with_moves_left_says_where_it_ended_and_what_to_remove():
    scenario = next(s for s, _ in CASES if s.id == "legroom-en")
    exemplary = next(p for p in scenario.playthroughs if p.name == "exemplary")
    longer = exemplary.model_copy(update={"trainee": [*exemplary.trainee, "Anything else I can do?", "/end"]})
    result = run_playthrough(scenario, longer)
    total, played = len(longer.trainee), len(exemplary.trainee)
    said = f"it ended at move {played} of {total}, {exemplary.expect.outcome} as expected: remove the 2 moves"
    assert result.failures == [f"{said} after it (from 'Anything else I can do?')"]
