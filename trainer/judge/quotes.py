"""Finding the judge's quote in the trainee's own messages: one that is not there is never shown as evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\u00a0": " "})
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*")


def clean(quote: str) -> str:
    """The quote without the quotation marks and ellipses a model wraps around it."""
    return _ELLIPSIS.sub(" … ", quote).strip().strip("\"'“”‘’„").strip(" …").strip()


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def find_quote(quote: str, messages: Sequence[tuple[int, str]]) -> tuple[str, int] | None:
    """The quote (cleaned) and its turn when it occurs in one of the trainee's messages, else None.

    Case, spacing and curly quotes don't matter; an ellipsis may stand for left-out words, but each
    piece must be in the same message, in order.
    """
    cleaned = clean(quote)
    pieces = [_norm(p).strip(" .,;:!?") for p in _ELLIPSIS.split(cleaned)]
    pieces = [p for p in pieces if p]
    if not pieces or sum(len(p) for p in pieces) < 3:
        return None
    for turn, message in messages:
        said, at = _norm(message), 0
        for piece in pieces:
            at = said.find(piece, at)
            if at < 0:
                break
            at += len(piece)
        else:
            return cleaned, turn
    return None
