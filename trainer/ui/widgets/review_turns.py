"""A stored conversation turn by turn, each with what it counted for; a turn can be chosen for a note or opened."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, ListItem, ListView

from trainer.review.annotate import Line
from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.colours import ASIDE, BAD, GOOD, HER, WARN, content

INDENT = "     "
"""The width of the turn-number gutter: a turn's later lines start under its first word."""
CHOSEN = "▶"


def gutter(line: Line, chosen: bool = False) -> Text:
    """`▶ 12 `: the turn's number, marked when it is the turn under the cursor."""
    return Text.assemble((CHOSEN if chosen else " ", "bold reverse" if chosen else ""),
                         (f"{line.turn:>3} ", "bold" if chosen else "dim"))


def render_body(line: Line, language: str) -> Text:
    """The turn as text, in full: what was said, noted and counted, exactly as stored (`shown`: controls written
    out). Lines are not indented: the caller puts them beside the gutter, or indents them."""
    text = Text()
    if line.who == "system":
        text.append(shown(line.text), style="italic dim")
    else:
        text.append(tr(language, f"who.{line.who}"), style=f"bold {HER}" if line.who == "customer" else "bold")
        tags = []
        if line.trade:
            tags.append(tr(language, f"trade.{line.trade}") if line.trade != "other" else "–")
        if line.mood_delta:
            tags.append(f"mood {line.mood_delta:+d}")
        if tags:
            text.append("  " + " · ".join(tags), style="dim")
        text.append("\n" + shown(line.text))
    for meant in line.meant:
        text.append(f"\n≈ {shown(meant)}", style="dim")
    for fact in line.facts:
        text.append(f"\n⌕ {shown(fact)}", style=ASIDE)
    for trade, title, good, note in line.criteria:
        text.append(f"\n{'✓' if good else '✗'} {tr(language, f'trade.{trade}')}: {shown(title)}",
                    style=GOOD if good else BAD)
        if note:
            text.append(f" — {shown(note)}", style="dim")
    for note in line.notes:
        text.append(f"\n✎ {shown(note.author)}: {shown(note.text)}", style=WARN)
    return text


def render_line(line: Line, language: str) -> Text:
    """The turn with its number in front and its later lines indented under the first: one block of text."""
    text = gutter(line)
    text.append(" ")
    text.append_text(Text("\n" + INDENT).join(render_body(line, language).split("\n", allow_blank=True)))
    return text


class TurnItem(ListItem):
    """One turn: its number in a gutter (marked ▶ when chosen), its text wrapped beside it in full."""

    def __init__(self, line: Line, language: str) -> None:
        super().__init__(classes=f"-{line.who}")
        self.line = line
        self.language = language

    def compose(self) -> ComposeResult:
        yield Label(gutter(self.line, self.highlighted), classes="turn-gutter", markup=False)
        yield Label(content(render_body(self.line, self.language)), classes="turn-body", markup=False)

    def watch_highlighted(self, value: bool) -> None:
        super().watch_highlighted(value)
        if self.is_mounted:
            self.query_one(".turn-gutter", Label).update(gutter(self.line, value))

    def on_mount(self) -> None:
        self.query_one(".turn-gutter", Label).update(gutter(self.line, self.highlighted))


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
