"""`webcare completion bash|zsh|fish`: the shell's tab completion, generated from the argument parser by shtab.

Commands, options and choices come from the parser as it is, so completion never falls behind a new flag.
Where a scenario is named, the shell asks `webcare completion --scenario-ids` for the ids (the built-in
ones and one's own, read from the file names: no scenario is loaded) and offers files too (a path works).
"""

from __future__ import annotations

import argparse
import re
import sys

SHELLS = ("bash", "zsh", "fish")

SCENARIO_DESTS = {"scenario"}
"""Arguments that name a scenario: `play`, `graph`, `explore` and `serve`'s positional, `--scenario` filters."""

PREAMBLE = {
    # Each shell asks the `webcare` being completed (the first word typed), so a .venv/bin/webcare asks itself.
    "bash": '_webcare_scenario_ids() {\n'
            '  compgen -W "$("${COMP_WORDS[0]}" completion --scenario-ids 2>/dev/null)" -- "$1"\n'
            '  compgen -f -- "$1"\n'
            '}\n',
    "zsh": '_webcare_scenario_ids() {\n'
           '  local -a ids\n'
           '  ids=(${(f)"$(${words[1]} completion --scenario-ids 2>/dev/null)"})\n'
           '  compadd -a ids\n'
           '  _files\n'
           '}\n',
    "fish": 'function __webcare_scenario_ids\n'
            '    set -l webcare (commandline -opc)[1]\n'
            '    $webcare completion --scenario-ids 2>/dev/null\n'
            '    __fish_complete_path (commandline -ct)\n'
            'end\n',
}
SCENARIO_IDS = {
    "bash": "_webcare_scenario_ids",
    "zsh": "_webcare_scenario_ids",
    "fish": "(__webcare_scenario_ids)",
    "preamble": PREAMBLE,
}
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""A file name offered as an id: letters, digits, `.`, `_`, `-` only (nothing a shell or terminal would act on)."""


def add_parser(sub) -> None:
    completion = sub.add_parser(
        "completion", help="print the tab-completion script for bash, zsh or fish",
        description="Print the shell's tab completion for webcare: commands, options, choices and scenario ids. "
                    "bash: `webcare completion bash > ~/.local/share/bash-completion/completions/webcare`; "
                    "zsh: `webcare completion zsh > ~/.zfunc/_webcare` (with ~/.zfunc in fpath); "
                    "fish: `webcare completion fish > ~/.config/fish/completions/webcare.fish`.")
    completion.add_argument("shell", nargs="?", choices=SHELLS, help="the shell: bash, zsh or fish")
    completion.add_argument("--scenario-ids", action="store_true", help=argparse.SUPPRESS)  # the scripts ask it
    completion.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.errors import TrainerError

    if args.scenario_ids:
        for scenario_id in scenario_ids():
            print(scenario_id)
        return 0
    if not args.shell:
        raise TrainerError("name the shell: `webcare completion bash`, `zsh` or `fish`")
    sys.stdout.write(script(args.shell))
    return 0


def script(shell: str) -> str:
    """The completion script for `shell`, from the whole `webcare` parser."""
    import shtab

    from trainer.commands.parser import build

    parser = build(lambda args: 0)  # the parser's shape only: nothing runs
    _mark(parser)
    return shtab.complete(parser, shell=shell)


def _mark(parser: argparse.ArgumentParser) -> None:
    """Tell shtab what each argument completes to: scenario ids, files or folders."""
    import shtab

    from trainer.commands.arguments import folder

    # argparse has no public way to walk a parser's arguments; shtab reads the same list
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action.choices, dict):  # the subcommands: each its own parser (an alias shares one)
            for child in {id(p): p for p in action.choices.values()}.values():
                _mark(child)
        elif action.dest in SCENARIO_DESTS:
            action.complete = SCENARIO_IDS  # type: ignore[attr-defined]
        elif action.type is folder:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif getattr(action.type, "__name__", "") == "Path" or action.dest == "db":
            action.complete = shtab.FILE  # type: ignore[attr-defined]


def scenario_ids() -> list[str]:
    """The built-in scenarios' ids and one's own, from their file names (fast enough for a Tab)."""
    from trainer.scenario.library import builtin_dir, own_files, scenario_files

    names = {path.stem for path in [*scenario_files([builtin_dir()]), *own_files()]}
    return sorted(name for name in names if PLAIN_ID.fullmatch(name))
