"""The protocol every customer follows: turn the engine's cue into her words."""

from __future__ import annotations

from typing import Protocol

from trainer.engine.session import Cue


class Customer(Protocol):
    def write(self, cue: Cue) -> str:
        """Her next line for this cue, in full."""
        ...
