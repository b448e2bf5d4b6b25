"""A real OpenAI-compatible server on 127.0.0.1 for tests: queue replies and faults, read what it was sent.

    server = LLMServer().start()           # or the `llm_server` fixture (tests/llm_fixtures.py)
    server.reply("Hello there.")           # the next chat completion answers this (streamed if asked)
    server.fault(Status(429, retry_after=1))
    server.fault(Delay(2.0))               # longer than the client's time-out
    server.fault(Slow(2.0))                # streamed: headers at once, the first word after 2 s
    server.respond_with(lambda request: Reply(json.dumps({...})))   # when the queue is empty
    ...
    server.requests[0].headers["authorization"], server.requests[0].json["messages"]
    server.stop()                          # from now on: connection refused

Serves POST …/chat/completions (plain JSON, or server-sent events when the request says
`"stream": true`: `data: {chunk}` lines, a usage chunk when `stream_options.include_usage`, then
`data: [DONE]`) and GET …/models. Any path prefix works, so Azure OpenAI's
`/openai/deployments/NAME/chat/completions?api-version=…` lands here too.

Each queued item answers one request, in order; with the queue empty the `respond_with`
function answers (default: `Reply("OK")`). Faults:
  Delay(seconds, then=None)   wait before answering (a time-out for the client), then answer `then`
                              (None: what `respond_with` gives)
  Slow(seconds, then=None, keepalive=None)   a stream whose head and empty first chunk come at once and
                              whose first word comes after `seconds` (every `keepalive` seconds a
                              `: keep-alive` comment meanwhile, as some proxies send); unstreamed: Delay
  Status(code, retry_after=None, body=None, headers=None)   an error status: 429, 500, 503, 401…
  Empty()                     a well-formed completion with no text
  Malformed(body)             200 with a body that is not JSON (or, streamed, a broken chunk)
  Cut(text, after=2)          a stream (or body) that stops after `after` chunks: the socket closes
  Hangup()                    the connection closes before any answer
  Trickle(pieces, every)      a stream of `pieces`, one every `every` seconds; between them the server
                              watches the socket: a client that closes it is seen at once (`request.closed`
                              is set, `request.sent` says how many pieces had gone)
A Reply may also be sent as SSE allows but few servers do: `multiline=True` spreads each chunk's JSON over
several `data:` lines, `events=True` names each event (`event: …`) and gives it an `id:`.
and `stop()` (connection refused). The server is plain stdlib: `http.server` in a thread.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """A completion: its text split into `chunks` stream pieces (by words when None)."""

    text: str = "OK"
    finish_reason: str = "stop"
    prompt_tokens: int = 11
    completion_tokens: int | None = None
    """None: one per word of `text`."""
    chunks: list[str] | None = None
    model: str | None = None
    """None: the model the request named."""
    multiline: bool = False
    """Each chunk's JSON over several `data:` lines (a reader joins them with newlines)."""
    events: bool = False
    """Each chunk with an `event:` and an `id:` line before its data."""

    def pieces(self) -> list[str]:
        if self.chunks is not None:
            return self.chunks
        words = self.text.split(" ")
        return [w if i == 0 else " " + w for i, w in enumerate(words)] if self.text else []

    def usage(self) -> dict[str, int]:
        out = self.completion_tokens if self.completion_tokens is not None else len(self.text.split())
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": out,
                "total_tokens": self.prompt_tokens + out}


@dataclass
class Delay:
    seconds: float
    then: Reply | None = None


@dataclass
class Slow:
    seconds: float
    then: Reply | None = None
    keepalive: float | None = None


@dataclass
class Status:
    code: int
    retry_after: float | str | None = None
    body: dict | str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Empty:
    pass


@dataclass
class Malformed:
    body: str = '{"id": "chatcmpl-1", "choices": [{"message": {"content": "half'


@dataclass
class Cut:
    text: str = "I was saying something when"
    after: int = 2


@dataclass
class Hangup:
    pass


@dataclass
class Trickle:
    pieces: list[str]
    every: float = 0.05


Item = Reply | Delay | Slow | Status | Empty | Malformed | Cut | Hangup | Trickle


