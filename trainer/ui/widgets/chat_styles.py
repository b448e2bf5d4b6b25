"""How a message looks on each channel: a public tweet thread, DM bubbles, e-mails, a live chat."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich import box
from rich.align import Align
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from trainer.engine.channels import CHANNELS, Where, handle_shown
from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.colours import ASIDE, BAD, HER, WARN, YOU, themed
from trainer.ui.verbatim import verbatim


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of the transcript, kept as data so it can be drawn again at another width."""

    kind: str
    """`customer`, `trainee`, `record` (a look-up or action), `hint` or `system`."""
    text: str
    turn: int | None = None
    at: float = 0.0
    """Game clock (seconds since the start), shown as the message time in live chat."""
    title: str = ""
    ok: bool = True
    mark: str = "✓"
    """For a record: ⌕ a look-up, ✓ an action (✗ when refused)."""
    style: str = ""
    channel: str = ""
    """For a message: the channel it was posted on (a thread that moved to DM); empty: the scenario's."""
    audience: str = ""


def followers(n: int) -> str:
    """3800 → 3.8K, 12_000 → 12K, 1_500_000 → 1.5M."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 10_000:
        return f"{n / 1000:.0f}K"
    if n >= 1000:
        return f"{n / 1000:.1f}K"
    return str(n)


def clock_time(seconds: float) -> str:
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def brand_handle(scenario: Scenario) -> str | None:
    """The company's handle the trainee posts as: the first detail that looks like `@name`."""
    return next((v for v in scenario.details.values() if isinstance(v, str) and v.startswith("@")), None)


def subject(scenario: Scenario) -> str:
    return scenario.title


def moves_line(scenario: Scenario, language: str) -> str:
    """The moves the composer takes besides a message, with this scenario's names: `/do refund_seats`…"""
    return tr(language, "chat.moves", actions=", ".join(scenario.actions), lookups=", ".join(scenario.lookups))


def channel_line(scenario: Scenario, language: str, where: Where | None = None) -> str:
    """One line naming the channel and audience where the conversation is now, for the top of the chat:
    her followers only while others read along, a phone number as one."""
    c, here = scenario.customer, where or Where(scenario.channel, scenario.audience)
    parts = [tr(language, f"chat.channel.{here.channel}"), tr(language, f"chat.audience.{here.audience}")]
    handle = handle_shown(c.handle, language)
    if here.public:
        parts.append(f"{handle} · {tr(language, 'chat.followers', n=followers(c.followers))}")
    else:
        parts.append(f"{c.name} ({handle})")
    if here.channel == "email":
        parts.append(tr(language, "chat.subject", subject=subject(scenario)))
    return "  ·  ".join(parts)


def moved_line(where: Where, language: str) -> str:
    """`— the conversation moved: Direct messages · private`, in the timeline where the story moved it."""
    return tr(language, "chat.moved", channel=tr(language, f"chat.channel.{where.channel}"),
              audience=tr(language, f"chat.audience.{where.audience}"))


