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
import random
import threading
import time
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypedDict, TypeVar

from trainer.llm.config import LLMSettings
from trainer.llm.deadline import first_within
from trainer.llm.errors import KeyShield, LLMNotConfigured, LLMRejected, LLMUnavailable, redact
from trainer.llm.faults import CONTROLS, DropExtras, Fault, Translate, WireFaults, first_line
from trainer.llm.replies import Reply, Usage, parse_json, token_counts

log = logging.getLogger(__name__)
T = TypeVar("T")
Message = dict[str, str]


class _Options(TypedDict):
    """What both of openai's clients are built with, typed so that each keyword reaches its parameter."""

    api_key: str
    timeout: float
    max_retries: int


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
                raise Fault("malformed", f"the JSON did not have the expected form ({first_line(exc)})") from None

        (value, reply), attempts = self._retrying(once, retries)
        return value, Reply(reply.text, reply.model, spent[0], reply.finish_reason, attempts)

    def stream(self, messages: Sequence[Message], *, max_tokens: int | None = None, timeout: float | None = None,
               restarted: Callable[[], None] | None = None, lean: bool = False, first_token: float | None = None,
               retries: int | None = None) -> Generator[str, None, None]:
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
                pieces = first_within(pieces, deadline, first_token or 0.0)
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
            except DropExtras:
                self._extras_ok = False
                continue
            except Fault as fault:
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
        usage = Usage(1, *token_counts(getattr(done, "usage", None)))
        self._count(Usage(0, usage.prompt_tokens, usage.completion_tokens), spent)
        choices = getattr(done, "choices", None) or []
        if not choices:
            raise Fault("empty", "no choices in the reply")
        text = (choices[0].message.content or "").strip() if choices[0].message else ""
        if not text:
            raise Fault("empty")
        model = getattr(done, "model", "") or self.settings.model or ""
        return Reply(redact(text, self._key()), redact(model, self._key()), usage, choices[0].finish_reason)

    def _stream_once(self, messages: Sequence[Message], max_tokens: int | None,
                     timeout: float | None) -> Generator[str, None, None]:
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
                        tokens = token_counts(chunk.usage)
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
            raise Fault("empty")
        if finish is None:
            raise Fault("cut", "the stream ended without its last chunk")

    def _stream_once_lean(self, messages: Sequence[Message], max_tokens: int | None,
                          timeout: float | None) -> Generator[str, None, None]:
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
            with self._calling(), WireFaults():
                for line in response.iter_lines():
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    chunk = json.loads(data)
                    if not isinstance(chunk, dict):
                        raise Fault("malformed", "a chunk was not a JSON object")
                    if chunk.get("error"):
                        raise Fault("server_error", "the stream reported an error")
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
            raise Fault("empty")
        if finish is None:
            raise Fault("cut", "the stream ended without its last chunk")

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

    def _calling(self, extras: bool = False) -> Translate:
        return Translate(self, extras)

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
            except DropExtras:
                self._extras_ok = False
            except Fault as fault:
                attempt += 1
                self._pause(fault, attempt, retries)

    def _pause(self, fault: Fault, attempt: int, retries: int | None = None, deadline: float | None = None) -> None:
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
                raise self._unavailable(Fault(fault.kind, f"it asks to wait {fault.retry_after:g} s"), attempt)
            wait = fault.retry_after
        else:
            wait = self._rng.uniform(0.0, min(s.backoff * 2 ** (attempt - 1), s.backoff_max))
        if deadline is not None and time.monotonic() + wait >= deadline:
            raise self._unavailable(fault, attempt)
        log.info("LLM attempt %d failed (%s); retrying in %.2f s", attempt, fault.kind, wait)
        self._sleep(wait)

    def _key(self) -> str | None:
        return self.settings.api_key.reveal() if self.settings.api_key else None

    def _unavailable(self, fault: Fault, attempts: int) -> LLMUnavailable:
        return LLMUnavailable(fault.kind, redact(fault.detail.translate(CONTROLS), self._key()), attempts=attempts,
                              where=self.settings.host)

    def rejected(self, detail: str, status: int | None) -> LLMRejected:
        """The error for a request this endpoint refuses outright, keyless (`faults.Translate` raises it)."""
        return LLMRejected(redact(detail.translate(CONTROLS), self._key()), status=status, where=self.settings.host)

    def _openai(self) -> Any:
        if self._client is None:
            s = self.settings
            try:
                import openai
            except ImportError:  # pragma: no cover - a dependency, but a trimmed install may lack it
                raise LLMNotConfigured("the `openai` package is not installed: pip install openai") from None
            common: _Options = {"api_key": s.key(), "timeout": s.timeout, "max_retries": 0}
            if not s.azure:
                self._client = openai.OpenAI(base_url=s.base_url, **common)
            elif s.base_url:
                self._client = openai.AzureOpenAI(azure_endpoint=s.base_url, api_version=s.api_version, **common)
            else:  # no endpoint set: openai reads AZURE_OPENAI_ENDPOINT, or says that it needs one
                self._client = openai.AzureOpenAI(api_version=s.api_version, **common)
        return self._client
