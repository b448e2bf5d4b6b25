"""The conversation so far, styled for its channel; one log widget however long it gets."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text
from textual.widgets import RichLog

from trainer.engine.channels import CHANNELS
from trainer.scenario.models import Scenario
from trainer.ui.i18n import tr


def followers(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 10_000:
        return f"{n / 1000:.0f}K"
    if n >= 1000:
        return f"{n / 1000:.1f}K"
    return str(n)


class Transcript(RichLog):
    """Messages are rendered once and appended as lines, so message 500 costs what message 10 did."""

    DEFAULT_CSS = """
    Transcript { background: $surface; padding: 0 1; }
    """

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, auto_scroll=True, min_width=30, **kwargs)
        self.scenario = scenario
        self.language = language
        self.turn_lines: dict[int, int] = {}
        """First line of each turn, to jump to it from the scorecard."""
        self.messages = 0

    def _mark(self, turn: int) -> None:
        self.turn_lines.setdefault(turn, len(self.lines))

    def customer(self, text: str, turn: int) -> None:
        self._mark(turn)
        c = self.scenario.customer
        channel = self.scenario.channel
        if channel == "twitter":
            who = Text.assemble((c.name, "bold"), " ", (c.handle, "dim"), " · ",
                                (tr(self.language, "chat.followers", n=followers(c.followers)), "dim"))
            body: RenderableType = Group(who, Text(text))
            self.write(Panel(body, border_style="cyan", expand=True))
        elif channel == "email":
            head = Text.assemble((f"{c.name} <{c.handle}>", "bold"))
            self.write(Panel(Group(head, Text(""), Text(text)), border_style="cyan", title="✉", title_align="left"))
        else:
            self.write(Panel(Text(text), border_style="cyan", title=c.first_name, title_align="left",
                             width=self._bubble_width()))
        self.messages += 1

    def trainee(self, text: str, turn: int) -> None:
        self._mark(turn)
        label = "you" if self.language == "en" else "jij"
        if self.scenario.channel == "twitter":
            self.write(Panel(Text(text), border_style="green", title=f"{label} · {turn}", title_align="right"))
        else:
            self.write(Panel(Text(text), border_style="green", title=f"{label} · {turn}",
                             title_align="right", width=self._bubble_width()), expand=False)
        self.messages += 1

    def system(self, text: str, turn: int | None = None, style: str = "dim italic") -> None:
        if turn is not None:
            self._mark(turn)
        self.write(Text(text, style=style))

    def record(self, title: str, body: str, ok: bool, turn: int) -> None:
        """A back-office screen or action result, shown in the conversation's timeline."""
        self._mark(turn)
        style = "yellow" if ok else "red"
        self.write(Panel(Text(body.strip()), title=f"⌕ {title}", title_align="left", border_style=style))

    def scroll_to_turn(self, turn: int) -> None:
        line = self.turn_lines.get(turn)
        if line is None:
            earlier = [t for t in self.turn_lines if t <= turn]
            line = self.turn_lines[max(earlier)] if earlier else 0
        self.auto_scroll = False
        self.scroll_to(y=line, animate=False)

    def _bubble_width(self) -> int | None:
        width = self.scrollable_content_region.width
        return max(30, int(width * 0.8)) if width else None


def channel_line(scenario: Scenario, language: str) -> str:
    """One line naming the channel and audience, for the top of the chat."""
    traits = CHANNELS[scenario.channel]
    c = scenario.customer
    parts = [traits.label, scenario.audience, f"{c.handle} · {tr(language, 'chat.followers', n=followers(c.followers))}"]
    if scenario.channel == "email":
        parts.append(tr(language, "chat.subject", subject=scenario.title))
    return "  ·  ".join(parts)
