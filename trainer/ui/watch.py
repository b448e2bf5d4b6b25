"""`webcare play --watch`: when the scenario file is saved, check it; show its errors, or reload it in place.

Reloading replays the trainee's moves so far onto the new version (as a rewind does), so an author
sees the change where they are; when the moves no longer fit, the conversation starts again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trainer.texts import tr

if TYPE_CHECKING:
    from trainer.play import Round
    from trainer.scenario.models import Scenario
    from trainer.scenario.problems import Problems
    from trainer.ui.app import WebcareApp

INTERVAL = 0.5
"""Seconds between looks at the file."""
SHOWN = 6
"""Errors listed in the notice; `webcare check` lists them all."""


class ScenarioWatch:
    def __init__(self, app: WebcareApp, interval: float = INTERVAL) -> None:
        from trainer.scenario.changes import fingerprint

        self.app = app
        self.path = Path(app.options.scenario or "")
        self.interval = interval
        self._seen = fingerprint([self.path])
        self.checks = 0
        """Versions checked so far (tests wait on it)."""

    def start(self) -> None:
        self.app.set_interval(self.interval, self.poll, name="watch-scenario")

    def poll(self) -> None:
        from trainer.scenario.changes import fingerprint

        now = fingerprint([self.path])
        if now != self._seen:
            self._seen = now
            self.app.run_worker(self._check, thread=True, group="watch-scenario", exit_on_error=False)

    def _check(self) -> None:
        """In a worker thread: reading and checking a file takes a few frames' time."""
        from trainer.scenario.loader import check_file

        scenario, problems = check_file(self.path)
        self.app.call_from_thread(self.loaded, scenario, problems)

    def loaded(self, scenario: Scenario | None, problems: Problems) -> None:
        """Show the errors and play on, or put the new version in play."""
        from trainer.ui.screens.briefing import BriefingScreen
        from trainer.ui.screens.chat import ChatScreen

        self.checks += 1
        app, lang, name = self.app, self.app.language, self.path.name
        if scenario is None:
            errors = problems.errors
            lines = [f"{p.where}: {p.message}" for p in errors[:SHOWN]] + (["…"] if len(errors) > SHOWN else [])
            app.notify("\n".join([tr(lang, "watch.errors", path=name, n=len(errors)), *lines]),
                       severity="error", timeout=30)
            return
        screen = app.screen
        if isinstance(screen, ChatScreen) and not screen.game.session.over:
            game, reason = self.replay(screen.game, scenario)
            app.switch_screen(ChatScreen(game, lang, app.options.typing_speed))
            if reason is None:
                from trainer.play import moves_of

                app.notify(tr(lang, "watch.reloaded", path=name, n=len(moves_of(game.session.events))))
            else:
                app.notify(tr(lang, "watch.restarted", path=name, reason=reason), severity="warning", timeout=10)
        elif isinstance(screen, BriefingScreen):
            app.switch_screen(BriefingScreen(scenario, lang, app.options.mode))
            app.notify(tr(lang, "watch.later", path=name))
        else:
            app.notify(tr(lang, "watch.later", path=name))

    def replay(self, old: Round, scenario: Scenario) -> tuple[Round, str | None]:
        """The old game's moves replayed on the new version; or a new game, and why, when they don't fit."""
        from trainer.errors import TrainerError
        from trainer.play import Round, moves_of, replayed

        s, options = old.session, self.app.options
        live = options.live  # her lines replayed from the script; a live customer and reader go on from there
        try:
            game = replayed(scenario, s.events, 10**9, seed=s.seed, mode=s.mode, live=options.clock)
            if len(moves_of(game.session.events)) == len(moves_of(s.events)) and not game.session.over:
                if live is not None and live.lines:
                    game.customer = live.customer(scenario, s.seed) or game.customer
                return game, None
            reason = tr(self.app.language, "watch.ends_sooner")
        except TrainerError as exc:
            reason = str(exc)
        return Round(scenario, seed=s.seed, clock=options.clock, mode=s.mode, start=options.start_for(scenario),
                     customer=live.customer(scenario, s.seed) if live else None,
                     recogniser=live.intents(scenario) if live else None), reason
