"""The app's curriculum navigation: the home screen, playing a module's next step, tagging its sessions,
and what an attempt changed. A mixin of `WebcareApp`, so app.py stays small."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING

from trainer.errors import TrainerError
from trainer.texts import tr
from trainer.ui.app_host import AppHost
from trainer.ui.messages import CampaignLoaded

if TYPE_CHECKING:
    from scoring import Scorecard
    from trainer.campaign.attempts import News, Playing
    from trainer.campaign.models import Curriculum
    from trainer.campaign.progress import Progress
    from trainer.play import Round
    from trainer.store import Store
    from trainer.ui.screens.home import HomeScreen


class CampaignNavigation(AppHost):
    """State: the curriculum (None: free play only), the trainee's progress, the module being played."""

    curriculum: Curriculum | None = None
    progress: Progress | None = None
    playing: Playing | None = None
    """Set while the trainee plays a step from the home screen: its sessions are tagged with it."""
    on_board: bool = False
    news_for: tuple[Round, News] | None = None
    """What the latest finished attempt changed, until its scorecard is shown."""

    def now(self) -> datetime:
        from trainer.campaign.attempts import utc_now

        return self.options.now() if self.options.now else utc_now()

    # -- reading ---------------------------------------------------------------------------------

    def read_campaign(self, store: Store | None) -> CampaignLoaded | None:
        """The curriculum asked for (or the one the trainee is in) with their progress; None: free play."""
        from trainer.campaign.attempts import in_progress
        from trainer.campaign.certificates import trainee_progress

        ref = self.options.curriculum
        if ref is None and (self.options.scenario or self.options.resume or store is None):
            return None
        try:
            if ref is None and store is not None:
                ref = in_progress(store, self.trainee)
            if ref is None:
                return None
            from trainer.campaign.library import find_curriculum

            curriculum = find_curriculum(ref)
            if store is None:
                from trainer.campaign.progress import progress

                return CampaignLoaded(curriculum, progress(curriculum, [], {}, now=self.now()))
            theirs = trainee_progress(store, curriculum, self.trainee, self.now())
            if theirs.passed and not self.options.curriculum:
                return None  # finished: the picker, as for free play (`--curriculum` shows it again)
            return CampaignLoaded(curriculum, theirs,
                                  on_board=self.trainee in store.leaderboard_opt_ins(curriculum.id))
        except TrainerError as exc:
            return CampaignLoaded(None, None, problem=str(exc))

    def on_campaign_loaded(self, event: CampaignLoaded) -> None:
        """(Named, not `@on`-decorated: decorated handlers are collected from the App class itself, not a mixin.)"""
        if event.problem:
            self.notify(event.problem, severity="error", timeout=10)
            if self._home() is not None or len(self.screen_stack) <= 1:
                self.show_picker()
            return
        self.curriculum, self.progress, self.on_board = event.curriculum, event.progress, event.on_board
        self.show_home(reread=False)

    def refresh_progress(self) -> Progress | None:
        """The progress read again; the last one read while the database is away (said in one line)."""
        from trainer.campaign.certificates import trainee_progress
        from trainer.store import StoreError

        if self.curriculum is not None and self.store is not None:
            try:
                self.progress = trainee_progress(self.store, self.curriculum, self.trainee, self.now())
            except StoreError as exc:
                self.notify(tr(self.language, "store.failed", reason=exc), severity="warning", markup=False)
        return self.progress

    # -- navigation ------------------------------------------------------------------------------

    def _home(self) -> HomeScreen | None:
        home = sys.modules.get("trainer.ui.screens.home")
        if home is None:  # never imported, so never opened: the picker's first frame doesn't pay for it
            return None
        return next((s for s in self.screen_stack if isinstance(s, home.HomeScreen)), None)

    def home_screen(self) -> HomeScreen | None:
        """The curriculum's home screen, when it is open (under other screens, maybe)."""
        return self._home()

    def home_language(self) -> str:
        return self.options.language or (self.curriculum.language if self.curriculum else "en")

    def show_home(self, reread: bool = True) -> None:
        """The curriculum's home screen, at the bottom of the stack: free play and sessions go on top of it."""
        from trainer.ui.screens.home import HomeScreen

        if self.curriculum is None and self.options.curriculum is None:
            self.show_picker()
            return
        if reread:
            self.refresh_progress()
        self.playing = None
        self.language = self.home_language()
        home = self._home()
        if home is None or home.language != self.language:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(HomeScreen(self.progress, self.language, now=self.now(), on_board=self.on_board))
            return
        while self.screen is not home:
            self.pop_screen()
        home.show(self.progress, self.now(), self.on_board)

    def action_home(self) -> None:
        self.show_home()

    def play_module(self, module_id: str, scenario_id: str, mode: str) -> None:
        """The briefing of a module's next step, in its mode; the session will count for the module."""
        from trainer.campaign.attempts import Playing

        try:
            scenario = self._scenario(scenario_id)
        except TrainerError as exc:
            self.notify(str(exc), severity="error")
            return
        assert self.curriculum is not None, "modules are played from the home screen, which shows a curriculum"
        self.open_briefing(scenario, mode=mode)
        self.playing = Playing(self.curriculum.id, module_id)

    def free_play(self) -> None:
        self.show_picker()

    def set_leaderboard(self, opt_in: bool) -> None:
        if self.store is None or self.curriculum is None:
            self.notify(tr(self.language, "home.board_needs_store"), severity="warning")
            return
        from trainer.store import StoreError

        try:
            self.store.set_leaderboard(self.trainee, self.curriculum.id, opt_in)
        except StoreError as exc:  # a full, read-only or damaged database: say so, change nothing
            self.notify(str(exc), severity="error", markup=False)
            return
        self.on_board = opt_in
        self.notify(tr(self.language, "home.board_joined" if opt_in else "home.board_left"))
        home = self._home()
        if home is not None:
            home.show(self.progress, self.now(), self.on_board)

    # -- sessions of a module ----------------------------------------------------------------------

    def campaign_tags(self, scenario_id: str) -> dict[str, str]:
        """The manifest tags of a session started now: the module being played, if the scenario is in it."""
        if self.playing is None or self.curriculum is None:
            return {}
        module = next((m for m in self.curriculum.modules if m.id == self.playing.module), None)
        return self.playing.manifest() if module and scenario_id in module.scenarios else {}

    def test_refused(self, scenario_id: str, mode: str) -> bool:
        """A module's test outside its attempt window is not started (the trainee is told when it opens)."""
        from trainer.campaign.progress import shown_time

        playing = self.playing
        if mode != "test" or playing is None or not self.campaign_tags(scenario_id) or self.progress is None:
            return False
        module = next((m for m in self.progress.modules if m.module.id == playing.module), None)
        if module is None or module.test_open(self.now()):
            return False
        self.notify(tr(self.language, "home.test_closed", when=shown_time(module.test_open_at or "")),
                    severity="warning", timeout=10)
        return True

    def campaign_finished(self, game: Round, tagged: bool) -> None:
        """After a module's session is stored: what it changed (passed, unlocked, badges), for its scorecard."""
        from trainer.campaign.attempts import news

        if not tagged or self.curriculum is None:
            return
        before = self.progress
        after = self.refresh_progress()
        if after is not None:
            self.news_for = (game, news(before, after))

    def scorecard_extras(self, game: Round, card: Scorecard) -> dict:
        """The lessons of an attempt, and the news of a module's one: what `ScorecardScreen` shows besides."""
        from trainer.campaign.feedback import lessons

        module = self.curriculum.module(self.playing.module) if self.curriculum and self.playing else None
        s = game.session
        extras: dict = {"lessons": tuple(lessons(card, s.scenario, events=s.events,
                                                 focus=module.focus if module else None))}
        if self.news_for is not None and self.news_for[0] is game:
            extras["news"] = self.news_for[1]
        if self.curriculum is not None and self.playing is not None:
            extras["home"] = True
        return extras
