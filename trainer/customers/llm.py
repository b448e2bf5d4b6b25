"""The live customer: a model writes her lines in her persona, while the state machine decides everything else.

The engine's cue says where the conversation is, her mood, what has come to light and which of the
scenario's lines fit; the model only words it. Its text is never read back by the engine, so nothing
the trainee or the model writes can move the state, the outcome or the score. Any fault — the
endpoint down or slow, a reply empty, cut, out of character, in the wrong language, giving away an
unfound fact or declaring the case settled — makes her say the scripted line for that cue instead,
with one line telling the trainee why; the session goes on.

A slow endpoint never holds the game up for long: her first word must come within the settings'
`first_token_timeout` (retries included) or the script speaks at once. While the script is in
charge the model is not asked again in full rounds of retries: the next line is one try, and if
that fails too the model rests a few lines (see trainer.llm.breaker) before the next single try.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from trainer.customers import checks
from trainer.customers.base import BaseCustomer
from trainer.customers.prompt import PROMPT_VERSION, customer_messages, max_chars
from trainer.customers.scripted import ScriptedCustomer
from trainer.engine.events import Event, TraineeMessage
from trainer.engine.session import Cue
from trainer.llm.breaker import Breaker
from trainer.llm.client import LLMClient
from trainer.llm.config import LLMSettings, with_overrides
from trainer.llm.errors import LLMUnavailable
from trainer.scenario.models import Scenario
from trainer.scenario.text import fill
from trainer.texts import grouped, tr

log = logging.getLogger(__name__)

TEMPERATURE = 0.8
"""Her default temperature: lively, but the stance and examples keep her on track."""
REST_CUES = 3
"""After the endpoint refuses, or fails its single try after a fault, this many cues are scripted before it is
tried once more (then twice as many after each failed try, up to REST_MAX)."""
REST_MAX = 12
GONE = ("refused", "rejected")
"""Faults that say the endpoint is not there for us at all: rest at once, no single try first."""
UNAVAILABLE = ("timeout", "rate_limited", "server_error", "refused", "empty", "malformed", "cut", "rejected", "failed")
"""Faults of the endpoint (not of her line): each counts against the breaker. Said as `customer.unavailable.*`."""


@dataclass(frozen=True)
class Line:
    """What she said for one cue, who wrote it, and why the script stood in (if it did)."""

    turn: int
    text: str
    by: str
    """"model" or "script"."""
    problem: str | None = None
    """A fault kind (trainer.llm.errors.KINDS) or a check (checks.PROBLEMS); None when the model's line stood."""


@dataclass
class Record:
    """The session's account of the live customer: for the manifest, the end of the game and `passk`."""

    lines: list[Line] = field(default_factory=list)

    @property
    def fallbacks(self) -> list[Line]:
        return [line for line in self.lines if line.by == "script"]


