"""A thin client over the official `openai` package: chat, streamed chat and JSON replies, with bounded retries.

`openai` is imported on the first request, never at start-up. Every fault — a time-out, 429
(Retry-After honoured), 5xx, a refused connection, an empty, malformed or cut reply — is retried
with back-off as the settings allow, then raised as `LLMUnavailable`; a request the endpoint
refuses outright (bad key, unknown model) raises `LLMRejected` at once. A stream may be given a
first-word deadline, retries included. Neither messages nor the model's own text ever hold the key:
an endpoint that echoes it gets `***` in its place. The model's text is data: it is kept as received
(the key aside) and shown through `trainer.terminal` or as Textual text, never raw. An endpoint's error
message comes without terminal controls.
"""

from __future__ import annotations

import json
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

from trainer.llm.config import LLMSettings
from trainer.llm.errors import KeyShield, LLMRejected, LLMUnavailable, redact
from trainer.errors import ConfigError

log = logging.getLogger(__name__)
T = TypeVar("T")
CONTROLS = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200E, 0x200F,
                          *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""Dropped from an endpoint's error messages: C0 and C1 controls but tab and newlines, and the marks that reorder
a line."""
Message = dict[str, str]


class LLMNotConfigured(ConfigError):
    """No model or no endpoint is set; the message says what to set."""


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


class _Fault(Exception):
    """One failed attempt, before the retry policy has judged it."""

    def __init__(self, kind: str, detail: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(kind)
        self.kind, self.detail, self.retry_after = kind, detail, retry_after


class _DropExtras(Exception):
    """The endpoint refused an optional parameter (JSON mode, stream usage): ask again without it."""


class LLMClient:
    def __init__(self, settings: LLMSettings, *, sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None) -> None:
        if not settings.configured:
            raise LLMNotConfigured(settings.missing())
        self.settings = settings
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._client: Any = None
        self._lock = threading.Lock()
        self._usage = Usage()
        self._extras_ok = True
        """Cleared once the endpoint refuses `response_format` or `stream_options` (LM Studio, old servers)."""

    def __repr__(self) -> str:
        return f"LLMClient({self.settings.describe()})"

    @property
    def usage(self) -> Usage:
        """Everything this client has asked so far."""
        return self._usage

    # -- the requests ------------------------------------------------------------------------------

    def chat(self, messages: Sequence[Message], *, json_reply: bool = False, max_tokens: int | None = None,
             timeout: float | None = None, retries: int | None = None) -> Reply:
        """One completion. With `json_reply` the endpoint is asked for JSON and the text must parse as JSON."""
        spent = [Usage()]

        def once() -> Reply:
            extras = {"response_format": {"type": "json_object"}} if json_reply and self._extras_ok else {}
            reply = self._complete(messages, max_tokens, timeout, extras, spent)
            if json_reply:
                parse_json(reply.text)
            return reply

        reply, attempts = self._retrying(once, retries)
        return Reply(reply.text, reply.model, spent[0], reply.finish_reason, attempts)

    def chat_json(self, messages: Sequence[Message], parse: Callable[[Any], T], **kwargs: Any) -> tuple[T, Reply]:
        """A JSON reply turned into a `T` by `parse` (e.g. a pydantic model's `model_validate`).

        A reply that isn't JSON, or that `parse` rejects with ValueError (pydantic's ValidationError is
        one), counts as malformed: it is asked again like any other fault.
        """
        spent = [Usage()]
        timeout = kwargs.pop("timeout", None)
        max_tokens = kwargs.pop("max_tokens", None)
        retries = kwargs.pop("retries", None)

        def once() -> tuple[T, Reply]:
            extras = {"response_format": {"type": "json_object"}} if self._extras_ok else {}
            reply = self._complete(messages, max_tokens, timeout, extras, spent)
            data = parse_json(reply.text)
            try:
                return parse(data), reply
            except ValueError as exc:
                raise _Fault("malformed", f"the JSON did not have the expected form ({_first_line(exc)})") from None

        (value, reply), attempts = self._retrying(once, retries)
        return value, Reply(reply.text, reply.model, spent[0], reply.finish_reason, attempts)

    def stream(self, messages: Sequence[Message], *, max_tokens: int | None = None, timeout: float | None = None,
               restarted: Callable[[], None] | None = None, lean: bool = False, first_token: float | None = None,
               retries: int | None = None) -> Iterator[str]:
        """The reply's text as it arrives, piece by piece.

        A fault before the first piece is retried unseen. A stream cut after some pieces is asked
        again from the start only when `restarted` is given: it is called first, so the caller can
        drop the partial text; without it the cut raises LLMUnavailable at once. With `lean` the
        server-sent events are read as plain JSON rather than as openai's chunk objects (the same
        request through the same client; about a tenth of the cost per chunk).

        With `first_token`, the first piece must come within that many seconds of the call, retries
        and back-off included; past it LLMUnavailable ("timeout") is raised at once, and no retry
        starts that could not finish in time. `retries` overrides the settings' number (0: one try).
        """
        self._openai()  # importing openai takes a while the first time: not the endpoint's time
        deadline = time.monotonic() + first_token if first_token else None
        attempt = 0
        once = self._stream_once_lean if lean else self._stream_once
        key = self._key()
        started = False
        while True:
            delivered = False
            shield = KeyShield(key)  # the key may come split over pieces: a possible start of it waits a piece
            pieces = once(messages, max_tokens, timeout)
            if deadline is not None and not started:
                pieces = _first_within(pieces, deadline, first_token or 0.0)
            try:
                for piece in pieces:
                    delivered = started = True
                    shown = shield.feed(piece)
                    if shown:
                        yield shown
                rest = shield.flush()
                if rest:
                    yield rest
                return
            except _DropExtras:
                self._extras_ok = False
                continue
            except _Fault as fault:
                attempt += 1
                if delivered and restarted is None:
                    raise self._unavailable(fault, attempt) from None
                self._pause(fault, attempt, retries, None if started else deadline)
                if delivered and restarted is not None:
                    restarted()
            finally:
                pieces.close()

    def models(self, *, timeout: float | None = None) -> list[str]:
        """The model names the endpoint offers (a cheap check that it answers)."""

        def once() -> list[str]:
            client = self._openai()
            self._count(Usage(requests=1), None)
            with self._calling():
                page = client.models.list(timeout=timeout or self.settings.timeout)
            return [redact(str(m.id), self._key()) for m in page.data]

        names, _ = self._retrying(once)
        return names

    # -- one attempt -----------------------------------------------------------------------------------

    def _complete(self, messages: Sequence[Message], max_tokens: int | None, timeout: float | None,
                  extras: dict[str, Any], spent: list[Usage]) -> Reply:
        client = self._openai()
        self._count(Usage(requests=1), spent)
        with self._calling(bool(extras)):
            done = client.chat.completions.create(**self._request(messages, max_tokens, timeout), **extras)
        usage = Usage(1, *_tokens(getattr(done, "usage", None)))
        self._count(Usage(0, usage.prompt_tokens, usage.completion_tokens), spent)
        choices = getattr(done, "choices", None) or []
        if not choices:
            raise _Fault("empty", "no choices in the reply")
        text = (choices[0].message.content or "").strip() if choices[0].message else ""
        if not text:
            raise _Fault("empty")
        model = getattr(done, "model", "") or self.settings.model or ""
        return Reply(redact(text, self._key()), redact(model, self._key()), usage, choices[0].finish_reason)

    def _stream_once(self, messages: Sequence[Message], max_tokens: int | None,
                     timeout: float | None) -> Iterator[str]:
        client = self._openai()
        extras = {"stream_options": {"include_usage": True}} if self._extras_ok else {}
        tokens = (0, 0)
        finish: str | None = None
        got_text = False
        self._count(Usage(requests=1), None)
        with self._calling(bool(extras)):
            chunks = client.chat.completions.create(**self._request(messages, max_tokens, timeout), stream=True,
                                                    **extras)
        try:
            with self._calling():
                for chunk in chunks:
                    if getattr(chunk, "usage", None):
                        tokens = _tokens(chunk.usage)
                    for choice in chunk.choices or ():
                        finish = choice.finish_reason or finish
                        piece = choice.delta.content if choice.delta else None
                        if piece:
                            got_text = True
                            yield piece
        finally:
            chunks.close()
            self._count(Usage(0, *tokens), None)
        if not got_text:
            raise _Fault("empty")
        if finish is None:
            raise _Fault("cut", "the stream ended without its last chunk")

    def _stream_once_lean(self, messages: Sequence[Message], max_tokens: int | None,
                          timeout: float | None) -> Iterator[str]:
        """`_stream_once`, reading the event lines itself: openai builds a typed object per chunk, which
        costs more than everything else per chunk together."""
        client = self._openai()
        extras = {"stream_options": {"include_usage": True}} if self._extras_ok else {}
        tokens = (0, 0)
        finish: str | None = None
        got_text = False
        self._count(Usage(requests=1), None)
        with self._calling(bool(extras)):
            opened = client.chat.completions.with_streaming_response.create(
                **self._request(messages, max_tokens, timeout), stream=True, **extras)
            response = opened.__enter__()
        try:
            with self._calling(), _wire_faults():
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    chunk = json.loads(data)
                    if not isinstance(chunk, dict):
                        raise _Fault("malformed", "a chunk was not a JSON object")
                    if chunk.get("error"):
                        raise _Fault("server_error", "the stream reported an error")
                    if chunk.get("usage"):
                        usage = chunk["usage"]
                        tokens = (int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
                    for choice in chunk.get("choices") or ():
                        finish = choice.get("finish_reason") or finish
                        piece = (choice.get("delta") or {}).get("content")
                        if piece:
                            got_text = True
                            yield piece
        finally:
            opened.__exit__(None, None, None)
            self._count(Usage(0, *tokens), None)
        if not got_text:
            raise _Fault("empty")
        if finish is None:
            raise _Fault("cut", "the stream ended without its last chunk")

    def _request(self, messages: Sequence[Message], max_tokens: int | None, timeout: float | None) -> dict[str, Any]:
        request: dict[str, Any] = {"model": self.settings.model, "messages": list(messages),
                                   "timeout": timeout or self.settings.timeout}
        if max_tokens is not None:
            request["max_tokens"] = max_tokens
        if self.settings.temperature is not None:
            request["temperature"] = self.settings.temperature
        if self.settings.seed is not None:
            request["seed"] = self.settings.seed
        return request

    def _calling(self, extras: bool = False) -> _Translate:
        return _Translate(self, extras)

    def _count(self, usage: Usage, spent: list[Usage] | None) -> None:
        with self._lock:
            self._usage = self._usage + usage
        if spent is not None:
            spent[0] = spent[0] + usage

    # -- the retry policy ------------------------------------------------------------------------------

    def _retrying(self, once: Callable[[], T], retries: int | None = None) -> tuple[T, int]:
        attempt = 0
        while True:
            try:
                return once(), attempt + 1
            except _DropExtras:
                self._extras_ok = False
            except _Fault as fault:
                attempt += 1
                self._pause(fault, attempt, retries)

    def _pause(self, fault: _Fault, attempt: int, retries: int | None = None, deadline: float | None = None) -> None:
        """Sleep before the next try, or raise LLMUnavailable when the tries are spent or the deadline would pass.

        The wait is the server's Retry-After when it gives one, else "full jitter": a random time up to
        `backoff` doubled per attempt (capped at `backoff_max`), so clients that failed together don't
        come back together.
        """
        s = self.settings
        if attempt > (s.retries if retries is None else retries):
            raise self._unavailable(fault, attempt)
        if fault.retry_after is not None:
            if fault.retry_after > s.retry_after_max:
                raise self._unavailable(_Fault(fault.kind, f"it asks to wait {fault.retry_after:g} s"), attempt)
            wait = fault.retry_after
        else:
            wait = self._rng.uniform(0.0, min(s.backoff * 2 ** (attempt - 1), s.backoff_max))
        if deadline is not None and time.monotonic() + wait >= deadline:
            raise self._unavailable(fault, attempt)
        log.info("LLM attempt %d failed (%s); retrying in %.2f s", attempt, fault.kind, wait)
        self._sleep(wait)

    def _key(self) -> str | None:
        return self.settings.api_key.reveal() if self.settings.api_key else None

    def _unavailable(self, fault: _Fault, attempts: int) -> LLMUnavailable:
        return LLMUnavailable(fault.kind, redact(fault.detail.translate(CONTROLS), self._key()), attempts=attempts,
                              where=self.settings.host)

    def _rejected(self, detail: str, status: int | None) -> LLMRejected:
        return LLMRejected(redact(detail.translate(CONTROLS), self._key()), status=status, where=self.settings.host)

    def _openai(self) -> Any:
        if self._client is None:
            s = self.settings
            try:
                import openai
            except ImportError:  # pragma: no cover - a dependency, but a trimmed install may lack it
                raise LLMNotConfigured("the `openai` package is not installed: pip install openai") from None
            common = {"api_key": s.key(), "timeout": s.timeout, "max_retries": 0}
            if s.azure:
                self._client = openai.AzureOpenAI(azure_endpoint=s.base_url, api_version=s.api_version, **common)
            else:
                self._client = openai.OpenAI(base_url=s.base_url, **common)
        return self._client


class _Translate:
    """Turns what `openai` (and the wire under it) raises into a `_Fault` or a typed error, keyless."""

    def __init__(self, owner: LLMClient, extras: bool) -> None:
        self.owner, self.extras = owner, extras

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> bool:
        if exc is None or isinstance(exc, _Fault | GeneratorExit | LLMUnavailable | LLMNotConfigured):
            return False
        import openai

        if isinstance(exc, openai.APITimeoutError):
            raise _Fault("timeout", f"no answer within {self.owner.settings.timeout:g} s") from None
        if isinstance(exc, openai.APIConnectionError):
            refused = "ConnectError" in _causes(exc) or "ConnectionRefusedError" in _causes(exc)
            raise (_Fault("refused") if refused else _Fault("cut")) from None
        if isinstance(exc, openai.APIStatusError):
            raise self._status(exc) from None
        if isinstance(exc, ValueError | openai.APIResponseValidationError):
            raise _Fault("malformed", "the reply was not valid JSON") from None
        if isinstance(exc, openai.OpenAIError):
            raise self.owner._rejected(type(exc).__name__, None) from None
        return False

    def _status(self, exc: Any) -> Exception:
        status = exc.status_code
        if status == 429:
            return _Fault("rate_limited", "HTTP 429", retry_after=retry_after(exc.response.headers))
        if status >= 500 or status in (408, 409):
            return _Fault("server_error", f"HTTP {status}", retry_after=retry_after(exc.response.headers))
        if status == 400 and self.extras:
            return _DropExtras()
        model = self.owner.settings.model
        detail = {
            401: "the key was not accepted (HTTP 401)",
            403: "the key may not use this model (HTTP 403)",
            404: f"no model '{model}' there, or the address is wrong (HTTP 404)",
        }.get(status, f"HTTP {status}: {_first_line(_server_message(exc))[:200]}")
        return self.owner._rejected(detail, status)


class _wire_faults:
    """The transport's own errors while a raw stream is read (openai wraps them only in its own stream)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> bool:
        if exc is None or isinstance(exc, _Fault | GeneratorExit):
            return False
        name = type(exc).__name__
        module = type(exc).__module__ or ""
        if module.startswith(("httpx", "httpcore", "h11")) or isinstance(exc, OSError):
            raise _Fault("timeout" if "Timeout" in name else "cut") from None
        return False


