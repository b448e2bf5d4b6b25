"""The Webcare Trainer app: navigation between screens; the screens own their work.

Start-up speed is a feature: screens, the scenario models and the scorer are imported when
first needed, and the CLI reads the library in a worker after the picker's first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding

from trainer.ui.messages import LibraryLoaded, SessionFinished, StartSession
from trainer.ui.options import UiOptions

if TYPE_CHECKING:
    from scoring import Scorecard
    from trainer.game import Game
    from trainer.scenario.library import Library
    from trainer.scenario.models import Scenario
    from trainer.ui.screens.rewind import RewindScreen


def _webcare_commands():
    from trainer.ui.commands import WebcareCommands

    return WebcareCommands


class WebcareApp(App[None]):
    CSS_PATH = "trainer.tcss"
    TITLE = "Webcare Trainer"
    COMMANDS = App.COMMANDS | {_webcare_commands}
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, options: UiOptions, library: Library | None) -> None:
        super().__init__()
        self.options = options
        self.library = library
        """None until read (see `make_app`)."""
        self.best: dict[str, dict[str, int]] = {}
        """Best scores per scenario in this run (the store issue makes them last)."""
        self.language = options.language or "en"

    def on_mount(self) -> None:
        if self.library is None:
            self.show_picker()
            self.call_after_refresh(self.read_library)  # not before the first frame: it costs CPU
        elif self.options.scenario:
            self.open_briefing(self._scenario(self.options.scenario))
        else:
            self.show_picker()

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def read_library(self) -> None:
        from trainer.scenario.library import load_library

        self.post_message(LibraryLoaded(load_library(self.options.scenario_paths or None)))

    @on(LibraryLoaded)
    def _library_loaded(self, event: LibraryLoaded) -> None:
        from trainer.ui.screens.picker import PickerScreen

        self.library = event.library
        if self.options.scenario:
            self.open_briefing(self._scenario(self.options.scenario))
        elif isinstance(self.screen, PickerScreen):
            self.screen.set_scenarios(event.library.scenarios)
        problems = [p for p in event.library.problems if p.severity == "error"]
        if problems:
            self.notify(f"{len(problems)} problem(s) in the scenarios; run `webcare check`.", severity="warning")

    def _scenario(self, ref: str) -> Scenario:
        from trainer.scenario.library import find_scenario

        found = self.library.get(ref) if self.library else None
        return found or find_scenario(ref)

    # -- navigation --------------------------------------------------------------------------

    def show_picker(self) -> None:
        from trainer.ui.screens.picker import PickerScreen

        self.language = self.options.language or "en"
        scenarios = self.library.scenarios if self.library else None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(PickerScreen(scenarios, self.best, self.language))

    def open_briefing(self, scenario: Scenario) -> None:
        from trainer.ui.screens.briefing import BriefingScreen

        self.language = self.options.language or scenario.language
        self.push_screen(BriefingScreen(scenario, self.language, self.options.mode))

    @on(StartSession)
    def _start(self, event: StartSession) -> None:
        from trainer.game import Game
        from trainer.ui.screens.chat import ChatScreen

        game = Game(event.scenario, seed=self.options.seed, clock=self.options.clock, mode=event.mode)
        self.switch_screen(ChatScreen(game, self.language, self.options.typing_speed))

    @on(SessionFinished)
    def _finished(self, event: SessionFinished) -> None:
        from scoring import TRADES, score
        from trainer.ui.screens.compare import CompareScreen

        game = event.game
        card = score(game.session.events, game.session.scenario)
        self._remember(game.session.scenario.id, {t: card.trades[t].score for t in TRADES})
        if event.rewound_from is None:
            self.show_scorecard(game, card)
        else:
            first = event.rewound_from
            first_card = score(first.session.events, first.session.scenario)
            self.switch_screen(CompareScreen((first, first_card), (game, card), self.language))

    def show_scorecard(self, game: Game, card: Scorecard) -> None:
        from trainer.ui.screens.scorecard import ScorecardScreen

        self.switch_screen(ScorecardScreen(game, card, self.language))

    def on_rewind_screen_chosen(self, event: RewindScreen.Chosen) -> None:
        """Replay the first game up to the chosen turn; the chat takes the place of its scorecard."""
        from trainer.game import rewind
        from trainer.ui.screens.chat import ChatScreen

        s = event.game.session
        game = rewind(s.scenario, s.events, before_turn=event.before_turn, seed=s.seed, mode=s.mode,
                      live=self.options.clock)
        self.pop_screen()  # the list of turns
        self.switch_screen(ChatScreen(game, self.language, self.options.typing_speed, rewound_from=event.game))

    def _remember(self, scenario_id: str, scores: dict[str, int]) -> None:
        best = self.best.get(scenario_id)
        if best is None or sum(scores.values()) > sum(best.values()):
            self.best[scenario_id] = scores

    def action_help(self) -> None:
        from trainer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.language))


def make_app(options: UiOptions | None = None) -> WebcareApp:
    """The one factory the CLI and every test use.

    With `options.read_later` the library is read in a worker after the first frame (the
    CLI's way: start-up speed); otherwise now, so a test's first key press finds it.
    """
    options = options or UiOptions()
    if options.read_later:
        return WebcareApp(options, None)
    from trainer.scenario.library import load_library

    return WebcareApp(options, load_library(options.scenario_paths or None))
