"""What the app's parts use of the app, for the type checker: `AppHost` for its mixins, `webcare_app` for screens.

`WebcareApp` is put together from `RoundNavigation` and `CampaignNavigation` so app.py stays small; each of them
uses the app's state and screens and the other's methods. `AppHost` declares those, so mypy checks the mixins'
bodies against it and `WebcareApp` against them. At run time it is `object`: the mixins stay plain classes (Textual
collects handlers and bindings from the App class itself).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from textual.app import App

    from scoring import Scorecard
    from trainer.play import Round
    from trainer.scenario.kinds import Trade
    from trainer.scenario.library import Library
    from trainer.scenario.models import Scenario
    from trainer.store import SessionRow, Store
    from trainer.ui.app import WebcareApp
    from trainer.ui.options import UiOptions

    class AppHost(App[None]):
        """The app as its mixins see it: `WebcareApp`'s state, its own navigation and the other mixin's."""

        options: UiOptions
        library: Library | None
        store: Store | None
        language: str
        best: dict[str, dict[Trade, int]]
        unfinished: list[SessionRow]

        @property
        @abstractmethod
        def trainee(self) -> str: ...

        # WebcareApp's own navigation
        @abstractmethod
        def show_picker(self) -> None: ...
        @abstractmethod
        def open_briefing(self, scenario: Scenario, mode: str | None = None) -> None: ...
        @abstractmethod
        def _scenario(self, ref: str) -> Scenario: ...

        # CampaignNavigation's, used by RoundNavigation
        @abstractmethod
        def campaign_tags(self, scenario_id: str) -> dict[str, str]: ...
        @abstractmethod
        def test_refused(self, scenario_id: str, mode: str) -> bool: ...
        @abstractmethod
        def campaign_finished(self, game: Round, tagged: bool) -> None: ...
        @abstractmethod
        def scorecard_extras(self, game: Round, card: Scorecard) -> dict[str, Any]: ...

else:
    AppHost = object


def webcare_app(app: App[Any]) -> WebcareApp:
    """The app a screen of the game runs in, as what it is: Textual types every `self.app` as `App[Any]`."""
    return cast("WebcareApp", app)
