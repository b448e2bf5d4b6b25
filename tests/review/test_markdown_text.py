"""A coach's Markdown export shows what people typed as they typed it: no link, image, HTML or markup from it,
checked by rendering it as GitHub-flavoured Markdown with the linkifier on (markdown-it-py)."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import escapeHtml

from trainer.review.mdtext import literal


@functools.cache
def gfm():
    """GitHub-flavoured Markdown: tables, strikethrough, raw HTML and the linkifier (bare URLs, www., e-mail)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("gfm-like")


def shown(text: str) -> str:
    """What a reader sees of `text` once escaped and rendered, as HTML."""
    return gfm().render(literal(text))


def as_typed(text: str) -> str:
    return f"<p>{escapeHtml(text)}</p>\n"


@pytest.mark.parametrize("text", [
    "![tracking pixel](http://evil.example/p.png)",  # an image: `!`, `(` and `)`
    "[click here](http://evil.example)",
    "see (this) and that!",
    "<http://evil.example/login>",  # an autolink in angle brackets
    "<anna@evil.example>",
    "log in at http://evil.example/login now",  # a bare URL GFM links
    "https://evil.example",
    "go to www.evil.example today",  # www. is linked without a scheme
    "write to anna@evil.example",  # an e-mail address is linked
    "visit evil.com",  # the linkifier's fuzzy links: a known top-level domain
    "<b>bold</b> <script>alert(1)</script>",
    "&copy; &#60;b&#62; are entities",
    "**loud** _quiet_ ~~gone~~ `code`",
    "a | table | row",
    "# not a heading",
])
def test_text_that_would_become_markup_or_a_link_is_shown_as_typed(text):
    assert shown(text) == as_typed(text)


@pytest.mark.parametrize("text", ["- not a list", "+ not a list", "1. not a list", "12) not a list",
                                  "=== not an underline", "> not a quote", "~~~ not a fence", "--- not a rule"])
def test_what_starts_a_block_at_the_start_of_a_line_is_shown_as_typed(text):
    assert shown(text) == as_typed(text)
    assert gfm().render("first line\n" + literal(text)) == as_typed("first line\n" + text)


def test_ordinary_sentences_stay_readable():
    assert literal("Sorry, your seat was gone. We refund 80 euro today") == \
        "Sorry, your seat was gone. We refund 80 euro today"


PIECES = st.sampled_from([*"ab1 .:/@!()[]<>*_`~#|&;=-+\\'\"", "www.", "http://", "&amp;", "evil.com", "\n"])


def _tidy(pieces: list[str]) -> str:
    """One paragraph: no blank line, no space at either end of a line (Markdown trims those)."""
    text = "\n".join(line.strip() for line in "".join(pieces).split("\n")).strip()
    while "\n\n" in text:
        text = text.replace("\n\n", "\n")
    return text


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map(_tidy))
def test_any_text_is_shown_as_typed(text):
    assert shown(text) == (as_typed(text) if text else "")
