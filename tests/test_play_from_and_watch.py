"""An author's story on the command line: play from the middle of a story, and keep checking while writing."""

from __future__ import annotations

import io
import os
import threading
import time

import pytest

from trainer.cli import main
from trainer.commands.watch import watch_check
from trainer.scenario.scaffold import Answers, scaffold


def test_play_from_a_state_opens_there_with_her_mood_and_the_facts_known(run_webcare):
    result = run_webcare("play", "legroom-en", "--plain", "--no-save", "--from", "telling", "--mood", "70",
                         "--facts", "seats_released,paid_extra",
                         stdin="An aircraft change made our seat system release your seats. Our mistake.\n/end\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "(Started part-way: in 'telling', mood 70, facts known: seats_released, paid_extra.)" in out
    assert "Thank you for actually asking." in out  # her calm line in `telling`, not her opening tweet
    assert "First real answer" in out or "first real answer" in out  # the explanation counted: no guess
    assert "Started part-way, in 'telling' (webcare play --from)" in out  # the scorecard says so


@pytest.mark.parametrize(("flags", "message"), [
    (["--from", "teling"], "legroom-en has no state 'teling'; did you mean 'telling'?"),
    (["--from", "resolved"], "'resolved' is an outcome, where a conversation ends; start in a state:"),
    (["--from", "telling", "--mood", "150"], "the mood runs from 0 (livid) to 100 (delighted), not 150"),
    (["--facts", "paid_extra,seats_relased"], "no fact 'seats_relased'; did you mean 'seats_released'?"),
    (["--from", "telling", "--resume"], "--from, --mood and --facts need a scenario to start in"),
    (["--watch"], "--watch needs the full screen"),
])
def test_a_wrong_start_is_told_in_one_line_before_anything_is_played(capsys, flags, message):
    status = main(["play", "legroom-en", "--plain", "--no-save", *flags])
    err = capsys.readouterr().err
    assert status == 1 and message in err and "Traceback" not in err


def test_from_without_a_scenario_is_refused(capsys):
    assert main(["play", "--plain", "--no-save", "--from", "telling"]) == 1
    assert "need a scenario to start in" in capsys.readouterr().err


def _until(predicate, out: io.StringIO, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"the watcher did not report in time:\n{out.getvalue()}"
        time.sleep(0.02)


def _save(path, text: str) -> None:
    """Save as editors do: a new file put in place at once (a reader never sees half of it)."""
    draft = path.with_suffix(".part")
    draft.write_text(text, "utf-8")
    os.replace(draft, path)


def _last_report(out: io.StringIO) -> str:
    return out.getvalue().rsplit("\n── ", 1)[-1]


def test_check_watch_checks_again_when_the_file_is_saved_and_says_all_clean_or_the_problems(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(scaffold(Answers(id="case").with_defaults()), "utf-8")
    out, stop = io.StringIO(), threading.Event()

    def check() -> int:
        return main(["check", str(path)])

    watcher = threading.Thread(target=watch_check, args=([path], check), kwargs={"out": out, "interval": 0.02,
                                                                               "stop": stop})
    watcher.start()
    try:
        _until(lambda: "Watching" in _last_report(out), out)
        assert "All clean." in _last_report(out)
        text = path.read_text("utf-8")
        _save(path, text.replace("next: telling", "next: teling", 1))
        _until(lambda: "teling" in _last_report(out) and "Watching" in _last_report(out), out)
        report = _last_report(out)
        assert "case.yaml:" in report and "unknown state or outcome 'teling'" in report
        assert "did you mean 'telling'?" in report and "1 error" in report and "All clean." not in report
        _save(path, text)
        _until(lambda: "All clean." in _last_report(out), out)
    finally:
        stop.set()
        watcher.join(5)
    assert not watcher.is_alive()


def test_check_watch_is_a_flag_of_check(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--watch" in capsys.readouterr().out