@dataclass
class Request:
    """What the server received: method, path, headers (lower-case names), the raw body and its JSON."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    closed: threading.Event = field(default_factory=threading.Event)
    """Set when the server saw the client close the connection mid-answer (a Trickle watches for it)."""
    sent: int = 0
    """Pieces of a Trickle sent before the client closed (or all of them)."""
    closed_at: float | None = None
    """`time.perf_counter()` when the server saw the close (for `make bench`; tests count pieces instead)."""

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def text(self) -> str:
        """Everything sent except the authorisation headers: where a key must never appear."""
        heads = "\n".join(f"{k}: {v}" for k, v in self.headers.items() if k not in ("authorization", "api-key"))
        return f"{self.method} {self.path}\n{heads}\n\n{self.body.decode('utf-8', 'replace')}"


class LLMServer:
    def __init__(self, models: tuple[str, ...] = ("test-model",)) -> None:
        self.models = models
        self.requests: list[Request] = []
        self._queue: deque[Item] = deque()
        self._respond: Callable[[Request], Item] = lambda request: Reply()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self.port = 0

    # -- for tests ------------------------------------------------------------------------------

    def start(self) -> LLMServer:
        self._httpd = _Server(("127.0.0.1", self.port), _handler_for(self))
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop listening: from now on a client's connection is refused."""
        if self._httpd is not None:
            self._stopping.set()
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd.drop_connections()  # kept-alive ones too: a stopped server answers nothing
            self._httpd = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reply(self, text: str = "OK", **kwargs: Any) -> LLMServer:
        return self.queue(Reply(text, **kwargs))

    def fault(self, *items: Item) -> LLMServer:
        return self.queue(*items)

    def queue(self, *items: Item) -> LLMServer:
        with self._lock:
            self._queue.extend(items)
        return self

    def respond_with(self, respond: Callable[[Request], Item]) -> LLMServer:
        """What answers once the queue is empty: a function of the request."""
        self._respond = respond
        return self

    @property
    def completions(self) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0].endswith("/chat/completions")]

    # -- for the handler ------------------------------------------------------------------------

    def _next(self, request: Request) -> Item:
        with self._lock:
            self.requests.append(request)
            if self._queue:
                return self._queue.popleft()
        return self._respond(request)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a Delay still sleeping must not hold up stop()
    allow_reuse_address = True

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.open: set[socket.socket] = set()
        self.open_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:
        with self.open_lock:
            self.open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self.open_lock:
            self.open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (a time-out) leaves a broken pipe behind: that is the test, not a failure."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def drop_connections(self) -> None:
        with self.open_lock:
            for conn in self.open:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.open.clear()


