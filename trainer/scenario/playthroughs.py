"""Playthroughs: scripted trainees a scenario carries, and what must come of them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from trainer.scenario.fields import Model, Name, Names, Texts
from trainer.scenario.kinds import Trade


class Expectation(Model):
    """What a playthrough must come to."""

    outcome: Name = Field(description="The outcome it must end in (`left` when it ends with /end).",
                          examples=["resolved"])
    scores: dict[Trade, Annotated[tuple[int, int], Field(description="[lowest, highest]")]] = Field(
        default_factory=dict, description="Per trade, the range its score must fall in: [lowest, highest].",
        examples=[{"facilitator": [80, 100], "detective": [70, 100]}],
    )
    better_than: Names = Field(
        (), description="Other playthroughs of this case that this one must beat: its mean of the three trades' "
        "scores is higher than each of theirs. A coach's ranking of the plays, checked by `webcare test`.",
        examples=[["mediocre", "copy-paste"]],
    )


class Playthrough(Model):
    """A scripted trainee: moves as typed in plain play, and what must come of them."""

    name: Name = Field(description="A name of its own, shown by `webcare test`.", examples=["exemplary"])
    about: str = Field("", description="What this trainee does, for authors.",
                       examples=["Asks, looks up, explains the cause and refunds in full."])
    trainee: Texts = Field(min_length=1, description="Messages, `/lookup …`, `/do …`, `/end`.",
                           examples=[["So sorry about your seats. What happened?", "/lookup booking",
                                      "/do refund_seats 160"]])
    expect: Expectation = Field(description="The outcome and score ranges it must reach.",
                                examples=[{"outcome": "resolved", "scores": {"facilitator": [80, 100]}}])
