"""Read the briefing: who the customer is, the channel and audience, what you know and may do; pick the mode."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Label, Markdown, RadioButton, RadioSet, Static

from trainer.scenario.models import Scenario
from trainer.scenario.text import fill
from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.messages import StartSession
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.verbatim import markdown_verbatim, verbatim
from trainer.ui.widgets.briefing_card import BriefingCard
from trainer.ui.widgets.key_footer import KeyFooter

MODES = ("practice", "test")


def briefing_markdown(scenario: Scenario, language: str) -> str:
    """What the trainee knows (the briefing) and may do (the mandate), placeholders filled; the author's text shows
    as written (paragraphs kept, no Markdown of its own)."""
    values = scenario.placeholders()
    briefing = "\n\n".join(markdown_verbatim(para) for para in fill(scenario.briefing, values).strip().split("\n\n"))
    out = [f"## {tr(language, 'briefing.know')}", "", briefing, ""]
    if scenario.mandate:
        out += [f"## {tr(language, 'briefing.mandate')}", ""]
        out += [f"- {markdown_verbatim(fill(item, values))}" for item in scenario.mandate]
    return "\n".join(out)


class BriefingScreen(KeysInLanguage, Screen):
    """The Start button has the focus, so Enter starts; P and T pick the mode from anywhere on it."""

    AUTO_FOCUS = "#start"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - as Screen declares it
    """On a narrow terminal the modes stack, so the Start button stays whole beside them (trainer.tcss)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("p", "practice", "briefing.key.practice"),
        Binding("t", "test", "briefing.key.test"),
        Binding("ctrl+s", "start", "briefing.key.start"),
    ]

    def __init__(self, scenario: Scenario, language: str, mode: str = "practice") -> None:
        super().__init__()
        self.scenario = scenario
        self.language = language
        self.mode = mode if mode in MODES else "practice"

    def compose(self) -> ComposeResult:
        language = self.language
        yield Label(verbatim(self.scenario.title), classes="screen-title")
        yield Static(verbatim(self.scenario.teaser), id="briefing-teaser")
        with Horizontal(id="briefing-body"):
            yield BriefingCard(self.scenario, language, id="briefing-card")
            with VerticalScroll(id="briefing"):
                yield Markdown(briefing_markdown(self.scenario, language), id="briefing-text")
        with Horizontal(id="briefing-actions"):
            yield Label(tr(language, "briefing.mode"), id="briefing-mode-label")
            with RadioSet(id="briefing-mode"):
                for mode in MODES:
                    yield RadioButton(tr(language, f"briefing.{mode}"), value=self.mode == mode, id=mode)
            yield Button(tr(language, "briefing.start"), variant="primary", id="start")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The game learns the scenario's intents (stems, stances, example vectors) while the trainee reads.
        self.run_worker(self._learn_intents, thread=True, group="warm-up", exit_on_error=False)

    def _learn_intents(self) -> None:
        from trainer.meaning.intents import reader_for

        reader_for(self.scenario).warm()

    @on(RadioSet.Changed, "#briefing-mode")
    def _mode_chosen(self, event: RadioSet.Changed) -> None:
        self.mode = event.pressed.id or "practice"

    def action_practice(self) -> None:
        self._choose("practice")

    def action_test(self) -> None:
        self._choose("test")

    def _choose(self, mode: str) -> None:
        self.mode = mode
        self.query_one(f"#{mode}", RadioButton).value = True  # the set turns the other one off

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.post_message(StartSession(self.scenario, self.mode))

    def action_back(self) -> None:
        """Back where it was opened from: the picker, or a curriculum's home (a module's briefing); a new picker
        when the app opened this briefing directly."""
        from trainer.ui.screens.home import HomeScreen

        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, PickerScreen):
            self.app.pop_screen()
        elif isinstance(below, HomeScreen):
            webcare_app(self.app).show_home()  # the module is not played after all: its progress, read again
        else:
            webcare_app(self.app).show_picker()
