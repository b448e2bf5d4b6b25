"""`webcare doctor`: is the model endpoint set up, and does it answer? Each check says plainly what is wrong.

Never prints the key: only whether one is set, and every line is redacted of it besides (an endpoint may
echo it in a reply, an error or a model name; the client redacts those already, this is the last guard).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

from trainer.commands.jsonout import add_format, dumps, wants_json
from trainer.texts import tr

TIMEOUT = 20.0
"""Seconds each check may take (a local server may be loading the model on the first request)."""


def add_parser(sub) -> None:
    doctor = sub.add_parser(
        "doctor", help="check the LLM endpoint: settings, reachable, model listed, a completion, streaming",
        description="Check the OpenAI-compatible endpoint the live customer (and the LLM judge) use: where the "
                    "settings come from, whether the endpoint answers, lists the model, completes a tiny prompt "
                    "and streams. Works with OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio and llama.cpp's server.",
    )
    doctor.add_argument("--model", help="the model to check (default: WEBCARE_MODEL, else the config file)")
    add_format(doctor, "whether all is well, and each check with its name, ok and detail")
    doctor.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    return diagnose(args.model, sys.stdout, as_json=wants_json(args))


def diagnose(model: str | None, out: TextIO, env: dict[str, str] | None = None, *, as_json: bool = False) -> int:
    """Print one line per check (or, `as_json`, one object with them all at the end); 0 when every check passed."""
    say = _Say(out, as_json=as_json)
    code = _diagnose(say, model, env)
    if as_json:
        out.write(dumps("doctor", ok=code == 0, checks=say.checks) + "\n")
    return code


def _diagnose(say: _Say, model: str | None, env: dict[str, str] | None) -> int:
    from trainer.errors import ConfigError
    from trainer.llm.config import config_path, load_settings, with_overrides

    path = config_path(env)
    try:
        settings = load_settings({"model": model}, env=env)
    except ConfigError as exc:
        say.bad("settings", f"Settings: {exc}")
        return 1
    say.key = settings.api_key.reveal() if settings.api_key else None
    _describe(say, settings, path)
    if not settings.configured and not (settings.base_url and not settings.model):
        say.bad("configured", f"Not configured: {settings.missing()}")
        return 1
    probe = with_overrides(settings, timeout=min(settings.timeout, TIMEOUT), retries=0,
                           model=settings.model or "?")
    from trainer.llm.client import LLMClient

    client = LLMClient(probe)
    names = say.check("endpoint", "The endpoint answers", client.models, lambda names: f"{tr('en', 'count.model', n=len(names))} listed",
                      probe)
    if names is None:
        return 1
    if not settings.model:
        if len(names) != 1:
            shown = ", ".join(names[:8]) or "none"
            say.bad("model_set", f"No model is set: set WEBCARE_MODEL or pass --model (the endpoint lists: {shown})")
            return 1
        say.warn("model_set", f"No model is set: the endpoint's only model, '{names[0]}', will be used "
                 "(set WEBCARE_MODEL or pass --model to choose)")
        settings = with_overrides(settings, model=names[0])
        probe = with_overrides(probe, model=names[0])
        client = LLMClient(probe)
    _listed(say, settings, names)
    first = _talk(say, client, probe)
    if first is None:
        return 1
    deadline = settings.first_token_timeout
    if deadline and first > deadline:
        say.warn("first_word", f"The first word took {first:.1f} s, longer than first_token_timeout ({deadline:g} s): the live "
                 "customer's lines would come from the script. Raise `first_token_timeout` under [llm] in the "
                 "config file or set WEBCARE_FIRST_TOKEN_TIMEOUT (0: no limit)")
    u = client.usage
    say.info("usage", f"Used: {tr('en', 'count.request', n=u.requests)}, {u.prompt_tokens} tokens in, {u.completion_tokens} out")
    say.ok("ready", f"Ready: `webcare play` will use a live customer ({settings.describe()})")
    return 0 if not say.failed else 1


def _describe(say: _Say, settings, path) -> None:
    """Where the settings come from and what they say (the key only as set or not)."""
    say.info("config_file", f"Config file: {path}" + ("" if path.exists() else " (none; optional)"))
    say.info("settings_from", f"Settings from: {settings.source}")
    key = "set" if settings.api_key else "not set (fine for a local server: Ollama, vLLM, LM Studio, llama.cpp)"
    say.info("endpoint_host", f"Endpoint: {settings.host if settings.base_url else 'OpenAI (api.openai.com)'}"
             + (" · Azure OpenAI" if settings.azure else ""))
    say.info("model", f"Model: {settings.model or '(none)'} · key: {key}")


def _listed(say: _Say, settings, names: list[str]) -> None:
    """Whether the endpoint lists the model (a close name suggested when it does not)."""
    if names and settings.model and settings.model not in names:
        close = _close(settings.model, names)
        say.warn("model_listed", f"The model '{settings.model}' is not in the endpoint's list" + (f"; did you mean '{close}'?" if close
                 else f" ({', '.join(names[:8])})") + (" (Azure lists models, not deployments: this may be fine)"
                                                       if settings.azure else ""))
    else:
        say.ok("model_listed", f"The model '{settings.model}' is listed" if names else "The endpoint lists no models (some don't)")


def _talk(say: _Say, client, probe) -> float | None:
    """A tiny completion, then the same streamed: seconds to the first streamed word; None when either failed."""
    ask = [{"role": "user", "content": "Reply with the single word OK."}]
    reply = say.check("completion", "A tiny completion works", lambda: client.chat(ask, max_tokens=8),
                      lambda r: f"it said {r.text[:40]!r}", probe)
    first: list[float] = []

    def stream() -> list[str]:
        started, pieces = time.monotonic(), []
        for piece in client.stream(ask, max_tokens=8):
            first.append(time.monotonic() - started)
            pieces.append(piece)
        return pieces

    streamed = say.check("streaming", "Streaming works", stream, lambda pieces: f"{tr('en', 'count.piece', n=len(pieces))}: {''.join(pieces)[:40]!r}, "
                         f"the first after {first[0]:.1f} s", probe)
    if reply is None or streamed is None:
        return None
    return first[0]


ADVICE = {
    "refused": "nothing answers at {host}: is the server running, and is the address right? "
               "(OPENAI_BASE_URL usually ends in /v1, e.g. http://localhost:11434/v1 for Ollama)",
    "timeout": "no answer from {host} in time: the server may still be loading the model; try again, "
               "or raise `timeout` under [llm] in the config file",
    "rate_limited": "{host} is rate-limiting requests (429): wait a moment, or check your plan's limits",
    "server_error": "{host} had a server error: check its log",
    "malformed": "{host} did not answer like an OpenAI-compatible API: does the address point at the API "
                 "(…/v1), not a web page?",
    "empty": "{host} sent an empty answer: is the model loaded?",
    "cut": "{host} closed the connection halfway: is it a proxy, or did the server crash?",
}


MARKS = {"info": "·", "ok": "✓", "warning": "!", "failed": "✗"}
"""Each line's mark on the terminal, by the check's status (the JSON says the status in words)."""


class _Say:
    """Says each check as a line, or keeps it for the JSON object: `name` is stable for scripts, `text` is for people."""

    def __init__(self, out: TextIO, *, as_json: bool = False) -> None:
        self.out = out
        self.failed = False
        self.key: str | None = None
        self.as_json = as_json
        self.checks: list[dict[str, Any]] = []

    def _line(self, status: str, name: str, text: str) -> None:
        from trainer.llm.errors import redact
        from trainer.terminal import shown

        text = redact(text, self.key)  # no key, in either form
        self.checks.append({"name": name, "ok": status != "failed", "status": status, "detail": text})
        if not self.as_json:
            self.out.write(shown(f"{MARKS[status]} {text}") + "\n")  # shown, never obeyed
            self.out.flush()

    def info(self, name: str, text: str) -> None:
        self._line("info", name, text)

    def ok(self, name: str, text: str) -> None:
        self._line("ok", name, text)

    def warn(self, name: str, text: str) -> None:
        self._line("warning", name, text)

    def bad(self, name: str, text: str) -> None:
        self.failed = True
        self._line("failed", name, text)

    def check(self, name: str, what: str, do: Callable[[], Any], shown: Callable[[Any], str], settings) -> Any:
        from trainer.llm.errors import LLMRejected, LLMUnavailable

        try:
            result = do()
        except LLMRejected as exc:
            self.bad(name, f"{what}: no — {exc.detail or 'the endpoint refused the request'}"
                     + (": check OPENAI_API_KEY" if exc.status == 401 else ""))
            return None
        except LLMUnavailable as exc:
            advice = ADVICE.get(exc.kind, "{host}: " + str(exc)).format(host=settings.host)
            self.bad(name, f"{what}: no — {advice}")
            return None
        self.ok(name, f"{what}: {shown(result)}")
        return result


def _close(name: str, names: list[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    return found[0] if found else None