class ChannelStyle:
    """Draws the customer's messages and yours as the channel shows them; `width` is the transcript's.
    Every word from the scenario, the trainee or a model is drawn `verbatim`: never markup, controls written out.
    Rich draws it, so the theme's colours are put in from `variables` (the transcript sets them)."""

    def __init__(self, scenario: Scenario, language: str) -> None:
        self.scenario = scenario
        self.language = language
        self.customer = scenario.customer
        self.brand = brand_handle(scenario)
        self.handle = handle_shown(self.customer.handle, language)
        self.variables: Mapping[str, str] = {}
        """The theme's colours (`App.theme_variables`); empty: none."""

    def paint(self, style: str) -> str:
        """`style` with the theme's colours in."""
        return str(themed(style, self.variables))

    def render(self, entry: Entry, width: int, first: bool) -> RenderableType:
        if entry.kind == "customer":
            return self.hers(entry, width, first)
        if entry.kind == "trainee":
            return self.yours(entry, width, first)
        if entry.kind == "record":
            mark, style = (entry.mark, WARN) if entry.ok else ("✗", f"bold {BAD}")
            line = Text.assemble(verbatim(f"{mark} {entry.title}", self.paint(style)))
            if entry.text:
                line.append_text(verbatim(f" — {entry.text}", self.paint(BAD) if not entry.ok else "dim"))
            return line
        if entry.kind == "hint":
            return Text.assemble(verbatim(f"{entry.title} ", self.paint(f"bold {ASIDE}")),
                                 verbatim(entry.text, self.paint(f"italic {ASIDE}")))
        return verbatim(entry.text, style=entry.style or "dim italic")

    # -- the customer's side and yours, per channel ----------------------------------------

    def hers(self, entry: Entry, width: int, first: bool) -> RenderableType:
        c, channel, her = self.customer, entry.channel or self.scenario.channel, self.paint(HER)
        if channel == "twitter":
            head = Text.assemble(verbatim(c.name, "bold"), " ", verbatim(self.handle, "dim"))
            if (entry.audience or self.scenario.audience) == "public":  # no one reads a private thread's followers
                head.append_text(Text.assemble("  ", (tr(self.language, "chat.followers", n=followers(c.followers)),
                                                      "dim")))
            return self._threaded(Panel(Group(head, verbatim(entry.text)), box=box.ROUNDED, border_style=her), first)
        if channel == "email":
            fields = [self._field("chat.from", f"{c.name} <{self.handle}>"),
                      self._field("chat.subject_field", subject(self.scenario))]
            body = [verbatim(entry.text), Text(""), verbatim(c.first_name, style="dim italic")]
            return Panel(Group(*fields, Text(""), *body), box=box.ROUNDED, border_style=her,
                         title=tr(self.language, "chat.mail_in"), title_align="left")
        if channel == "chat":
            return self._chat_line(c.first_name, entry, her)
        return self._bubble(entry.text, c.first_name, her, width, right=False)

    def yours(self, entry: Entry, width: int, first: bool) -> RenderableType:
        c, channel, you = self.customer, entry.channel or self.scenario.channel, tr(self.language, "chat.you")
        yours = self.paint(YOU)
        if channel == "twitter":
            head = Text.assemble(verbatim(self.brand or you, f"bold {yours}"), "  ",
                                 verbatim(tr(self.language, "chat.replying_to", handle=self.handle), "dim"))
            limit = CHANNELS[channel].max_chars
            foot = Text(f"{len(entry.text)}/{limit}", style="dim", justify="right") if limit else Text("")
            return self._threaded(Panel(Group(head, verbatim(entry.text), foot), box=box.ROUNDED, border_style=yours,
                                        title=f"{you} · {entry.turn}", title_align="right"), first)
        if channel == "email":
            fields = [self._field("chat.from", you if not self.brand else f"{you} ({self.brand})"),
                      self._field("chat.to", f"{c.name} <{self.handle}>"),
                      self._field("chat.subject_field", f"Re: {subject(self.scenario)}")]
            return Panel(Group(*fields, Text(""), verbatim(entry.text)), box=box.ROUNDED, border_style=yours,
                         title=tr(self.language, "chat.mail_out", turn=entry.turn), title_align="right")
        if channel == "chat":
            return self._chat_line(you.capitalize(), entry, yours)
        return self._bubble(entry.text, f"{you} · {entry.turn}", yours, width, right=True)

    # -- pieces ------------------------------------------------------------------------------

    def _threaded(self, panel: Panel, first: bool) -> RenderableType:
        """Tweets in a thread hang together by a line, as replies do on the site."""
        return panel if first else Group(Text("  │", style="dim"), panel)

    def _field(self, key: str, value: str) -> Text:
        return Text.assemble((f"{tr(self.language, key)} ", "dim"), verbatim(value, "bold"))

    def _chat_line(self, who: str, entry: Entry, colour: str) -> RenderableType:
        head = Text.assemble(verbatim(who, f"bold {colour}".strip()), "  ", (clock_time(entry.at), "dim"))
        return Group(head, Padding(verbatim(entry.text), (0, 0, 0, 2)))

    def _bubble(self, text: str, title: str, colour: str, width: int, right: bool) -> RenderableType:
        """A bubble of at most ~3/4 of the width, the customer's on the left and yours on the right."""
        widest = max(24, int(width * 0.75))
        body, heading = verbatim(text), verbatim(title)
        longest = max((Text(line).cell_len for line in body.plain.splitlines() or [""]), default=0)
        size = min(widest, max(longest + 4, heading.cell_len + 6))
        bubble = Panel(body, box=box.ROUNDED, border_style=colour, title=heading,
                       title_align="right" if right else "left", width=min(size, width))
        return Align.right(bubble) if right else bubble
