"""A coach exports many sessions into a folder, and reads a long history: a file per session, every one visible
and inside the folder, and a history whose lines stay lines."""

from __future__ import annotations

import copy

import pytest

from trainer.cli import main
from trainer.playthrough import run_playthrough
from trainer.review.sessionjson import session_from_dict, session_to_dict
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


@pytest.fixture(scope="module")
def played(tmp_path_factory) -> dict:
    store = open_store(str(tmp_path_factory.mktemp("laptop") / "laptop.db"))
    result = run_playthrough(LEGROOM, LEGROOM.playthroughs[1])
    session_id = store.begin(trainee="anna", scenario=LEGROOM)
    store.record(session_id, result.events, 0)
    store.finish(session_id, result.scorecard.to_dict())
    data = session_to_dict(store.load(session_id))
    store.close()
    return data


def _store_with(tmp_path, played: dict, *changes: dict) -> str:
    (tmp_path / "db").mkdir(exist_ok=True)
    db = str(tmp_path / "db" / "class.db")
    store = open_store(db)
    for change in changes:
        data = copy.deepcopy(played)
        data.update(change)
        store.put(session_from_dict(data))
    store.close()
    return db


def _export(db: str, folder, kind: str = "markdown") -> list[str]:
    assert main(["export", "--db", db, "--format", kind, "-o", str(folder)]) == 0
    return sorted(p.name for p in folder.iterdir())


def test_two_sessions_whose_ids_share_a_prefix_give_two_files(played, tmp_path, capsys):
    db = _store_with(tmp_path, played, {"id": "3f2a1b" + "0" * 26}, {"id": "3f2a1b" + "1" * 26})
    names = _export(db, tmp_path / "out")
    assert len(names) == 2
    assert "2 sessions written" in capsys.readouterr().err


def test_ids_that_differ_only_in_characters_a_file_name_cannot_hold_give_two_files(played, tmp_path):
    db = _store_with(tmp_path, played, {"id": "kim/1"}, {"id": "kim:1"}, {"id": "KIM-1"}, {"id": "kim-1"})
    names = _export(db, tmp_path / "out", "html")
    assert len(names) == 4
    assert len({n.casefold() for n in names}) == 4, "distinct on a file system that ignores case, too"


@pytest.mark.parametrize("trainee", ["..", "...", ".hidden", "../../escaped", "..\\..\\escaped", "-rf", "/etc/passwd",
                                     "\u202etxt.exe", "nul"])
def test_a_trainee_name_never_makes_a_hidden_file_or_one_outside_the_folder(played, tmp_path, trainee):
    db = _store_with(tmp_path, played, {"id": "s1", "trainee": trainee, "scenario": trainee}, {"id": "s2"})
    folder = tmp_path / "deep" / "out"
    names = _export(db, folder)
    assert len(names) == 2
    assert not any(name.startswith((".", "-")) for name in names), names
    assert [p for p in tmp_path.rglob("*") if p.is_file() and p.parent not in (folder, tmp_path / "db")] == []


def test_long_names_in_any_script_still_make_a_file_name_every_system_takes(played, tmp_path):
    db = _store_with(tmp_path, played, {"id": "s1", "trainee": "漢" * 150, "scenario": "字" * 150}, {"id": "s2"})
    names = _export(db, tmp_path / "out")
    assert len(names) == 2 and max(len(name.encode("utf-8")) for name in names) <= 150


def test_a_long_history_keeps_its_progress_line_one_short_line(played, tmp_path, capsys):
    attempts = [{"id": f"a{n:04d}", "started_at": f"2026-01-01T{n // 60 % 24:02d}:{n % 60:02d}:00Z",
                 "scorecard": {**played["scorecard"], "trades": {"plumber": {"score": n % 101}}}}
                for n in range(300)]
    db = _store_with(tmp_path, played, *attempts)
    assert main(["history", "--trainee", "anna", "--db", db]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "progress:" in x)
    assert len(line) < 120, f"{len(line)} characters"
    assert "0 → … (290 more) → " in line and line.endswith("→ 29 → 30 → 30 → 30 → 31 → 31 → 31 → 32 → 32")
