"""The field types every part of the format shares: names, lists that may be written as one item, frozen models."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]


def as_tuple(value: object) -> object:
    """Let authors write one item where a list is expected."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float, dict)):
        return (value,)
    return value


Names = Annotated[tuple[Name, ...], BeforeValidator(as_tuple)]
Texts = Annotated[tuple[str, ...], BeforeValidator(as_tuple)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
