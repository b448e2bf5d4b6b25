"""The curriculum's modules, one line each, with their state: locked, unlocked, practised or passed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from trainer.texts import tr
from trainer.ui.colours import GOOD, WARN, YOU, content
from trainer.ui.verbatim import verbatim

if TYPE_CHECKING:
    from trainer.campaign.progress import ModuleProgress

MARKS = {"passed": ("✔", GOOD), "practised": ("◐", WARN), "unlocked": ("○", YOU), "locked": ("·", "dim")}


def module_state(module: ModuleProgress) -> str:
    if module.passed:
        return "passed"
    if not module.unlocked:
        return "locked"
    return "practised" if module.practised else "unlocked"


def module_line(number: int, module: ModuleProgress, current: bool, language: str) -> Text:
    """`▶ ◐ 2. Private channels   practised`; the current module marked and bold."""
    state = module_state(module)
    mark, style = MARKS[state]
    title_style = "bold" if current else "dim" if state == "locked" else ""
    return Text.assemble(
        ("▶ " if current else "  ", "bold" if current else ""),
        (mark, style), " ",
        verbatim(f"{number}. {module.module.title}", title_style),
        ("  " + tr(language, f"home.state.{state}"), f"italic {style}"),
    )


class ModuleList(Static):
    """Read-only: the home screen fills it from `Progress.modules`."""

    def show(self, modules: tuple[ModuleProgress, ...], current: ModuleProgress | None, language: str) -> None:
        lines = Text("\n").join(
            module_line(i, m, current is not None and m.module.id == current.module.id, language)
            for i, m in enumerate(modules, 1))
        self.update(content(lines))
