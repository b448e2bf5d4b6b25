"""One hierarchy for every error a user can cause; the CLI prints them without a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class TrainerError(Exception):
    """An error with a message meant for the user."""


class ScenarioError(TrainerError):
    """A scenario file (or several) could not be loaded; carries every problem found."""

    def __init__(self, problems: Sequence[Any]) -> None:  # scenario Problems: errors sits below the scenario layer
        self.problems = problems
        super().__init__("\n\n".join(str(p) for p in problems))


class ScenarioNotFound(TrainerError):
    """No scenario has that id or path."""


class MoveError(TrainerError):
    """A trainee's move could not be carried out; the message says what to do instead."""


class ConfigError(TrainerError):
    """Settings are missing or wrong."""


class CustomerError(TrainerError):
    """The customer could not write a line."""
