"""A thin client over the official `openai` package's `AsyncOpenAI`: chat, streamed chat and JSON replies, with
bounded, jittered retries.

One path for everything that asks a model: the live customer, the judge, the intent reader and `doctor` all
go through the coroutines here (`achat`, `achat_json`, `astream`); the plain `chat`, `chat_json` and `stream`
run the same coroutines on a loop of their own. Cancelling the task that awaits a request (a Textual worker
cancelled when the conversation ends or the game quits) closes its HTTP stream at once.

`openai` is imported on the first request, never at start-up. Every fault — a time-out, 429 (Retry-After
honoured), 5xx, a refused connection, an empty, malformed or cut reply — is retried with jittered back-off as
the settings allow, then raised as `LLMUnavailable`; a request the endpoint refuses outright (bad key, unknown
model) raises `LLMRejected` at once. A stream may be given a first-word deadline, retries included. Neither
messages nor the model's own text ever hold the key: an endpoint that echoes it gets `***` in its place. The
model's text is data: it is kept as received (the key aside) and shown through `trainer.terminal` or as
Textual text, never raw. An endpoint's error message comes without terminal controls.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator, Sequence
from typing import Any, TypedDict, TypeVar

from trainer.llm.config import LLMSettings
from trainer.llm.deadline import first_within
from trainer.llm.errors import KeyShield, LLMNotConfigured, LLMRejected, LLMUnavailable, redact
from trainer.llm.faults import CONTROLS, DropExtras, Fault, Translate, first_line
from trainer.llm.replies import Reply, Usage, parse_json, token_counts
from trainer.llm.retry import Backoff, run_sync

log = logging.getLogger(__name__)
T = TypeVar("T")
Message = dict[str, str]
Sleep = Callable[[float], Any]
"""`asyncio.sleep` by default; a test passes its own (a plain function that records the wait will do)."""


class _Options(TypedDict):
    """What both of openai's clients are built with, typed so that each keyword reaches its parameter."""

    api_key: str
    timeout: float
    max_retries: int