def _handler_for(server: LLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        owner = server

    return Handler


class _Handler(BaseHTTPRequestHandler):
    owner: LLMServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: pytest shows failures, not traffic
        pass

    def _request(self) -> Request:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        return Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)

    def do_GET(self) -> None:
        request = self._request()
        with self.owner._lock:
            self.owner.requests.append(request)
        if request.path.split("?")[0].endswith("/models"):
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "test"} for m in self.owner.models]
            self._send_json(200, {"object": "list", "data": data})
        else:
            self._send_json(404, {"error": {"message": f"no route {request.path}", "type": "not_found"}})

    def do_POST(self) -> None:
        request = self._request()
        if not request.path.split("?")[0].endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {request.path}", "type": "not_found"}})
            return
        try:
            asked = request.json or {}
        except ValueError:
            self._send_json(400, {"error": {"message": "the body is not JSON", "type": "invalid_request_error"}})
            return
        item = self.owner._next(request)
        if isinstance(item, Slow) and not asked.get("stream"):
            item = Delay(item.seconds, item.then)
        if isinstance(item, Delay):
            if self.owner._stopping.wait(item.seconds):
                return
            item = item.then or self.owner._respond(request)
            if isinstance(item, Delay):  # `respond_with` says to wait again: once is enough
                item = item.then or Reply()
        model = asked.get("model", "test-model")
        stream = bool(asked.get("stream"))
        with_usage = bool((asked.get("stream_options") or {}).get("include_usage"))
        if isinstance(item, Hangup):
            self._close()
        elif isinstance(item, Status):
            self._send_status(item)
        elif isinstance(item, Malformed):
            if stream:
                self._stream_head()
                self._event(item.body)
                self._end_chunks()
            else:
                self._send_raw(200, item.body.encode(), "application/json")
        elif isinstance(item, Empty):
            self._answer(Reply("", completion_tokens=0), model, stream, with_usage)
        elif isinstance(item, Cut):
            self._cut(item, model, stream)
        elif isinstance(item, Slow):
            self._slow(item, request, model, with_usage)
        elif isinstance(item, Trickle):
            self._trickle(item, request, model)
        else:
            self._answer(item, model, stream, with_usage)

    # -- answers ---------------------------------------------------------------------------------

    def _answer(self, reply: Reply, model: str, stream: bool, with_usage: bool, *, started: bool = False) -> None:
        name = reply.model or model
        if not stream:
            self._send_json(200, {
                "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text},
                             "finish_reason": reply.finish_reason}],
                "usage": reply.usage(),
            })
            return
        if not started:
            self._stream_head()
            self._event(json.dumps(_chunk(name, {"role": "assistant", "content": ""})))
        for piece in reply.pieces():
            chunk = _chunk(name, {"content": piece})
            if reply.multiline:  # the same JSON, a field per line: SSE joins a chunk's data lines with "\n"
                fields = ",\n".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in chunk.items())
                self._event("{" + fields + "}", "chunk" if reply.events else None)
            else:
                self._event(json.dumps(chunk), "chunk" if reply.events else None)
        self._event(json.dumps(_chunk(name, {}, reply.finish_reason)))
        if with_usage:
            self._event(json.dumps({**_chunk(name, None), "choices": [], "usage": reply.usage()}))
        self._event("[DONE]")
        self._end_chunks()

    def _slow(self, slow: Slow, request: Request, model: str, with_usage: bool) -> None:
        """Head and an empty first chunk now, the words after `slow.seconds`: a model slow to start."""
        self._stream_head()
        self._event(json.dumps(_chunk(model, {"role": "assistant", "content": ""})))
        until = time.monotonic() + slow.seconds
        while (left := until - time.monotonic()) > 0:
            if self.owner._stopping.wait(min(left, slow.keepalive or left)):
                return
            if slow.keepalive and until - time.monotonic() > 0:
                self._comment("keep-alive")
        reply = slow.then or self.owner._respond(request)
        self._answer(reply if isinstance(reply, Reply) else Reply(), model, True, with_usage, started=True)

    def _trickle(self, trickle: Trickle, request: Request, model: str) -> None:
        """One piece every `trickle.every` seconds, watching the socket meanwhile: a client that hangs up is seen
        at once, not at the next write."""
        self._stream_head()
        self._event(json.dumps(_chunk(model, {"role": "assistant", "content": ""})))
        try:
            for piece in trickle.pieces:
                self._event(json.dumps(_chunk(model, {"content": piece})))
                request.sent += 1
                if self._hung_up(trickle.every):
                    request.closed_at = time.perf_counter()
                    request.closed.set()
                    return
            self._event(json.dumps(_chunk(model, {}, "stop")))
            self._event("[DONE]")
            self._end_chunks()
        except OSError:  # a write to a connection the client closed
            request.closed.set()

    def _hung_up(self, seconds: float) -> bool:
        """Wait `seconds` (or until the server stops); True as soon as the client closes its end."""
        until = time.monotonic() + seconds
        while (left := until - time.monotonic()) > 0 and not self.owner._stopping.is_set():
            readable, _, _ = select.select([self.connection], [], [], min(left, 0.05))
            if readable:
                try:
                    return self.connection.recv(1, socket.MSG_PEEK) == b""
                except OSError:
                    return True
        return False

    def _cut(self, cut: Cut, model: str, stream: bool) -> None:
        if stream:
            self._stream_head()
            for piece in Reply(cut.text).pieces()[: cut.after]:
                self._event(json.dumps(_chunk(model, {"content": piece})))
        else:
            body = json.dumps({"id": "chatcmpl-test", "choices": [{"message": {"content": cut.text}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
        self._close()

    def _send_status(self, status: Status) -> None:
        body = status.body if status.body is not None else {
            "error": {"message": f"test server says {status.code}", "type": "server_error", "code": status.code}}
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        headers = dict(status.headers)
        if status.retry_after is not None:
            headers["Retry-After"] = str(status.retry_after)
        self._send_raw(status.code, data, "application/json", headers)

    # -- the wire --------------------------------------------------------------------------------

    def _send_json(self, code: int, data: Any) -> None:
        self._send_raw(code, json.dumps(data).encode(), "application/json")

    def _send_raw(self, code: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def _stream_head(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def _event(self, data: str, name: str | None = None) -> None:
        head = f"event: {name}\nid: {id(data)}\n" if name else ""
        payload = (head + "".join(f"data: {line}\n" for line in data.split("\n")) + "\n").encode()
        self.wfile.write(f"{len(payload):X}\r\n".encode() + payload + b"\r\n")
        self.wfile.flush()

    def _comment(self, text: str) -> None:
        payload = f": {text}\n\n".encode()
        self.wfile.write(f"{len(payload):X}\r\n".encode() + payload + b"\r\n")
        self.wfile.flush()

    def _end_chunks(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _close(self) -> None:
        """Drop the connection mid-answer, as a crashed or overloaded server does."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _chunk(model: str, delta: dict | None, finish: str | None = None) -> dict:
    choice = {"index": 0, "delta": delta or {}, "finish_reason": finish}
    return {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
            "model": model, "choices": [] if delta is None else [choice]}
