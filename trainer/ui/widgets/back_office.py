"""The back office beside the chat: look-ups, actions with their limits, what they showed, the notebook."""

from __future__ import annotations

from dataclasses import dataclass

from rich.rule import Rule
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, RichLog
from textual.widgets.option_list import Option

from trainer.engine.events import ActionTaken, LookedUp
from trainer.engine.session import money
from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.colours import ASIDE, BAD, GOOD, WARN, follow_theme, themed
from trainer.ui.verbatim import verbatim


def _prompt(mark: str, label: str, sub: Text | None = None, colour: str = "") -> Table:
    """An option: a tick column (in `colour`), then the label with (dimmed, under it) what is left or done."""
    grid = Table.grid(expand=True)
    grid.add_column(width=2)
    grid.add_column(ratio=1)
    body = verbatim(label)
    if sub is not None:
        body.append("\n")
        body.append_text(sub)
    grid.add_row(Text(mark, style=colour), body)
    return grid


class BackOffice(Vertical):
    """Choosing a look-up or an action posts a request; the chat screen carries it out and then
    calls `show_result`, `note` and `refresh_state` with what the engine says. Drawn by Rich in the theme's
    colours, and drawn again when the theme changes (what was shown and noted is kept for that)."""

    @dataclass
    class LookupChosen(Message):
        tool: str

    @dataclass
    class ActionChosen(Message):
        action: str

    @dataclass
    class Typed(Message):
        """Keys typed or text pasted while the back office has the focus: words meant for the composer."""

        text: str

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.language = language
        self._looked_up: set[str] = set()
        self._given: dict[str, float] = {}
        self._done: dict[str, int] = {}
        self._results: list[tuple[str, str, bool, int, str]] = []
        """What each look-up showed and each action returned: (title, body, ok, turn, mark)."""
        self._notes: list[str] = []

    def compose(self) -> ComposeResult:
        s = self.scenario
        yield Label(tr(self.language, "office.lookups"), classes="office-heading")
        yield OptionList(*(Option(self._lookup_prompt(name), id=name) for name in s.lookups), id="lookups")
        yield Label(tr(self.language, "office.actions"), classes="office-heading")
        yield OptionList(*(Option(self._action_prompt(name), id=name) for name in s.actions), id="actions")
        yield Label(tr(self.language, "office.screen"), classes="office-heading")
        yield RichLog(id="office-screen", wrap=True, markup=False, min_width=20)
        yield Label(tr(self.language, "office.notes"), classes="office-heading")
        yield RichLog(id="notebook", wrap=True, markup=False, min_width=20)

    def on_mount(self) -> None:
        self._draw_logs()
        follow_theme(self, self._theme_changed)

    def _theme_changed(self) -> None:
        self._draw_logs()
        self.refresh_state(self._looked_up, self._given, self._done)

    def _draw_logs(self) -> None:
        screen, notebook = self.query_one("#office-screen", RichLog), self.query_one("#notebook", RichLog)
        screen.clear()
        notebook.clear()
        if not self._results:
            screen.write(Text(tr(self.language, "office.screen_empty"), style="dim"))
        for result in self._results:
            self._write_result(*result)
        if not self._notes:
            notebook.write(Text(tr(self.language, "office.notes_empty"), style="dim"))
        for text in self._notes:
            notebook.write(Text.assemble(("✎ ", self._paint(ASIDE)), verbatim(text)))

    def _paint(self, style: str) -> str:
        return str(themed(style, self.app.theme_variables))

    # -- prompts -------------------------------------------------------------------------------

    def _lookup_prompt(self, name: str) -> Table:
        return _prompt("✓" if name in self._looked_up else "", self.scenario.lookups[name].label,
                       colour=self._paint(GOOD))

    def _action_prompt(self, name: str) -> Table:
        action = self.scenario.actions[name]
        done = name in self._done
        t = self.language
        if action.limit is not None:
            left = max(0.0, action.limit - self._given.get(name, 0.0))
            sub = Text(tr(t, "office.left", left=money(left), limit=money(action.limit)), "dim" if left else self._paint(BAD))
        elif action.once:
            sub = Text(tr(t, "office.done_at", turn=self._done[name]) if done else tr(t, "office.once"), "dim")
        else:
            sub = None
        return _prompt("✓" if done else "", action.label, sub, colour=self._paint(GOOD))

    def used_up(self, name: str) -> bool:
        """Whether an action can't be done again: a once-only action that was done. (An action whose
        limit is given in full stays open: the engine refuses more, and that attempt is logged.)"""
        return self.scenario.actions[name].once and name in self._done

    # -- requests ------------------------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """A letter typed here (after a look-up, say) is the start of a message: never lost in a list."""
        if event.is_printable and event.character and event.key not in self.screen.active_bindings:
            event.stop()
            self.post_message(self.Typed(event.character))

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        if event.text:
            self.post_message(self.Typed(event.text))

    @on(OptionList.OptionSelected, "#lookups")
    def _lookup(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.LookupChosen(event.option.id or ""))

    @on(OptionList.OptionSelected, "#actions")
    def _act(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ActionChosen(event.option.id or ""))

    # -- what the engine said ------------------------------------------------------------------

    def show_result(self, title: str, body: str, ok: bool, turn: int, mark: str = "⌕") -> None:
        """What a look-up showed or an action returned, under the earlier ones (scroll back to them)."""
        if not self._results:
            self.query_one("#office-screen", RichLog).clear()
        self._results.append((title, body, ok, turn, mark))
        self._write_result(title, body, ok, turn, mark)

    def _write_result(self, title: str, body: str, ok: bool, turn: int, mark: str) -> None:
        screen = self.query_one("#office-screen", RichLog)
        when = tr(self.language, "office.turn", turn=turn) if turn else tr(self.language, "office.start")
        screen.write(Rule(when, align="left", style="dim"), expand=True)
        screen.write(verbatim(f"{mark if ok else '✗'} {title}", style=self._paint(f"bold {WARN}" if ok else f"bold {BAD}")))
        screen.write(verbatim(body.strip(), style="" if ok else self._paint(BAD)))

    def show_move(self, e: LookedUp | ActionTaken) -> tuple[str, str]:
        """A look-up's or an action's result, shown; its (label, mark) for the transcript's line."""
        if isinstance(e, LookedUp):
            label, mark = self.scenario.lookups[e.tool].label, "⌕"
        else:
            amount = f" · {money(e.amount)}" if e.amount is not None else ""
            label, mark = self.scenario.actions[e.action].label + amount, "✓"
        self.show_result(label, e.result, e.ok, e.turn, mark=mark)
        return label, mark

    def note(self, text: str) -> None:
        """A fact uncovered, kept in the notebook."""
        notebook = self.query_one("#notebook", RichLog)
        if not self._notes:
            notebook.clear()
        self._notes.append(text)
        notebook.write(Text.assemble(("✎ ", self._paint(ASIDE)), verbatim(text)))

    def refresh_state(self, looked_up: set[str], given: dict[str, float], done: dict[str, int]) -> None:
        """Tick used look-ups, show what is left of each limit, disable what can't be done again."""
        self._looked_up, self._given, self._done = set(looked_up), dict(given), dict(done)
        lookups = self.query_one("#lookups", OptionList)
        for index, name in enumerate(self.scenario.lookups):
            lookups.replace_option_prompt_at_index(index, self._lookup_prompt(name))
        actions = self.query_one("#actions", OptionList)
        for index, name in enumerate(self.scenario.actions):
            actions.replace_option_prompt_at_index(index, self._action_prompt(name))
            if self.used_up(name):
                actions.disable_option_at_index(index)
            else:
                actions.enable_option_at_index(index)
