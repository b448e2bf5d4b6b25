"""The back office beside the chat: look-ups, actions with their limits, and the notebook of facts."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, RichLog
from textual.widgets.option_list import Option

from trainer.scenario.models import Scenario
from trainer.ui.i18n import tr


class BackOffice(Vertical):
    """Choosing a look-up or an action posts a request; the chat screen carries it out."""

    @dataclass
    class LookupChosen(Message):
        tool: str

    @dataclass
    class ActionChosen(Message):
        action: str

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.language = language

    def compose(self) -> ComposeResult:
        s = self.scenario
        yield Label(tr(self.language, "office.lookups"), classes="office-heading")
        yield OptionList(*(Option(tool.label, id=name) for name, tool in s.lookups.items()), id="lookups")
        yield Label(tr(self.language, "office.actions"), classes="office-heading")
        yield OptionList(
            *(Option(self._action_label(name), id=name) for name in s.actions), id="actions"
        )
        yield Label(tr(self.language, "office.notes"), classes="office-heading")
        yield RichLog(id="notebook", wrap=True, markup=False, min_width=20)

    def _action_label(self, name: str, given: float = 0.0) -> str:
        action = self.scenario.actions[name]
        if action.limit is None:
            return action.label
        left = action.limit - given
        return f"{action.label} (≤ {left:g})"

    @on(OptionList.OptionSelected, "#lookups")
    def _lookup(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.LookupChosen(event.option.id or ""))

    @on(OptionList.OptionSelected, "#actions")
    def _act(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.ActionChosen(event.option.id or ""))

    def note(self, text: str) -> None:
        self.query_one("#notebook", RichLog).write(Text("✎ " + text))

    def refresh_limits(self, given: dict[str, float], done: dict[str, int]) -> None:
        """Show what is left of each limit, and dim actions that can't be done again."""
        actions = self.query_one("#actions", OptionList)
        for index, name in enumerate(self.scenario.actions):
            action = self.scenario.actions[name]
            label = self._action_label(name, given.get(name, 0.0))
            actions.replace_option_prompt_at_index(index, label)
            if action.once and name in done:
                actions.disable_option_at_index(index)
