"""The briefing's card: who the customer is, and where and before whom you will answer them."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import Static

from trainer.engine.channels import CHANNELS, handle_shown
from trainer.scenario.models import Scenario
from trainer.texts import tr
from trainer.ui.colours import HER, content
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.chat_styles import followers

SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def persona_line(persona: str) -> str:
    """The persona's first sentence: who the customer is. The rest tells the customer how to behave, not you."""
    text = " ".join(persona.split())
    return SENTENCE_END.split(text, maxsplit=1)[0]


def wait_time(seconds: float, language: str) -> str:
    """180 → `3 min`, 90 → `90 s`: how long the customer waits before a slow answer starts to cost you."""
    if seconds >= 60 and seconds % 60 == 0:
        return tr(language, "briefing.minutes", n=int(seconds // 60))
    return tr(language, "briefing.seconds", n=int(seconds))


class BriefingCard(Static):
    """The customer's name, handle (followers when public), whom they write for and who they are; the channel,
    its audience, the level, the pace."""

    def __init__(self, scenario: Scenario, language: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.language = language
        self.border_title = tr(language, "briefing.customer")

    def on_mount(self) -> None:
        self.update(content(self.card()))

    def card(self) -> Text:
        s, c, language = self.scenario, self.scenario.customer, self.language
        who = verbatim(handle_shown(c.handle, language), HER)
        if s.audience == "public":  # followers only where there is an audience
            who = Text.assemble(who, " · ", tr(language, "briefing.followers", n=followers(c.followers)))
        traits = CHANNELS[s.channel]
        channel = tr(language, f"briefing.channel.{s.channel}", limit=traits.max_chars, segment=traits.segment)
        reply = wait_time(traits.reply_within, language)
        writes_for = [verbatim(tr(language, "briefing.writes_for", relation=c.writes_for.relation,
                                  name=c.writes_for.name))] if c.writes_for else []
        return Text("\n").join([
            verbatim(c.name, style="bold"),
            who,
            *writes_for,
            verbatim(persona_line(c.persona), style="italic"),
            Text(""),
            self._fact("briefing.channel", channel),
            self._fact("briefing.audience", tr(language, f"briefing.audience.{s.audience}", name=s.customer.first_name)),
            self._fact("briefing.pace", tr(language, "briefing.reply_within", time=reply, name=s.customer.first_name)),
            self._fact("briefing.level", tr(language, f"picker.difficulty.{s.difficulty}")),
        ])

    def _fact(self, heading: str, value: str) -> Text:
        return Text.assemble((f"{tr(self.language, heading)}: ", "bold"), verbatim(value))