class LLMClient:
    def __init__(self, settings: LLMSettings, *, sleep: Sleep | None = None,
                 rng: random.Random | None = None) -> None:
        if not settings.configured:
            raise LLMNotConfigured(settings.missing())
        self.settings = settings
        self.backoff = Backoff(settings, sleep or asyncio.sleep, rng or random.Random())
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()
        """One `AsyncOpenAI` per event loop: its connections belong to the loop that opened them."""
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

    # -- blocking callers (plain play, the CLI, doctor): the coroutines below on a loop of their own ------------

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        """Run one of this client's coroutines to its end from code without an event loop (or in one: then in a
        helper thread); the connections it opened are closed afterwards."""

        async def closing() -> T:
            try:
                return await work
            finally:
                await self.aclose()

        return run_sync(closing())

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> Reply:
        """`achat`, waited for."""
        return self.run(self.achat(messages, **kwargs))

    def chat_json(self, messages: Sequence[Message], parse: Callable[[Any], T], **kwargs: Any) -> tuple[T, Reply]:
        """`achat_json`, waited for."""
        return self.run(self.achat_json(messages, parse, **kwargs))

    def models(self, *, timeout: float | None = None) -> list[str]:
        """`amodels`, waited for."""
        return self.run(self.amodels(timeout=timeout))

    def stream(self, messages: Sequence[Message], **kwargs: Any) -> Generator[str, None, None]:
        """`astream`'s pieces, each waited for on a loop that lives as long as this generator."""
        with asyncio.Runner() as runner:
            pieces = self.astream(messages, **kwargs)
            try:
                while (piece := runner.run(_next(pieces))) is not None:
                    yield piece
            finally:
                runner.run(pieces.aclose())
                runner.run(self.aclose())

    # -- the requests ------------------------------------------------------------------------------

    async def achat(self, messages: Sequence[Message], *, json_reply: bool = False, max_tokens: int | None = None,
                    timeout: float | None = None,  # noqa: ASYNC109 - the request's own, handed to openai
                    retries: int | None = None) -> Reply:
        """One completion. With `json_reply` the endpoint is asked for JSON and the text must parse as JSON."""
        spent = [Usage()]

        async def once() -> Reply:
            extras = {"response_format": {"type": "json_object"}} if json_reply and self._extras_ok else {}
            reply = await self._complete(messages, max_tokens, timeout, extras, spent)
            if json_reply:
                parse_json(reply.text)
            return reply

        reply, attempts = await self._retrying(once, retries)
        return Reply(reply.text, reply.model, spent[0], reply.finish_reason, attempts)

    async def achat_json(self, messages: Sequence[Message], parse: Callable[[Any], T], *,
                         max_tokens: int | None = None,
                         timeout: float | None = None,  # noqa: ASYNC109 - the request's own, handed to openai
                         retries: int | None = None) -> tuple[T, Reply]:
        """A JSON reply turned into a `T` by `parse` (e.g. a pydantic model's `model_validate`).

        A reply that isn't JSON, or that `parse` rejects with ValueError (pydantic's ValidationError is
        one), counts as malformed: it is asked again like any other fault.
        """
        spent = [Usage()]

        async def once() -> tuple[T, Reply]:
            extras = {"response_format": {"type": "json_object"}} if self._extras_ok else {}
            reply = await self._complete(messages, max_tokens, timeout, extras, spent)
            data = parse_json(reply.text)
            try:
                return parse(data), reply
            except ValueError as exc:
                raise Fault("malformed", f"the JSON did not have the expected form ({first_line(exc)})") from None

        (value, reply), attempts = await self._retrying(once, retries)
        return value, Reply(reply.text, reply.model, spent[0], reply.finish_reason, attempts)

    async def astream(self, messages: Sequence[Message], *, max_tokens: int | None = None,
                      timeout: float | None = None,  # noqa: ASYNC109 - the request's own, handed to openai
                      restarted: Callable[[], None] | None = None, first_token: float | None = None,
                      retries: int | None = None) -> AsyncGenerator[str, None]:
        """The reply's text as it arrives, piece by piece, through openai's own server-sent-event stream.

        A fault before the first piece is retried unseen. A stream cut after some pieces is asked
        again from the start only when `restarted` is given: it is called first, so the caller can
        drop the partial text; without it the cut raises LLMUnavailable at once.

        With `first_token`, the first piece must come within that many seconds of the call, retries
        and back-off included; past it LLMUnavailable ("timeout") is raised at once, and no retry
        starts that could not finish in time. `retries` overrides the settings' number (0: one try).
        Closing this generator, or cancelling the task reading it, closes the request at once.
        """
        _ = (await self._openai()).chat.completions  # openai's first import and set-up: not the endpoint's time
        deadline = time.monotonic() + first_token if first_token else None
        attempt, started, key = 0, False, self._key()
        while True:
            delivered = False
            shield = KeyShield(key)  # the key may come split over pieces: a possible start of it waits a piece
            texts = self._texts(messages, max_tokens, timeout)
            timed = first_within(texts, None if started else deadline, first_token or 0.0)
            try:
                async for piece in timed:
                    delivered = started = True
                    if shown := shield.feed(piece):
                        yield shown
                if rest := shield.flush():
                    yield rest
                return
            except DropExtras:
                self._extras_ok = False
                continue
            except Fault as fault:
                attempt += 1
                if delivered and restarted is None:
                    raise self._unavailable(fault, attempt) from None
                await self.backoff.pause(fault, attempt, self._unavailable, retries,
                                         None if started else deadline)
                if delivered and restarted is not None:
                    restarted()
            finally:
                await timed.aclose()
                await texts.aclose()

    async def amodels(self, *, timeout: float | None = None) -> list[str]:  # noqa: ASYNC109 - handed to openai
        """The model names the endpoint offers (a cheap check that it answers)."""

        async def once() -> list[str]:
            client = await self._openai()
            self._count(Usage(requests=1), None)
            with self._calling():
                page = await client.models.list(timeout=timeout or self.settings.timeout)
            return [redact(str(m.id), self._key()) for m in page.data]

        names, _ = await self._retrying(once)
        return names

    # -- one attempt -----------------------------------------------------------------------------------

    async def _complete(self, messages: Sequence[Message], max_tokens: int | None,
                        timeout: float | None,  # noqa: ASYNC109 - the request's own, handed to openai
                        extras: dict[str, Any], spent: list[Usage]) -> Reply:
        client = await self._openai()
        self._count(Usage(requests=1), spent)
        with self._calling(bool(extras)):
            done = await client.chat.completions.create(**self._request(messages, max_tokens, timeout), **extras)
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

    async def _texts(self, messages: Sequence[Message], max_tokens: int | None,
                     timeout: float | None,  # noqa: ASYNC109 - the request's own, handed to openai
                     ) -> AsyncGenerator[str, None]:
        """One streamed request's text pieces, read from openai's chunk objects; the response closed however it
        ends (finished, a fault, closed early or cancelled)."""
        client = await self._openai()
        extras = {"stream_options": {"include_usage": True}} if self._extras_ok else {}
        tokens, finish, got_text = (0, 0), None, False
        self._count(Usage(requests=1), None)
        with self._calling(bool(extras)):
            chunks = await client.chat.completions.create(**self._request(messages, max_tokens, timeout),
                                                          stream=True, **extras)
        try:
            with self._calling():
                async for chunk in chunks:
                    if chunk.usage:
                        tokens = token_counts(chunk.usage)
                    for choice in chunk.choices or ():
                        finish = choice.finish_reason or finish
                        piece = choice.delta.content if choice.delta else None
                        if piece:
                            got_text = True
                            yield piece
        finally:
            await chunks.close()
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

    # -- the retry policy (trainer.llm.retry) -------------------------------------------------------------

    async def _retrying(self, once: Callable[[], Coroutine[Any, Any, T]], retries: int | None = None) -> tuple[T, int]:
        attempt = 0
        while True:
            try:
                return await once(), attempt + 1
            except DropExtras:
                self._extras_ok = False
            except Fault as fault:
                attempt += 1
                await self.backoff.pause(fault, attempt, self._unavailable, retries)

    def _key(self) -> str | None:
        return self.settings.api_key.reveal() if self.settings.api_key else None

    def _unavailable(self, fault: Fault, attempts: int) -> LLMUnavailable:
        return LLMUnavailable(fault.kind, redact(fault.detail.translate(CONTROLS), self._key()), attempts=attempts,
                              where=self.settings.host)

    def rejected(self, detail: str, status: int | None) -> LLMRejected:
        """The error for a request this endpoint refuses outright, keyless (`faults.Translate` raises it)."""
        return LLMRejected(redact(detail.translate(CONTROLS), self._key()), status=status, where=self.settings.host)

    # -- openai's client, one per event loop ---------------------------------------------------------------

    async def _openai(self) -> Any:
        openai = await _import_openai()
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._clients.get(loop)
            if client is None:
                client = self._clients[loop] = self._make(openai)
        return client

    def _make(self, openai: Any) -> Any:
        """openai's own retries are off (`max_retries=0`): ours (trainer.llm.retry) also cover broken replies, a
        cut stream and the first-word deadline, and take an injected sleep and random source."""
        s = self.settings
        common: _Options = {"api_key": s.key(), "timeout": s.timeout, "max_retries": 0}
        if not s.azure:
            return openai.AsyncOpenAI(base_url=s.base_url, **common)
        if s.base_url:
            return openai.AsyncAzureOpenAI(azure_endpoint=s.base_url, api_version=s.api_version, **common)
        # no endpoint set: openai reads AZURE_OPENAI_ENDPOINT, or says that it needs one
        return openai.AsyncAzureOpenAI(api_version=s.api_version, **common)

    async def aclose(self) -> None:
        """Close the client this event loop used (its loop is about to end)."""
        with self._lock:
            client = self._clients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.close()


async def _next(pieces: AsyncGenerator[str, None]) -> str | None:
    """The next piece, or None at the end (a task can't end with StopAsyncIteration)."""
    return await anext(pieces, None)


async def _import_openai() -> Any:
    """`openai`, imported off the event loop the first time (it takes a while), so the screen never stalls on it."""
    import sys

    module = sys.modules.get("openai")
    if module is not None:
        return module
    try:
        return await asyncio.to_thread(__import__, "openai")
    except ImportError:  # pragma: no cover - a dependency, but a trimmed install may lack it
        raise LLMNotConfigured("the `openai` package is not installed: pip install openai") from None
