"""How text from a trainee, a customer or a file goes into a prompt: as data that cannot close what holds it."""

from __future__ import annotations

import json

ANGLES = {ord(c): f"\\u{ord(c):04x}" for c in "<>\uff1c\uff1e\ufe64\ufe65\u2039\u203a\u3008\u3009\u27e8\u27e9"}
"""`<`, `>` and the brackets that look like them, as JSON escapes: no tag can be written with them."""


def quoted(text: str) -> str:
    """Data on one line as a JSON string: quotes and backslashes escaped, and no `<` or `>` (nor a look-alike),
    so nothing in it can close the quotes or a tag around them, in any casing or spacing."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False).translate(ANGLES)
