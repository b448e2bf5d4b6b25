"""The Webcare Trainer app: navigation between screens; the screens own their work.

Start-up speed is a feature: screens, the scenario models and the scorer are imported when
first needed, and the CLI reads the library in a worker after the picker's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType

from trainer.texts import tr
from trainer.ui.app_campaign import CampaignNavigation
from trainer.ui.app_rounds import RoundNavigation
from trainer.ui.app_settings import SavedSettings
from trainer.ui.messages import LibraryLoaded, SessionFinished, StartSession, StoreOpened
from trainer.ui.options import UiOptions
from trainer.ui.verbatim import Notices

if TYPE_CHECKING:
    from trainer.scenario.kinds import Trade
    from trainer.scenario.library import Library
    from trainer.scenario.models import Scenario
    from trainer.store import SessionRow, Store
    from trainer.ui.watch import ScenarioWatch


def _webcare_commands():
    from trainer.ui.commands import WebcareCommands

    return WebcareCommands


class WebcareApp(RoundNavigation, CampaignNavigation, SavedSettings, Notices, App[None]):
    CSS_PATH = "trainer.tcss"
    TITLE = "Webcare Trainer"
    COMMANDS = App.COMMANDS | {_webcare_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help"),  # catalogue keys: each screen's KeysInLanguage says them in its language
        Binding("question_mark", "help", "key.help", show=False),
        Binding("ctrl+q", "quit", "key.quit"),
    ]

    def __init__(self, options: UiOptions, library: Library | None) -> None:
        super().__init__()
        self.given_name = options.trainee
        """The name given on the command line (`--name`): kept in the config file for the next start."""
        self.options = options = self.read_saved(options)
        self.library = library
        """None until read (see `make_app`)."""
        self.best: dict[str, dict[Trade, int]] = {}
        """Best scores per scenario: the trainee's from the store, and this run's."""
        self.language = options.language or "en"
        self.store: Store | None = None
        self.scenario_watch: ScenarioWatch | None = None
        """`--watch`: reads the scenario file again when it changes."""
        self.unfinished: list[SessionRow] = []
        """Sessions that stopped before an outcome: the picker offers to resume the latest."""

    def on_mount(self) -> None:
        self.restore_settings(self.given_name)
        if self.options.watch:
            from trainer.ui.watch import ScenarioWatch

            self.scenario_watch = ScenarioWatch(self)  # not `watch`: that is Textual's DOMNode.watch()
            self.scenario_watch.start()
        if self.library is None:
            if self.options.found is not None:
                self.open_briefing(self.options.found)  # `webcare play ID`: no picker first
            elif self.options.curriculum and not self.options.scenario:
                self.show_home(reread=False)  # "reading…" until the curriculum and progress are read
            else:
                self.show_picker()
            self.call_after_refresh(self.read_library)  # not before the first frame: it costs CPU
            return
        if self.options.save_sessions:
            self._store_opened(self.open_store())
        campaign = None if self.options.scenario else self.read_campaign(self.store)
        if self.options.scenario:
            self.open_briefing(self._scenario(self.options.scenario))
        elif campaign is not None:
            self.on_campaign_loaded(campaign)
        else:
            self.show_picker()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def read_library(self) -> None:
        from trainer.scenario.library import load_library

        opened = self.open_store() if self.options.save_sessions else None
        if opened is not None:
            self.post_message(opened)
        campaign = self.read_campaign(opened.store if opened else None)
        if campaign is not None:
            self.post_message(campaign)
        self.post_message(LibraryLoaded(load_library(self.options.scenario_paths or None)))

    @property
    def trainee(self) -> str:
        from trainer.store.location import person

        return self.options.trainee or person("WEBCARE_TRAINEE")

    def open_store(self) -> StoreOpened:
        """The store, the trainee's unfinished sessions and best scores; or why sessions won't be saved."""
        from trainer.store import StoreError, open_store

        try:
            store = open_store(self.options.db)
            unfinished = store.unfinished(self.trainee)
            best = {h.scenario: {t: v for t, v in h.best.items() if v is not None} for h in store.history(self.trainee)}
        except StoreError as exc:
            return StoreOpened(None, [], {}, problem=str(exc))
        return StoreOpened(store, unfinished, {k: v for k, v in best.items() if v})

    @on(StoreOpened)
    def _store_opened(self, event: StoreOpened) -> None:
        from trainer.ui.screens.picker import PickerScreen

        self.store, self.unfinished = event.store, event.unfinished
        for scenario_id, scores in event.best.items():
            self._remember(scenario_id, scores)
        if event.problem:
            refused = self.options.require_saving
            self.notify(tr(self.language, "store.required" if refused else "store.not_saving", reason=event.problem),
                        severity="error" if refused else "warning", timeout=10)
        elif self.options.resume and self.unfinished:
            self.resume(self.unfinished[0])
        elif isinstance(self.screen, PickerScreen):
            self.screen.offer_resume(self.unfinished[0] if self.unfinished else None)

    @on(LibraryLoaded)
    def _library_loaded(self, event: LibraryLoaded) -> None:
        from trainer.ui.screens.picker import PickerScreen

        self.library = event.library
        if self.options.scenario and self.options.found is None:
            self.open_briefing(self._scenario(self.options.scenario))
        elif isinstance(self.screen, PickerScreen):
            self.screen.set_scenarios(event.library.scenarios, frozenset(event.library.own),
                                      tuple(event.library.own_problems))
        problems = [p for p in event.library.problems if p.severity == "error"]
        if problems:
            self.notify(tr(self.language, "app.problems", n=len(problems)), severity="warning")

    def _scenario(self, ref: str) -> Scenario:
        from trainer.scenario.library import find_scenario

        found = self.library.get(ref) if self.library else None
        return found or find_scenario(ref)

    # -- navigation --------------------------------------------------------------------------

    def show_picker(self) -> None:
        from trainer.ui.screens.picker import PickerScreen

        self.language = self.options.language or "en"
        self.playing = None  # free play: nothing counts for a module
        scenarios = self.library.scenarios if self.library else None
        home = self._home()
        while len(self.screen_stack) > 1 and self.screen is not home:
            self.pop_screen()
        library = self.library
        picker = PickerScreen(scenarios, self.best, self.language, resume=self.unfinished[0] if self.unfinished else None,
                              home=home is not None, own=frozenset(library.own if library else ()),
                              problems=tuple(library.own_problems if library else ()))
        self.push_screen(picker)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    def open_briefing(self, scenario: Scenario, mode: str | None = None) -> None:
        from trainer.ui.screens.briefing import BriefingScreen

        self.language = self.options.language or scenario.language
        self.push_screen(BriefingScreen(scenario, self.language, mode or self.options.mode))

    @on(StartSession)
    def _start(self, event: StartSession) -> None:
        self.start_round(event.scenario, event.mode)

    @on(SessionFinished)
    def _finished(self, event: SessionFinished) -> None:
        self.finish_round(event.game)

    def action_help(self) -> None:
        from trainer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.language))


def make_app(options: UiOptions | None = None) -> WebcareApp:
    """The one factory the CLI and every test use.

    With `options.read_later` the library is read in a worker after the first frame (the
    CLI's way: start-up speed); otherwise now, so a test's first key press finds it.
    """
    from trainer.ui.input_guard import guard_input

    guard_input()  # pasted escapes and Escape-then-Ctrl+B read in order (see input_guard)
    options = options or UiOptions()
    if options.read_later:
        return WebcareApp(options, None)
    from trainer.scenario.library import load_library

    return WebcareApp(options, load_library(options.scenario_paths or None))
