"""What the command line prints of a scenario file is shown as text: its escape sequences never reach the terminal."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from trainer.cli import main


def _scenario_folder(tmp_path: Path) -> Path:
    text = (ROOT / "scenarios" / "legroom-en.yaml").read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    hostile = text.replace(title, 'title: "The legroom\\e[2J\\e]0;owned\\a that never was"', 1)
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "legroom-en.yaml").write_text(hostile, "utf-8")
    return folder


def test_webcare_list_shows_a_title_with_escape_sequences_as_text(tmp_path, monkeypatch, capsys):
    folder = _scenario_folder(tmp_path)
    monkeypatch.setattr("trainer.scenario.library.builtin_dir", lambda: folder)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "The legroom\\x1b[2J\\x1b]0;owned\\x07 that never was" in out
