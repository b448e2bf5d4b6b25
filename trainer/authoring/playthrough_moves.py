"""Playthrough moves checked with the file: each is read as plain play reads it, and must name what the
scenario has (a look-up, an action with a fitting amount), so a typo is found by `webcare check`, at its
line and column, before `webcare test` plays the story into it."""

from __future__ import annotations

from collections.abc import Mapping

from trainer.authoring.places import read_marks
from trainer.engine.moves import Act, End, Lookup, Move, parse_move
from trainer.engine.session import money
from trainer.errors import MoveError
from trainer.scenario.marked import Marked, Path_
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems, did_you_mean

COMMANDS = ("lookup", "do", "end", "hint", "help")
"""The moves' commands as the help names them (plain play also knows short forms: /l, /d, /h …)."""


def move_problems(s: Scenario) -> list[Problem]:
    """Errors (a warning for an amount over the limit) about every playthrough move, at its place."""
    marked = read_marks(s)
    check = _Moves(s, marked, Problems(s.path or s.id, marked.text if marked else ""))
    for i, play in enumerate(s.playthroughs):
        check.playthrough(i, play.trainee)
    return check.problems.items


def resolve(name: str, table: Mapping[str, object]) -> str | None:
    """The entry `name` stands for as plain play reads it: the name itself, or the one name it begins."""
    if name in table:
        return name
    starts = [n for n in table if n.startswith(name)]
    return starts[0] if len(starts) == 1 else None


class _Moves:
    def __init__(self, s: Scenario, marked: Marked | None, problems: Problems) -> None:
        self.s, self.marked, self.problems = s, marked, problems

    def add(self, path: Path_, needle: str, message: str, hint: str, severity: str = "error") -> None:
        at = self.marked.find(path, needle) if self.marked else (0, 0)
        self.problems.add(*at, message, hint, severity)

    def playthrough(self, i: int, moves: tuple[str, ...]) -> None:
        for j, line in enumerate(moves):
            path: Path_ = ("playthroughs", i, "trainee", j)
            try:
                move: Move = parse_move(line, "en")
            except MoveError:
                self._unreadable(path, line)
                continue
            if isinstance(move, Lookup):
                self._lookup(path, move)
            elif isinstance(move, Act):
                self._act(path, move)
            elif isinstance(move, End) and j < len(moves) - 1:
                self.add(path, line.strip(), f"the moves after {line.strip()} are never played",
                         f"remove the {len(moves) - 1 - j} after it, or move {line.strip()} to the end")
            elif not line.strip():
                self.add(path, line, "this move is empty", "write the trainee's message, or remove the item")

    def _unreadable(self, path: Path_, line: str) -> None:
        """A move plain play refuses to read: an unknown command, a command without its name, a wrong amount."""
        command, _, rest = line.strip()[1:].partition(" ")
        name, _, amount = rest.strip().partition(" ")
        if not _known(command):
            self.add(path, "/" + command, f"unknown command '/{command}'",
                     f"{did_you_mean('/' + command.lower(), ['/' + c for c in COMMANDS])} "
                     "(a message that begins with / starts with //)")
        elif not name:
            what, table = ("an action", self.s.actions) if _reads_as(command, Act) else ("a look-up", self.s.lookups)
            self.add(path, "/" + command, f"'/{command}' needs the name of {what}",
                     f"write /{command} NAME; {did_you_mean('', table) or 'the scenario has none'}")
        else:
            self.add(path, amount.strip(), f"'{amount.strip()}' is not an amount",
                     f"write a number, 0 or more, e.g. /{command} {name} 50")

    def _lookup(self, path: Path_, move: Lookup) -> None:
        if resolve(move.tool, self.s.lookups) is not None:
            return
        if resolve(move.tool, self.s.actions) is not None:
            self.add(path, move.tool, f"'{move.tool}' is an action, not a look-up", f"use /do {move.tool}")
        else:
            self.add(path, move.tool, f"no look-up '{move.tool}'", did_you_mean(move.tool, self.s.lookups))

    def _act(self, path: Path_, move: Act) -> None:
        name = resolve(move.action, self.s.actions)
        if name is None:
            if resolve(move.action, self.s.lookups) is not None:
                self.add(path, move.action, f"'{move.action}' is a look-up, not an action", f"use /lookup {move.action}")
            else:
                self.add(path, move.action, f"no action '{move.action}'", did_you_mean(move.action, self.s.actions))
            return
        limit = self.s.actions[name].limit
        if limit is not None and move.amount is None:
            self.add(path, move.action, f"/do {move.action} needs an amount: at most {money(limit)}",
                     f"write /do {move.action} AMOUNT, e.g. /do {move.action} {money(limit)}")
        elif limit is None and move.amount is not None:
            self.add(path, move.action, f"{name} takes no amount", f"write /do {move.action}")
        elif limit is not None and move.amount is not None and move.amount > limit:
            # The game takes the move and refuses it in the story: a playthrough may be about that refusal.
            self.add(path, money(move.amount), f"{money(move.amount)} is over {name}'s limit of {money(limit)}: "
                     "the back office will refuse it", "if the playthrough is about that refusal, leave it; "
                     f"else give at most {money(limit)}", "warning")


def _known(command: str) -> bool:
    """Whether plain play knows `/command` (asked of its parser, so its short forms count too)."""
    try:
        parse_move(f"/{command} x 1")
    except MoveError:
        return False
    return True


def _reads_as(command: str, kind: type) -> bool:
    try:
        return isinstance(parse_move(f"/{command} x"), kind)
    except MoveError:
        return False
