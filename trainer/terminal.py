"""Text on its way to a terminal: its control characters are shown (`\\x1b`), never obeyed.

Names, notes, messages, model replies and files can hold escape sequences (`\\x1b[2J` clears the screen,
OSC 52 writes the clipboard, a lone carriage return overwrites a line). What the project prints goes
through `shown`; what it stores stays as received.
"""

from __future__ import annotations

import re
from typing import TextIO

CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
"""C0 and C1 controls and DEL, and the marks that reorder a line (bidi overrides: "gpt\u202eevil" reads
backwards); newline, tab and a line's closing carriage return (`\\r\\n`) are text."""
JSON_RAW = re.compile(r"[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What `json.dumps(ensure_ascii=False)` leaves raw: DEL, the C1 controls and the bidi marks (it escapes C0)."""


def shown(text: str) -> str:
    """`text` with every control character written out as `\\xNN`, so a terminal shows it instead of obeying it."""
    return CONTROLS.sub(_escape, text)


def shown_json(text: str) -> str:
    """JSON with DEL and C1 controls escaped as `\\u00NN`: the same data, and safe to show."""
    return JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class Shown:
    """A stream that writes everything through `shown` (plain play writes its whole session through one)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(shown(text))

    def __getattr__(self, name: str):
        return getattr(self.stream, name)  # flush, isatty, encoding… as the stream has them