class LLMCustomer(BaseCustomer):
    streams = True

    def __init__(self, scenario: Scenario, settings: LLMSettings, *, seed: int = 0,
                 client: LLMClient | None = None) -> None:
        self.scenario = scenario
        self.settings = with_overrides(
            settings,
            temperature=TEMPERATURE if settings.temperature is None else settings.temperature,
            seed=seed if settings.seed is None else settings.seed,
        )
        self.client = client or LLMClient(self.settings)  # no `openai` import until the first request
        self.record = Record()
        self.last: Line | None = None
        self._script = ScriptedCustomer(scenario, seed)
        self._events: Sequence[Event] = ()
        self._breaker = Breaker(rest=REST_CUES, longest=REST_MAX)
        self._told = False
        self._notice: str | None = None
        self._settled: Cue | None = None

    def __repr__(self) -> str:
        return f"LLMCustomer({self.settings.describe()})"

    def attach(self, events: Sequence[Event]) -> None:
        """The session's event log (read, never written): the conversation the prompt quotes."""
        self._events = events

    # -- her line ----------------------------------------------------------------------------------

    def write(self, cue: Cue) -> str:
        return self.stream(cue, lambda piece: None)

    def stream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        """`astream`, waited for (plain play, playthroughs): the same request on a loop of its own."""
        return self.client.run(self.astream(cue, shown))

    async def astream(self, cue: Cue, shown: Callable[[str], None]) -> str:
        """Her line for this cue: the model's pieces go to `shown` as they come; the line that stands is returned
        (the scripted one when a check fails: the pieces were a preview). Cancelled (the conversation ended, the
        game quit), the request is closed at once and nothing is settled for the cue."""
        async for piece in self.pieces(cue):
            shown(piece)
        assert self.last is not None
        return self.last.text

    async def aclose(self) -> None:
        """Close the connections her client holds on this event loop (the screen she was on is going)."""
        await self.client.aclose()

    async def pieces(self, cue: Cue) -> AsyncIterator[str]:
        """Her line as the model writes it, piece by piece; afterwards `last` holds the line that stands.

        The pieces are a preview: when a check fails, `last.text` is the scripted line instead.
        """
        if not self._breaker.allow():
            self._settle(cue, None, self.last.problem if self.last and self.last.problem else "refused", counted=False)
            return
        pieces: list[str] = []
        problem: str | None = None
        source = self.client.astream(customer_messages(self.scenario, cue, self._events),
                                     max_tokens=self._max_tokens(),
                                     first_token=self.settings.first_token_timeout or None,
                                     retries=0 if self._breaker.trial else None)
        try:
            async for piece in source:
                pieces.append(piece)
                yield piece
                if (limit := max_chars(self.scenario, self._events)) and sum(map(len, pieces)) > limit * 1.5:
                    break  # enough to trim from; don't pay for the rest
        except LLMUnavailable as exc:
            problem = exc.kind
            log.info("customer model unavailable: %s", exc)
        except Exception as exc:  # noqa: BLE001 - whatever breaks, her scripted line stands in
            problem = "failed"
            log.warning("customer model failed: %s", type(exc).__name__)
        finally:
            await source.aclose()  # also when cancelled: the request closes now, not when the model is done
        text = None if problem else self._checked("".join(pieces), cue)
        if text is None and problem is None:
            problem = self._problem
        self._settle(cue, text, problem)

    def _checked(self, raw: str, cue: Cue) -> str | None:
        """The model's line, trimmed to the channel; None (and `_problem` set) when it can't be said."""
        language = self.scenario.language
        text = checks.cleaned(raw, self.scenario.customer.first_name)
        problem = None
        if not text or not any(ch.isalnum() for ch in text):
            problem = "empty"
        elif checks.out_of_character(text):
            problem = "out_of_character"
        elif checks.wrong_language(text, language):
            problem = "wrong_language"
        elif checks.leaks(text, self._secrets(), self._told_her(cue)):
            problem = "leak"
        elif checks.claims_resolved(text, language, self._allowed(cue)):
            problem = "claims_resolved"
        self._problem = problem
        return None if problem else checks.trimmed(text, max_chars(self.scenario, self._events))

    def stand_in(self, cue: Cue, why: str) -> str | None:
        """The game stopped waiting for the model: her script speaks, counted as a timeout, said once; whatever the
        model sends for this cue afterwards is not hers any more."""
        self._settle(cue, None, "timeout", counted=False)
        assert self.last is not None
        return self.last.text

    def _settle(self, cue: Cue, text: str | None, problem: str | None, counted: bool = True) -> None:
        if cue is self._settled:  # the game gave up on this cue already (`stand_in`): a late answer is dropped
            return
        self._settled = cue
        if counted:
            if text is None and problem in UNAVAILABLE:
                self._breaker.failed(gone=problem in GONE)
            else:
                self._breaker.succeeded()  # the endpoint answered in time, whatever the checks made of it
        if text is not None:
            self._told = False
            self.last = Line(cue.turn, text, "model")
            self._script.heard(cue, text)  # the script moves on too: no verbatim repeat if it stands in later
        else:
            if not self._told:
                self._notice = self._notice_for(problem or "failed")
                self._told = True
            self.last = Line(cue.turn, self._script.write(cue), "script", problem or "failed")
        self.record.lines.append(self.last)

    def heard(self, cue: Cue, text: str) -> None:
        """A replayed line (resuming a session): remember it as said."""
        self._script.heard(cue, text)

    # -- what the session keeps ----------------------------------------------------------------------

    def take_notice(self) -> str | None:
        """The one line to tell the trainee why the script stood in, once per run of fallbacks."""
        notice, self._notice = self._notice, None
        return notice

    def usage(self) -> dict[str, int]:
        """Requests and tokens so far (as the endpoint counted them)."""
        u = self.client.usage
        return {"requests": u.requests, "in": u.prompt_tokens, "out": u.completion_tokens}

    def manifest(self) -> dict[str, Any]:
        """How her lines were written, for the session's manifest: never the key."""
        s = self.settings
        return {"llm": {"model": s.model, "endpoint": s.host, "temperature": s.temperature, "seed": s.seed,
                        "prompt_version": PROMPT_VERSION, "azure": s.azure, "timeout": s.timeout,
                        "retries": s.retries, "first_token_timeout": s.first_token_timeout}}

    def summary(self) -> dict[str, Any]:
        """The manifest with what it cost and how often the script stood in: kept when the session ends."""
        out = self.manifest()
        out["llm"] |= {"usage": self.usage(), "lines": len(self.record.lines),
                       "scripted": [{"turn": x.turn, "why": x.problem} for x in self.record.fallbacks]}
        return out

    def cost_line(self) -> str:
        """`Live customer: model at host · 3 requests, 1,234 tokens in, 210 out · 1 line from the script`."""
        u, lang = self.usage(), self.scenario.language
        scripted = len(self.record.fallbacks)
        return tr(lang, "customer.cost", model=self.settings.model, host=self.settings.host, requests=u["requests"],
                  tokens_in=grouped(lang, u["in"]), tokens_out=grouped(lang, u["out"]),
                  scripted=tr(lang, "customer.cost_scripted", n=scripted) if scripted else "")

    # -- helpers -------------------------------------------------------------------------------------

    _problem: str | None = None

    def _max_tokens(self) -> int:
        limit = max_chars(self.scenario, self._events)
        return 160 if limit and limit <= 500 else 400

    def _notice_for(self, problem: str) -> str:
        lang = self.scenario.language
        kind = "unavailable" if problem in UNAVAILABLE else "problem" if problem in checks.PROBLEMS else None
        why = tr(lang, f"customer.{kind}.{problem}") if kind else problem
        return tr(lang, "customer.notice", name=self.scenario.customer.first_name, why=why)

    def _secrets(self) -> list[str]:
        known = set(self._known())
        return [f.is_ for name, f in self.scenario.facts.items() if name not in known]

    def _known(self) -> list[str]:
        from trainer.engine.events import FactRevealed

        known = [n for n, f in self.scenario.facts.items() if f.known]
        return known + [e.fact for e in self._events if isinstance(e, FactRevealed)]

    def _told_her(self, cue: Cue) -> str:
        """Everything the model was shown: a word from there is not a leak."""
        values = self.scenario.placeholders()
        trainee = " ".join(e.text for e in self._events if isinstance(e, TraineeMessage))
        return " ".join([self.scenario.customer.persona, *values.values(), *cue.facts, trainee,
                         *(fill(line, values) for line in cue.lines)])

    def _allowed(self, cue: Cue) -> list[str]:
        """Lines whose words she may use: this cue's, and at an ending of the resolved kind, anything."""
        values = self.scenario.placeholders()
        allowed = [fill(line, values) for line in cue.lines]
        outcome = self.scenario.outcomes.get(cue.outcome or "")
        if outcome is not None and outcome.kind == "resolved":
            allowed += [" ".join(phrase for phrases in checks.RESOLVED.values() for phrase in phrases)]
        return allowed
