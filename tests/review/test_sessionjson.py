"""Sessions exported as JSON on one machine import into another store unchanged, once, and without secrets."""

from __future__ import annotations

import json

import pytest

from trainer.playthrough import run_playthrough
from trainer.review.sessionjson import SessionFileError, session_from_dict, session_to_dict
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


def _stored(store):
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[1])
    session_id = store.begin(trainee="anna", scenario=LEGROOM, manifest={"model": "m", "api_key": "sk-SENTINEL"})
    store.record(session_id, result.events, 0)
    store.finish(session_id, result.scorecard.to_dict())
    store.add_note(session_id, "ask why first", author="kim", turn=3)
    store.override(session_id, "plumber", 10, reason="refund without reason", author="kim")
    return store.load(session_id)


def test_a_session_travels_between_stores_and_a_second_import_changes_nothing(db_url, tmp_path):
    home = open_store(str(tmp_path / "laptop.db"))
    original = _stored(home)
    text = json.dumps(session_to_dict(original))
    assert "sk-SENTINEL" not in text and "api_key" not in text
    classroom = open_store(db_url)
    assert classroom.put(session_from_dict(json.loads(text))) is True
    assert classroom.put(session_from_dict(json.loads(text))) is False
    back = classroom.load(original.row.id)
    assert back.events == original.events and back.scorecard == original.scorecard
    assert back.notes == original.notes and back.overrides == original.overrides
    assert back.row == original.row
    classroom.close()


@pytest.mark.parametrize(("data", "message"), [
    ([], "not a Webcare session"),
    ({"format": "webcare-session", "version": 99}, "newer than this"),
    ({"format": "webcare-session", "version": 1, "id": "x"}, "missing scenario, language, trainee, events, started_at"),
    ({"format": "webcare-session", "version": 1, "id": "x", "trainee": "a", "scenario": "s", "language": "en",
      "started_at": "2026-01-05", "events": [{"kind": "nonsense"}]}, r"events\[0\].kind: unknown event kind 'nonsense'"),
])
def test_a_broken_session_file_says_what_is_wrong(data, message):
    with pytest.raises(SessionFileError, match=message):
        session_from_dict(data, "f.json")
