"""The customer's lines: one, variants, or variants per mood band, each perhaps with conditions (`LineWhen`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Self

from pydantic import AfterValidator, BeforeValidator, Field

from trainer.scenario.fields import Model, Names, Texts, as_tuple
from trainer.scenario.kinds import MoodBand


def _as_lines(value: object) -> object:
    """Lines may be one line, a list of variants, or variants per mood band."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"any": (value,)}
    if isinstance(value, (list, tuple)):
        return {"any": tuple(value)}
    if isinstance(value, dict) and "say" in value:
        return {"any": (value,)}
    if isinstance(value, dict):
        return {band: as_tuple(lines) for band, lines in value.items()}
    return value


LINES_HELP = ("One line, a list of variants (she picks one), or variants per mood "
              "(furious, angry, upset, calm, happy, any).")
LINES_EXAMPLES = [{"furious": "I PAID for legroom. Where was it?", "any": ["Well?", "So?"]}]


class LineWhen(Model):
    """A line she says only when the conversation so far fits: she never reacts to what was not said or done."""

    say: str = Field(min_length=1, description="What she says.",
                     examples=["Refund noted, thank you. Last thing: how do I know this won't happen again?"])
    if_said: Names = Field((), description="Only once the trainee has shown all these intents (in any message).",
                           examples=[["offer_refund"]])
    unless_said: Names = Field((), description="Not once the trainee has shown any of these intents.",
                               examples=[["offer_refund"]])
    if_done: Names = Field((), description="Only once the trainee has done all these actions.",
                           examples=[["refund_seats"]])
    unless_done: Names = Field((), description="Not once the trainee has done any of these actions.",
                               examples=[["refund_seats"]])
    if_wrote: Texts = Field(
        (), description="Only when the message she answers has one of these phrases (intent syntax): for a "
        "line that quotes the trainee.", examples=[["any inconvenience"]])


class Line(str):
    """A line of hers; `when` holds its conditions (None: always)."""

    __slots__ = ("when",)
    when: LineWhen | None

    def __new__(cls, text: str, when: LineWhen | None = None) -> Self:
        line = super().__new__(cls, text)
        line.when = when
        return line


def _to_line(value: object) -> object:
    return Line(value.say, value) if isinstance(value, LineWhen) else value


if TYPE_CHECKING:
    LineItem = str
    """Once validated, every item is text: a `Line` when it has conditions (see `_to_line`)."""
else:
    LineItem = Annotated[Annotated[str, Field(min_length=1)] | LineWhen, AfterValidator(_to_line)]
Lines = Annotated[
    dict[MoodBand, tuple[LineItem, ...]],
    BeforeValidator(_as_lines),
    Field(
        description="What the customer says: one line, a list of variants, "
        "or variants per mood (furious, angry, upset, calm, happy, any). A variant may be a mapping with "
        "`say:` and conditions (`if_said`, `unless_said`, `if_done`, `unless_done`, `if_wrote`)."
    ),
]

LinesByBand = Mapping[MoodBand, tuple[str, ...]]
"""Lines once read, for the engine: variants per mood band (`any` for every mood)."""
