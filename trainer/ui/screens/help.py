"""Help: the moves, the keys and the three trades, in the app's language, over any screen."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen, Screen

from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import markdown_verbatim

HERE = Path(__file__).parent

ACTION_TEXT = {
    "help": "key.help",
    "hint": "key.hint",
    "focus_office": "key.office",
    "focus_composer": "key.chat",
    "end": "key.end",
    "quit": "key.quit",
    "new": "key.new",
    "rewind": "key.rewind",
    "back": "key.back",
    "choose": "key.choose",
    "command_palette": "key.palette",
    "filter": "key.filter",
    "transcript": "key.transcript",
    "focus_transcript": "key.transcript",
    "send": "key.send",
    "focus_next": "key.next",
    "focus_previous": "key.previous",
    "dismiss": "key.close",
}
"""Binding actions whose description the interface says in its own language."""

KEY_NAMES = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Space",
             "pageup": "PgUp", "pagedown": "PgDn", "backspace": "Backspace", "delete": "Del"}


def help_text(language: str) -> str:
    """The fixed part: moves, keys and trades, from `help_<language>.md` beside this module."""
    path = HERE / f"help_{language}.md"
    if not path.exists():
        path = HERE / "help_en.md"
    return path.read_text("utf-8")


def key_name(key: str) -> str:
    """`ctrl+b` → `Ctrl+B`, `question_mark` → `?`, `f1` → `F1`: keys as a person names them."""
    *modifiers, last = key.split("+")
    if last in KEY_NAMES:
        name = KEY_NAMES[last]
    elif len(last) > 1 and last[0] == "f" and last[1:].isdigit():
        name = last.upper()
    else:
        name = format_key(last)
        name = name.upper() if modifiers and len(name) == 1 else name
    return "+".join([*(m.capitalize() for m in modifiers), name])


def keys_section(screen: Screen, language: str) -> str:
    """The keys of `screen` and of the app (not of the focused widget's own), as a Markdown list."""
    app = screen.app
    rows: dict[tuple[int, str], list[str]] = {}
    texts: dict[tuple[int, str], str] = {}
    for key, active in screen.active_bindings.items():
        if active.node is not screen and active.node is not app:
            continue  # the focused widget's own keys (cursor moves, editing) are not news
        binding: Binding = active.binding
        action = binding.action.split("(")[0].rsplit(".", 1)[-1]
        text = tr(language, ACTION_TEXT[action]) if action in ACTION_TEXT else binding.description
        if not text:
            continue
        group = (0 if active.node is screen else 1, action)
        shown = binding.key_display or key_name(key)
        rows.setdefault(group, [])
        if shown not in rows[group]:
            rows[group].append(shown)
        texts.setdefault(group, text)
    if not rows:
        return ""
    lines = [f"## {tr(language, 'help.keys')}", ""]
    for group in sorted(rows, key=lambda g: g[0]):
        keys = " / ".join(f"**{k}**" for k in rows[group])
        lines.append(f"- {keys} — {texts[group]}")
    return "\n".join(lines) + "\n"


def plain(text: str) -> str:
    """An author's text as Markdown that shows it as written (no stray emphasis, links or markup)."""
    return markdown_verbatim(text)


def scenario_section(scenario: Scenario, language: str) -> str:
    """This scenario's look-ups and actions, with the limits of the trainee's mandate."""
    lines = [f"## {tr(language, 'help.scenario', title=plain(scenario.title))}", ""]
    if scenario.lookups:
        lines += [f"**{tr(language, 'help.lookups')}**", ""]
        lines += [f"- `/lookup {name}` — {plain(lookup.label)}" for name, lookup in scenario.lookups.items()]
        lines.append("")
    if scenario.actions:
        lines += [f"**{tr(language, 'help.actions')}**", ""]
        for name, action in scenario.actions.items():
            if action.limit is None:
                lines.append(f"- `/do {name}` — {plain(action.label)}")
            else:
                limit = tr(language, "help.limit", limit=f"{action.limit:g}")
                lines.append(f"- `/do {name} {tr(language, 'help.amount')}` — {plain(action.label)} · {limit}")
        lines.append("")
    return "\n".join(lines)


class HelpScreen(KeysInLanguage, ModalScreen[None]):
    """Opened over any screen: its scenario's look-ups and actions and its keys are added."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f1,question_mark", "dismiss", "key.close")]

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        from textual.widgets import Markdown  # markdown-it loads when help is first asked for

        body = VerticalScroll(id="help")
        body.border_title = tr(self.language, "help.title")
        body.border_subtitle = tr(self.language, "help.close")
        with body:
            yield Markdown(self.text(), id="help-text")

    def text(self) -> str:
        """The help for the screen underneath: the fixed text, then its scenario and keys."""
        parts = [help_text(self.language)]
        below = self.opened_over()
        if below is not None:
            scenario = getattr(below, "scenario", None)
            if isinstance(scenario, Scenario):
                parts.append(scenario_section(scenario, self.language))
            parts.append(keys_section(below, self.language))
        return "\n".join(p for p in parts if p)

    def opened_over(self) -> Screen | None:
        stack = [s for s in self.app.screen_stack if s is not self]
        return stack[-1] if stack else None

    def on_mount(self) -> None:
        self.query_one("#help").focus()  # arrows, PgUp/PgDn, Home/End scroll at once
