"""The picker's filters: which scenarios to show, and a chip per filter that says its key and value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, get_args

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from trainer.scenario.kinds import Audience, Channel, Difficulty, Language
from trainer.texts import tr

if TYPE_CHECKING:
    from trainer.scenario.models import Scenario

ORDER: dict[str, tuple[str, ...]] = {
    "language": get_args(Language),
    "channel": get_args(Channel),
    "difficulty": get_args(Difficulty),
    "audience": get_args(Audience),
}
"""The fields a trainee filters on, each with its values in the order they are cycled through."""

FIELDS = tuple(ORDER)


@dataclass(frozen=True)
class Filters:
    """One value per field, or None for all; a scenario is shown when it matches every one."""

    language: str | None = None
    channel: str | None = None
    difficulty: str | None = None
    audience: str | None = None

    def matches(self, scenario: Scenario) -> bool:
        return all(getattr(self, f) in (None, getattr(scenario, f)) for f in FIELDS)

    def cycled(self, field: str, choices: tuple[str, ...]) -> Filters:
        """The next value of `field`: all, then each of `choices` in turn, then all again."""
        values: list[str | None] = [None, *choices]
        current = getattr(self, field)
        position = values.index(current) if current in values else 0
        return replace(self, **{field: values[(position + 1) % len(values)]})

    @property
    def active(self) -> bool:
        return any(getattr(self, f) is not None for f in FIELDS)


def choices(scenarios: Iterable[Scenario], field: str) -> tuple[str, ...]:
    """The values of `field` the library has: a filter never offers a value that shows nothing."""
    present = {getattr(s, field) for s in scenarios}
    return tuple(v for v in ORDER[field] if v in present)


def value_name(language: str, field: str, value: str | None) -> str:
    """`nl` → `Dutch`, `twitter` → `Twitter`, None → `all`, in the interface's language."""
    return tr(language, "picker.all") if value is None else tr(language, f"picker.{field}.{value}")


class FilterChip(Static):
    """`1 Language: all` — its key, its field and the current value; a click cycles it like the key."""

    @dataclass
    class Pressed(Message):
        """Request: cycle this chip's filter."""

        field: str

    def __init__(self, field: str, key: str, language: str) -> None:
        super().__init__(id=f"filter-{field}", classes="picker-chip")
        self.field = field
        self.key = key
        self.language = language

    def show(self, value: str | None) -> None:
        heading = tr(self.language, f"picker.column.{self.field}")
        self.update(Text.assemble((f" {self.key} ", "reverse bold"), f" {heading}: ",
                                  (value_name(self.language, self.field, value), "bold")))
        self.set_class(value is not None, "-active")

    def on_click(self) -> None:
        self.post_message(self.Pressed(self.field))
