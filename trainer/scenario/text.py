"""Placeholders in lines and screens: `{first_name}`, `{flight}`, …"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_-]*)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known `{names}`; leave unknown ones visible (`webcare check` reports them)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)