def _first_within(pieces: Iterator[str], deadline: float, seconds: float) -> Iterator[str]:
    """`pieces`, read in a helper thread so that the wait for the first one ends at `deadline` (monotonic).

    Past it a time-out fault is raised here at once. The helper is told to stop and ends when its
    request does (at the latest after the settings' `timeout`): a read blocked inside the HTTP client
    can't be cut short from another thread without racing its connection pool.
    """
    box: queue.SimpleQueue[tuple[bool, Any]] = queue.SimpleQueue()
    stop = threading.Event()

    def pump() -> None:
        try:
            for piece in pieces:
                if stop.is_set():
                    return
                box.put((True, piece))
            box.put((False, None))
        except Exception as exc:  # noqa: BLE001 - handed to the reader, who raises it
            box.put((False, exc))
        finally:
            pieces.close()  # type: ignore[attr-defined]

    threading.Thread(target=pump, name="llm-first-word", daemon=True).start()
    waiting = True
    try:
        while True:
            try:
                more, value = box.get(timeout=max(0.0, deadline - time.monotonic())) if waiting else box.get()
            except queue.Empty:
                raise _Fault("timeout", f"no first word within {seconds:g} s") from None
            if not more:
                if value is None:
                    return
                raise value
            waiting = False
            yield value
    finally:
        stop.set()


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
    raise _Fault("malformed", "the reply was not the JSON asked for")


def _tokens(usage: Any) -> tuple[int, int]:
    if usage is None:
        return 0, 0
    return int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0)


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


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else ""
