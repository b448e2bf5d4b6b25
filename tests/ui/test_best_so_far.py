"""The picker's "best so far" is the trainee's best attempt, whole: never one trade's best from one attempt beside
another trade's from another."""

from __future__ import annotations

import dataclasses

from tests.ui.campaign_steps import seed
from tests.ui.conftest import SIZE
from trainer.store import open_store


async def test_best_so_far_is_the_attempt_with_the_best_total(app_factory, own_session_store):
    store = open_store(str(own_session_store))
    for number, scores in enumerate(((95, 10, 10), (30, 85, 80))):  # warm but useless; cold but effective
        session = store.load(seed(store, "someone", "mediocre", "practice", "2025-03-08", number=number))
        row = dataclasses.replace(session.row, id=f"anna-{number}", trainee="anna",
                                  scores=dict(zip(("facilitator", "detective", "plumber"), scores)))
        store.put(dataclasses.replace(session, row=row))
    store.close()
    app = app_factory(trainee="anna")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        best = str(app.screen.query_one("#picker-best").render())
        assert "Facilitator 30 · Detective 85 · Plumber 80" in best, best
