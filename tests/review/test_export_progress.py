"""A coach exporting a big class sees how far it is: a bar (rich.progress) on a terminal, plain lines in a log."""

from __future__ import annotations

import io
import json

import pytest

from trainer.cli import main
from trainer.commands import progressbar
from trainer.commands.review import _Exporting
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def class_db(tmp_path) -> str:
    path = str(tmp_path / "class.db")
    store = open_store(path)
    result = run_playthrough(LEGROOM, next(p for p in LEGROOM.playthroughs if p.name == "mediocre"))
    for n in range(6):
        session_id = store.begin(trainee=f"trainee{n}", scenario=LEGROOM)
        store.record(session_id, result.events, 0)
        store.finish(session_id, result.scorecard.to_dict())
    store.close()
    return path


def slow_clock(monkeypatch, step: float) -> None:
    """Each look at the clock finds it `step` seconds later: every session takes a while to export."""
    now = [0.0]

    def tick() -> float:
        now[0] += step
        return now[0]

    monkeypatch.setattr(progressbar, "_now", tick)


@pytest.mark.parametrize("options", [["--format", "json", "-o", "all.json"], ["--format", "html", "-o", "pages"]])
def test_a_slow_export_into_a_log_says_how_far_it_is_in_plain_lines(class_db, tmp_path, monkeypatch, capsys,
                                                                      options):
    monkeypatch.chdir(tmp_path)
    slow_clock(monkeypatch, 4.0)
    assert main(["export", "--db", class_db, *options]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[:2] == ["exporting: 3 of 6 sessions (50%)", "exporting: 6 of 6 sessions (100%)"]
    assert "\r" not in err and "\x1b" not in err
    if options[0:2] == ["--format", "json"]:
        assert len(json.loads((tmp_path / "all.json").read_text("utf-8"))) == 6


def test_a_quick_export_prints_no_progress(class_db, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    slow_clock(monkeypatch, 0.01)
    assert main(["export", "--db", class_db, "--format", "json", "-o", "all.json"]) == 0
    assert capsys.readouterr().err == "6 sessions written to all.json\n"


def test_on_a_terminal_a_bar_counts_the_sessions_and_goes_when_the_export_is_done(monkeypatch):
    slow_clock(monkeypatch, 0.5)
    stream = Tty()
    with _Exporting(40, stream) as step:
        for n in range(1, 41):
            step(n)
    drawn = stream.getvalue()
    assert "exporting: 40 of 40 sessions (100%)" in drawn and "40/40" in drawn
    assert drawn.endswith("\x1b[2K"), "the bar is taken away: the command's last line follows on a clean line"
