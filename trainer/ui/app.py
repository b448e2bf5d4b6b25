"""The Webcare Trainer app: navigation between screens; the screens own their work."""

from __future__ import annotations

from textual import on
from textual.app import App
from textual.binding import Binding

from scoring import TRADES, Scorecard, score
from trainer.game import Game, rewind
from trainer.scenario.library import Library, find_scenario, load_library
from trainer.scenario.models import Scenario
from trainer.ui.i18n import tr
from trainer.ui.messages import SessionFinished, StartSession
from trainer.ui.options import UiOptions
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.chat import ChatScreen
from trainer.ui.screens.compare import CompareScreen
from trainer.ui.screens.help import HelpScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.rewind import RewindScreen
from trainer.ui.screens.scorecard import ScorecardScreen


class WebcareApp(App[None]):
    CSS_PATH = "trainer.tcss"
    TITLE = "Webcare Trainer"
    BINDINGS = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, options: UiOptions, library: Library) -> None:
        super().__init__()
        self.options = options
        self.library = library
        self.best: dict[str, dict[str, int]] = {}
        """Best scores per scenario in this run (the store issue makes them last)."""
        self.language = options.language or "en"

    def on_mount(self) -> None:
        if self.options.scenario:
            self.open_briefing(find_scenario(self.options.scenario))
        else:
            self.show_picker()

    # -- navigation --------------------------------------------------------------------------

    def show_picker(self) -> None:
        self.language = self.options.language or "en"
        picker = PickerScreen(self.library.scenarios, self.best, self.language)
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(picker)

    def open_briefing(self, scenario: Scenario) -> None:
        self.language = self.options.language or scenario.language
        self.push_screen(BriefingScreen(scenario, self.language, self.options.mode))

    @on(StartSession)
    def _start(self, event: StartSession) -> None:
        game = Game(event.scenario, seed=self.options.seed, clock=self.options.clock, mode=event.mode)
        self.switch_screen(ChatScreen(game, self.language, self.options.typing_speed))

    @on(SessionFinished)
    def _finished(self, event: SessionFinished) -> None:
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
        self.switch_screen(ScorecardScreen(game, card, self.language))

    @on(RewindScreen.Chosen)
    def _rewind(self, event: RewindScreen.Chosen) -> None:
        """Replay the first game up to the chosen turn; the chat takes the place of its scorecard."""
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
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.language))

    def title_for(self, key: str) -> str:
        return tr(self.language, key)


def make_app(options: UiOptions | None = None) -> WebcareApp:
    """The one factory the CLI and every test use."""
    options = options or UiOptions()
    library = load_library(options.scenario_paths or None)
    return WebcareApp(options, library)
