"""What the app is started with: from the command line, or from a test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.engine.clock import Clock, real_clock

if TYPE_CHECKING:
    from trainer.customers.choose import Live
    from trainer.engine.start import StartAt
    from trainer.llm.config import LLMSettings
    from trainer.scenario.models import Scenario


@dataclass(frozen=True)
class UiOptions:
    scenario: str | None = None
    """Open this scenario's briefing at once (an id or a path) instead of the picker."""
    found: Scenario | None = None
    """`scenario` as the command line read it already: its briefing is the first screen (the library is read later)."""
    language: str | None = None
    """Interface language; None follows the scenario (and English in the picker)."""
    seed: int = 0
    mode: str = "practice"
    """The mode the briefing proposes: `practice` (hints allowed) or `test`."""
    typing_speed: float = 1.0
    """Multiplies the customer's typing delay; 0 makes the customer answer at once (tests)."""
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
    require_saving: bool = False
    """Refuse to play when the store can't be opened (a class: `serve --require-saving`); off: play on, and say so."""
    resume: bool = False
    """Go on at once with the trainee's latest stopped session, if there is one."""
    judge: LLMSettings | None = None
    """Ask this LLM judge for a second opinion on the scorecard (`--judge`); None: no judge."""
    judge_problem: str = ""
    """Why `--judge` was asked for but can't judge (shown on the scorecard)."""
    live: Live | None = None
    """A model writes the customer's lines and/or reads the trainee's intents (`--customer`, `--llm-intents`);
    None: the script."""
    start: str | None = None
    """Open the named scenario part-way, in this state (`--from`); None: at its start."""
    start_mood: int | None = None
    """The customer's mood when started part-way (`--mood`); None: the scenario's."""
    start_facts: tuple[str, ...] = ()
    """Facts the trainee knows from the start (`--facts`)."""
    watch: bool = False
    """Reload the scenario file when it changes, replaying the moves so far (`--watch`)."""
    curriculum: str | None = None
    """Open this curriculum's home screen (an id or a path; `--curriculum`); None: the one the trainee is in, if any."""
    config: Path | None = None
    """The config file whose `[ui]` table keeps the theme, language and name (`trainer.settings`); None: nothing
    is read or saved (tests, unless they give one)."""
    now: Callable[[], datetime] | None = None
    """Today's date and time (UTC) for progress, streaks and test windows; None: the real time (tests fix it)."""

    def start_for(self, scenario: Scenario) -> StartAt | None:
        """Where a session of `scenario` opens: part-way for the scenario named on the command line, if asked."""
        if self.start is None and self.start_mood is None and not self.start_facts:
            return None
        named = self.scenario or ""
        if scenario.id != named and not (scenario.path and Path(named).resolve() == scenario.path.resolve()):
            return None  # another scenario, picked later from the list: it starts at its start
        from trainer.engine.start import StartError, start_at

        try:
            return start_at(scenario, self.start, self.start_mood, self.start_facts)
        except StartError:  # the file changed since (--watch): its start, rather than no game
            return None
