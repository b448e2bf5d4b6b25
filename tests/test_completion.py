"""Tab completion: `webcare completion bash|zsh|fish` prints a script the shell accepts, which completes the
commands, their options and choices, and the scenario ids (the built-in ones and one's own)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

from trainer.cli import main
from trainer.commands.completion import scenario_ids, script
from trainer.scenario.shelves import ENV


def needs(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed here")
    return path


@pytest.fixture
def webcare_command(tmp_path, monkeypatch):
    """A `webcare` command as an installed one would be: a script that runs this checkout's game."""
    command = tmp_path / "bin" / "webcare"
    command.parent.mkdir()
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m trainer "$@"\n', "utf-8")
    command.chmod(0o755)
    own = tmp_path / "ours"
    own.mkdir()
    text = (DATA / "minimal.yaml").read_text("utf-8").replace("id: minimal", "id: wheelchair-never-came", 1)
    (own / "wheelchair-never-came.yaml").write_text(text, "utf-8")
    monkeypatch.setenv(ENV, str(own))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    return command


def shell(*args: str, cwd) -> str:
    result = subprocess.run(list(args), capture_output=True, text=True, timeout=60, cwd=cwd, env=os.environ)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", ["bash", "zsh", "fish"])
def test_each_shells_script_is_printed_and_names_every_command(name, capsys):
    assert main(["completion", name]) == 0
    text = capsys.readouterr().out
    for command in ("play", "list", "history", "curriculum", "check", "doctor", "completion"):
        assert command in text, command
    assert "--format" in text and text.count("--scenario-ids") == 1  # asked by the script, never offered


def test_the_bash_script_is_valid_bash(tmp_path):
    path = tmp_path / "webcare.bash"
    path.write_text(script("bash"), "utf-8")
    shell(needs("bash"), "-n", str(path), cwd=tmp_path)


def test_the_zsh_script_is_valid_zsh_and_registers_itself(tmp_path):
    zsh = needs("zsh")
    folder = tmp_path / "zfunc"
    folder.mkdir()
    (folder / "_webcare").write_text(script("zsh"), "utf-8")
    shell(zsh, "-n", str(folder / "_webcare"), cwd=tmp_path)
    registered = shell(zsh, "-fc", f"fpath=({folder} $fpath); autoload -U compinit; compinit -u -D; "
                                   "print -r -- ${_comps[webcare]}", cwd=tmp_path)
    assert registered.strip() == "_webcare"


def test_the_fish_script_is_valid_fish(tmp_path):
    path = tmp_path / "webcare.fish"
    path.write_text(script("fish"), "utf-8")
    shell(needs("fish"), "--no-execute", str(path), cwd=tmp_path)


def test_bash_completes_a_command_a_choice_and_scenario_ids_ones_own_too(tmp_path, webcare_command):
    path = tmp_path / "webcare.bash"
    path.write_text(script("bash"), "utf-8")

    def complete(*words: str) -> list[str]:
        line = " ".join([str(webcare_command), *words])
        probe = (f'source {path}; COMP_WORDS=({line}); COMP_CWORD={len(words)}; COMP_LINE="{line}"; '
                 'COMP_POINT=${#COMP_LINE}; _shtab_webcare; printf "%s\\n" "${COMPREPLY[@]}"')
        return shell(needs("bash"), "-c", probe, cwd=tmp_path).split()

    assert complete("histo") == ["history"]
    assert complete("list", "--format", "j") == ["json"]
    assert complete("play", "legroom") == ["legroom-en", "legroom-nl"]
    assert complete("graph", "wheelchair-nev") == ["wheelchair-never-came"]  # her own case, from WEBCARE_SCENARIOS


def test_fish_completes_scenario_ids(tmp_path, webcare_command, monkeypatch):
    fish = needs("fish")
    monkeypatch.setenv("PATH", f"{webcare_command.parent}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "webcare.fish"
    path.write_text(script("fish"), "utf-8")
    out = shell(fish, "-c", f"source {path}; complete -C 'webcare play legroom-'", cwd=tmp_path)
    assert [line.split("\t")[0] for line in out.splitlines()] == ["legroom-en", "legroom-nl"]


def test_the_ids_offered_are_plain_names_only(tmp_path, monkeypatch):
    own = tmp_path / "ours"
    own.mkdir()
    for name in ("our-case", "evil\x1b[2J", "two words", "$(reboot)"):
        shutil.copyfile(DATA / "minimal.yaml", own / f"{name}.yaml")
    monkeypatch.setenv(ENV, str(own))
    ids = scenario_ids()
    assert "our-case" in ids and "legroom-en" in ids
    assert not [i for i in ids if not i.replace("-", "").replace("_", "").replace(".", "").isalnum()]


def test_completion_without_a_shell_says_which_to_name(capsys):
    assert main(["completion"]) == 1
    assert "webcare completion bash" in capsys.readouterr().err
