"""A stored conversation turn by turn, each with what it counted for; a turn can be chosen for a note."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Label, ListItem, ListView

from trainer.review.annotate import Line
from trainer.terminal import shown
from trainer.texts import tr


def render_line(line: Line, language: str) -> Text:
    """The turn as text: what was said, noted and counted, exactly as stored (`shown`: controls written out)."""
    text = Text()
    if line.who == "system":
        text.append(f"{line.turn:>3}  ", style="dim")
        text.append(shown(line.text), style="italic dim")
    else:
        text.append(f"{line.turn:>3}  ", style="dim")
        text.append(tr(language, f"who.{line.who}"), style="bold cyan" if line.who == "customer" else "bold")
        tags = []
        if line.trade:
            tags.append(tr(language, f"trade.{line.trade}") if line.trade != "other" else "–")
        if line.mood_delta:
            tags.append(f"mood {line.mood_delta:+d}")
        if tags:
            text.append("  " + " · ".join(tags), style="dim")
        text.append("\n     " + shown(line.text).replace("\n", "\n     "))
    for meant in line.meant:
        text.append(f"\n     ≈ {shown(meant)}", style="dim")
    for fact in line.facts:
        text.append(f"\n     ⌕ {shown(fact)}", style="blue")
    for trade, title, good, note in line.criteria:
        text.append(f"\n     {'✓' if good else '✗'} {tr(language, f'trade.{trade}')}: {shown(title)}",
                    style="green" if good else "red")
        if note:
            text.append(f" — {shown(note)}", style="dim")
    for note in line.notes:
        text.append(f"\n     ✎ {shown(note.author)}: {shown(note.text)}", style="yellow")
    return text


class TurnItem(ListItem):
    def __init__(self, line: Line, language: str) -> None:
        super().__init__(Label(render_line(line, language), markup=False), classes=f"-{line.who}")
        self.line = line


class TurnList(ListView):
    """The annotated turns; `chosen` is the line under the cursor."""

    def show(self, lines: list[Line], language: str) -> None:
        index = self.index
        self.clear()
        self.extend(TurnItem(line, language) for line in lines)
        if lines:
            self.index = min(index or 0, len(lines) - 1)

    @property
    def chosen(self) -> Line | None:
        item = self.highlighted_child
        return item.line if isinstance(item, TurnItem) else None
