"""Text as Markdown shows it literally: what people typed never becomes markup, a link, an image or HTML.

No well-kept library escapes text for Markdown (markdown-it-py and mistune render; mdformat formats), so it
is done here, checked by rendering with markdown-it-py as GitHub-flavoured Markdown, linkifier on.
"""

from __future__ import annotations

import re

_ANYWHERE = re.compile(r"[\\`*_\[\]<>|#!()~]|&(?=#?\w+;)|(?<=\w)[.@](?=\w)|:(?=//)")
"""Escaped wherever they are: emphasis, code and strikethrough marks; links and images (`[`, `]`, `!`, `(`,
`)`); HTML and `<http://…>` autolinks; table cells; headings; entities (`&copy;`). And what a renderer links
with no markup at all (GFM's extended autolinks, markdown-it's linkifier): the colon of `http://`, the dots of
`www.example.com` and `evil.com`, the at sign of an e-mail address."""
_LINE_START = re.compile(r"^([ \t]*)([-+=])", re.MULTILINE)
"""A list item (`- `, `+ `) or a heading's underline (`===`, `---`) at the start of a line."""
_ORDERED = re.compile(r"^([ \t]*\d{1,9})\.(?=\s|$)", re.MULTILINE)
"""A numbered list item (`1. `) at the start of a line (`1)` is escaped by its parenthesis)."""


def literal(text: str) -> str:
    """`text` escaped so that a Markdown renderer shows it as it was typed."""
    text = _ANYWHERE.sub(lambda m: "\\" + m.group(), text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _ORDERED.sub(r"\1\\.", text)
