"""What a request gives back: the reply's text, its model and the requests and tokens it took; the JSON in a reply."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from trainer.llm.faults import Fault


@dataclass(frozen=True)
class Usage:
    """Requests made and tokens counted (as the endpoint reported them)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.requests + other.requests, self.prompt_tokens + other.prompt_tokens,
                     self.completion_tokens + other.completion_tokens)

    def to_dict(self) -> dict[str, int]:
        return {"requests": self.requests, "tokens_in": self.prompt_tokens, "tokens_out": self.completion_tokens}


@dataclass(frozen=True)
class Reply:
    text: str
    model: str
    usage: Usage
    """This reply's requests and tokens, retries included."""
    finish_reason: str | None = None
    attempts: int = 1


def parse_json(text: str) -> Any:
    """The JSON in a reply: bare, in a ```json fence, or the outermost {…} of chatty text."""
    candidate = text.strip()
    if candidate.startswith("```"):
        candidate = candidate.strip("`").removeprefix("json").strip()
    try:
        return json.loads(candidate)
    except ValueError:
        start, end = candidate.find("{"), candidate.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(candidate[start:end + 1])
            except ValueError:
                pass
    raise Fault("malformed", "the reply was not the JSON asked for")


def token_counts(usage: Any) -> tuple[int, int]:
    if usage is None:
        return 0, 0
    return int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)
