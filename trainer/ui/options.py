"""What the app is started with: from the command line, or from a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.engine.clock import Clock, real_clock


@dataclass(frozen=True)
class UiOptions:
    scenario: str | None = None
    """Open this scenario's briefing at once (an id or a path) instead of the picker."""
    language: str | None = None
    """Interface language; None follows the scenario (and English in the picker)."""
    seed: int = 0
    mode: str = "practice"
    """The mode the briefing proposes: `practice` (hints allowed) or `test`."""
    typing_speed: float = 1.0
    """Multiplies the customer's typing delay; 0 makes her answer at once (tests)."""
    scenario_paths: list[Path] = field(default_factory=list)
    """Where to find scenarios (default: the built-in library)."""
    clock: Clock = real_clock
    read_later: bool = False
    """Read the scenario library in a worker after the first frame (the CLI does, for speed)."""
    db: str | None = None
    """The session database (a file or a postgresql:// URL); None: WEBCARE_DATABASE_URL, WEBCARE_DB, data dir."""
    trainee: str | None = None
    """Whose sessions these are; None: WEBCARE_TRAINEE, else the account's name."""
    save_sessions: bool = True
    """Keep every session in the store, turn by turn (off: nothing is written anywhere)."""
    resume: bool = False
    """Go on at once with the trainee's latest stopped session, if there is one."""
