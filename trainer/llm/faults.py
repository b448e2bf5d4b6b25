"""What goes wrong asking a model, before the retry policy judges it: what `openai` and the wire under it raise,
turned into faults or typed errors, and how long a server asks to wait. No message keeps the key or a terminal
control."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

from trainer.llm.errors import LLMNotConfigured, LLMUnavailable

if TYPE_CHECKING:
    from trainer.llm.client import LLMClient

CONTROLS = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200E, 0x200F,
                          *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""Dropped from an endpoint's error messages: C0 and C1 controls but tab and newlines, and the marks that reorder
a line."""


class Fault(Exception):
    """One failed attempt, before the retry policy has judged it."""

    def __init__(self, kind: str, detail: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(kind)
        self.kind, self.detail, self.retry_after = kind, detail, retry_after


class DropExtras(Exception):
    """The endpoint refused an optional parameter (JSON mode, stream usage): ask again without it."""


class Translate:
    """Turns what `openai` (and the wire under it) raises into a `Fault` or a typed error, keyless."""

    def __init__(self, owner: LLMClient, extras: bool) -> None:
        self.owner, self.extras = owner, extras

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if exc is None or isinstance(exc, Fault | GeneratorExit | LLMUnavailable | LLMNotConfigured):
            return
        import openai

        if isinstance(exc, openai.APITimeoutError):
            raise Fault("timeout", f"no answer within {self.owner.settings.timeout:g} s") from None
        if isinstance(exc, openai.APIConnectionError):
            refused = "ConnectError" in _causes(exc) or "ConnectionRefusedError" in _causes(exc)
            raise (Fault("refused") if refused else Fault("cut")) from None
        if isinstance(exc, openai.APIStatusError):
            raise self._status(exc) from None
        if type(exc) is openai.APIError:  # an `error` object in the stream itself
            raise Fault("server_error", "the stream reported an error") from None
        if isinstance(exc, ValueError | openai.APIResponseValidationError):
            raise Fault("malformed", "the reply was not valid JSON") from None
        if isinstance(exc, openai.OpenAIError):
            raise self.owner.rejected(type(exc).__name__, None) from None

    def _status(self, exc: Any) -> Exception:
        status = exc.status_code
        if status == 429:
            return Fault("rate_limited", "HTTP 429", retry_after=retry_after(exc.response.headers))
        if status >= 500 or status in (408, 409):
            return Fault("server_error", f"HTTP {status}", retry_after=retry_after(exc.response.headers))
        if status == 400 and self.extras:
            return DropExtras()
        model = self.owner.settings.model
        detail = {
            401: "the key was not accepted (HTTP 401)",
            403: "the key may not use this model (HTTP 403)",
            404: f"no model '{model}' there, or the address is wrong (HTTP 404)",
        }.get(status, f"HTTP {status}: {first_line(_server_message(exc))[:200]}")
        return self.owner.rejected(detail, status)


def retry_after(headers: Any) -> float | None:
    """Seconds a server asks to wait: `retry-after-ms`, `retry-after` in seconds or as an HTTP date."""
    if headers is None:
        return None
    value = headers.get("retry-after-ms")
    if value:
        try:
            return max(0.0, float(value) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _causes(exc: BaseException) -> set[str]:
    names: set[str] = set()
    seen: BaseException | None = exc
    while seen is not None and len(names) < 10:
        names.add(type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    return names


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if isinstance(body.get("message"), str):
            return body["message"]
    return str(getattr(exc, "message", "") or "")


def first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else ""
