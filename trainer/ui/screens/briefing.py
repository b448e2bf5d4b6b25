"""Read the briefing: who she is, the channel and audience, what you know and may do; pick the mode."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Markdown, RadioButton, RadioSet

from trainer.engine.channels import CHANNELS
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill
from trainer.ui.i18n import tr
from trainer.ui.messages import StartSession
from trainer.ui.widgets.transcript import followers


def briefing_markdown(scenario: Scenario, language: str) -> str:
    s, c = scenario, scenario.customer
    values = s.placeholders()
    out = [f"# {s.title}", "", f"*{s.teaser}*", ""]
    out += [f"**{tr(language, 'briefing.channel')}:** {CHANNELS[s.channel].label} · {s.audience} · {s.difficulty}", ""]
    out += [fill(s.briefing, values).strip(), ""]
    out += [f"## {tr(language, 'briefing.customer')}", "",
            f"**{c.name}** ({c.handle}, {tr(language, 'chat.followers', n=followers(c.followers))})", ""]
    if s.mandate:
        out += [f"## {tr(language, 'briefing.mandate')}", ""]
        out += [f"- {fill(item, values)}" for item in s.mandate]
    return "\n".join(out)


class BriefingScreen(Screen):
    BINDINGS = [("escape", "back", "Back"), ("ctrl+s", "start", "Start")]

    def __init__(self, scenario: Scenario, language: str, mode: str = "practice") -> None:
        super().__init__()
        self.scenario = scenario
        self.language = language
        self.mode = mode

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="briefing"):
            yield Markdown(briefing_markdown(self.scenario, self.language))
        with Horizontal(id="briefing-actions"):
            with RadioSet(id="mode"):
                yield RadioButton(tr(self.language, "briefing.practice"), value=self.mode == "practice", id="practice")
                yield RadioButton(tr(self.language, "briefing.test"), value=self.mode == "test", id="test")
            yield Button(tr(self.language, "briefing.start"), variant="primary", id="start")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(RadioSet.Changed, "#mode")
    def _mode(self, event: RadioSet.Changed) -> None:
        self.mode = event.pressed.id or "practice"

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.post_message(StartSession(self.scenario, self.mode))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
