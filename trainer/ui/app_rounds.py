"""The app's rounds: start one, resume or forget a stopped one, rewind to a turn, and show how one ended.
A mixin of `WebcareApp`, so app.py stays small; the round itself (`trainer.play.Round`) decides everything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.errors import TrainerError
from trainer.texts import tr
from trainer.ui.app_host import AppHost

if TYPE_CHECKING:
    from scoring import Scorecard
    from trainer.play import Round
    from trainer.scenario.kinds import Trade
    from trainer.scenario.models import Scenario
    from trainer.store import SessionRow
    from trainer.ui.screens.rewind import RewindScreen


class RoundNavigation(AppHost):
    """State: the best scores per scenario (the trainee's from the store, and this run's)."""

    def start_round(self, scenario: Scenario, mode: str) -> None:
        """A fresh round of `scenario`, kept in the store when sessions are saved, in the chat."""
        from trainer.play import Round

        if self.test_refused(scenario.id, mode):
            return
        if self.options.require_saving and self.store is None:
            self.notify(tr(self.language, "store.required", reason=""), severity="error", timeout=10)
            return
        live, seed = self.options.live, self.options.seed
        start = self.options.start_for(scenario)
        game = Round(scenario, seed=seed, clock=self.options.clock, mode=mode, start=start,
                     customer=live.customer(scenario, seed) if live else None,
                     recogniser=live.intents(scenario) if live else None)
        if start is not None:
            self.notify(tr(self.language, "start.part_way", state=start.state, mood=game.session.mood))
        self._keep(game, **self.campaign_tags(scenario.id))
        self._chat(game, switch=True)

    def resume(self, row: SessionRow) -> None:
        """Pick up a stopped session where it was."""
        from trainer.play import Round
        from trainer.store import StoreError

        assert self.store is not None, "stopped sessions are offered from the store"
        try:
            scenario = self._scenario(row.scenario)
            live = self.options.live.customer(scenario, row.seed) if self.options.live else None
            game = Round.resume(self.store, row.id, scenario, clock=self.options.clock, customer=live)
        except (StoreError, TrainerError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.unfinished = [r for r in self.unfinished if r.id != row.id]
        self.language = self.options.language or scenario.language
        self._chat(game, switch=False)

    def discard(self, row: SessionRow) -> None:
        from trainer.store import StoreError

        if self.store is not None:
            try:
                self.store.discard(row.id)
            except StoreError as exc:  # played in another window meanwhile, or the disk can't be written
                self.notify(str(exc), severity="warning")
        self.unfinished = [r for r in self.unfinished if r.id != row.id]

    def on_rewind_screen_chosen(self, event: RewindScreen.Chosen) -> None:
        """Replay the first round up to the chosen turn; the chat takes the place of its scorecard.

        Chosen from the list of turns, or straight from a lesson on the scorecard ("try again from this turn").
        """
        from trainer.ui.screens.rewind import RewindScreen

        s = event.game.session
        tags = self.campaign_tags(s.scenario.id)
        mode = "practice" if s.mode == "test" else s.mode  # a test's scorecard offers no rewind; never a second test
        live = self.options.live  # replayed from the script; live from here on
        customer = live.customer(s.scenario, s.seed) if live and live.lines else None
        game = event.game.rewound(event.before_turn, mode=mode, live=self.options.clock, customer=customer)
        self._keep(game, rewound_at_turn=event.before_turn, **tags)
        if isinstance(self.screen, RewindScreen):
            self.pop_screen()  # the list of turns
        self._chat(game, switch=True)

    def finish_round(self, game: Round) -> None:
        """Score the round (saved with the store's news), then its scorecard, or the comparison after a what-if."""
        from scoring import TRADES
        from trainer.ui.screens.compare import CompareScreen
        from trainer.ui.store_news import tell

        finished = game.finish()
        tell(self, game, self.language)
        if game.saved is not None:
            self.campaign_finished(game, tagged=bool(self.campaign_tags(game.scenario.id)))
        if finished.cost is not None:  # a live customer: what the session asked of the model
            self.notify(finished.cost, title="LLM", timeout=15)
        card = finished.card
        self._remember(game.scenario.id, {t: card.trades[t].score for t in TRADES})
        first = game.rewound_from
        if first is None:
            self.show_scorecard(game, card)
        else:
            from scoring import score

            first_card = score(first.session.events, first.scenario)
            self.switch_screen(CompareScreen((first, first_card), (game, card), self.language))

    def show_scorecard(self, game: Round, card: Scorecard) -> None:
        from trainer.ui.screens.scorecard import ScorecardScreen

        self.switch_screen(ScorecardScreen(game, card, self.language, **self.scorecard_extras(game, card)))

    # -- helpers -------------------------------------------------------------------------------------

    def _keep(self, game: Round, **manifest: str | int) -> None:
        """Keep the round in the store (committed turn by turn), when sessions are saved."""
        from trainer.ui.store_news import tell

        if self.store is not None:
            game.keep(self.store, trainee=self.trainee, **manifest)
            tell(self, game, self.language)

    def _chat(self, game: Round, *, switch: bool) -> None:
        from trainer.ui.screens.chat import ChatScreen

        screen = ChatScreen(game, self.language, self.options.typing_speed)
        (self.switch_screen if switch else self.push_screen)(screen)

    def _remember(self, scenario_id: str, scores: dict[Trade, int]) -> None:
        best = self.best.get(scenario_id)
        if best is None or sum(scores.values()) > sum(best.values()):
            self.best[scenario_id] = scores
