"""A played session as a file: the versioned `webcare-session` JSON that `webcare score` reads.

    {"format": "webcare-session", "version": 1, "scenario": "legroom-en", "language": "en",
     "events": [...every event's to_dict()...], "trainee": "…", ...}

`webcare play --session-json` writes one; `webcare export --format json` writes the same
format with the store's extras (notes, overrides), so either can be scored again. A file may
also hold a JSON list of sessions, or one session per line (JSONL).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import fields
from datetime import datetime, timezone
from typing import Any, TextIO

from scoring.batch.conversation import Conversation, ReadError
from scoring.batch.jsonitems import json_items
from scoring.batch.limits import Limits
from trainer.engine.events import (
    CustomerMessage,
    Event,
    SessionEnded,
    SessionStarted,
    TraineeMessage,
    event_from_dict,
)

FORMAT = "webcare-session"
VERSION = 1


def session_dict(events: Sequence[Event], *, scenario: str, language: str, trainee: str | None = None,
                 title: str = "", channel: str = "", scorecard: dict[str, Any] | None = None) -> dict[str, Any]:
    """A finished (or stopped) session in the file format; `webcare import` takes it too."""
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    ended = next((e for e in events if isinstance(e, SessionEnded)), None)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": uuid.uuid4().hex,
        "trainee": trainee or _account(),
        "scenario": scenario,
        "title": title,
        "language": language,
        "channel": channel,
        "mode": started.mode if started else "practice",
        "seed": started.seed if started else 0,
        "started_at": now,
        "ended_at": now if ended else None,
        "outcome": ended.outcome if ended else None,
        "outcome_kind": ended.outcome_kind if ended else None,
        "events": [e.to_dict() for e in events],
        "scorecard": scorecard,
    }


def _account() -> str:
    try:
        import getpass

        return os.environ.get("WEBCARE_TRAINEE") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def write_session(path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def read_sessions(path: str, stream: TextIO, limits: Limits) -> Iterator[Conversation]:
    """The sessions of a file, one at a time: one JSON object, a JSON list of them, or one per line (JSONL);
    `ReadError` at the end lists every session that can't be read."""
    problems: list[str] = []
    for source, where, item in json_items(path, stream, limits.chars, limits.too_big):
        try:
            conversation = _conversation(source, path, where, item)
        except ReadError as exc:
            problems.extend(exc.problems)
            continue
        if sum(isinstance(e, (TraineeMessage, CustomerMessage)) for e in conversation.events or ()) > limits.messages:
            problems.append(limits.too_many(where, "one session"))
            continue
        yield conversation
    if problems:
        raise ReadError(problems)


_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,), "float": (int, float), "str": (str,), "bool": (bool,),
    "float | None": (int, float, type(None)), "tuple[str, ...]": (tuple,),
}


def _wrong_field(event: Event) -> str | None:
    """The first field whose value has the wrong type (a hand-edited file), if any."""
    for f in fields(event):
        value = getattr(event, f.name)
        expected = _TYPES.get(str(f.type))
        if expected is None:
            continue
        if isinstance(value, bool) and bool not in expected:
            return f"{f.name} ({value!r})"
        if not isinstance(value, expected) or (expected == (tuple,) and not all(isinstance(v, str) for v in value)):
            return f"{f.name} ({value!r})"
    return None


def _conversation(source: str, path: str, where: str, data: Any) -> Conversation:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReadError([f"{where}: not a Webcare session (expected \"format\": \"{FORMAT}\"); for a real "
                         "conversation, write a transcript as text (Customer: / Agent: lines) or CSV"])
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReadError([f"{where}: \"version\" must be a whole number (this Webcare Trainer writes {VERSION})"])
    if version > VERSION:
        raise ReadError([f"{where}: session format version {version} is newer than this Webcare Trainer "
                         f"knows ({VERSION}); upgrade webcare"])
    scenario = data.get("scenario")
    if not isinstance(scenario, str) or not scenario:
        raise ReadError([f"{where}: no \"scenario\"; a session names the scenario it was played on"])
    raw = data.get("events")
    if not isinstance(raw, list) or not raw:
        raise ReadError([f"{where}: no \"events\"; a session file holds the list of events the game logged"])
    events: list[Event] = []
    for i, item in enumerate(raw, 1):
        try:
            events.append(event_from_dict(item))
        except KeyError as exc:
            kind = item.get("kind") if isinstance(item, dict) else None
            what = f"unknown kind {kind!r}" if kind is not None and exc.args == (kind,) else f"missing {exc}"
            raise ReadError([f"{where}: event {i} can't be read ({what})"]) from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise ReadError([f"{where}: event {i} can't be read ({exc})"]) from None
        wrong = _wrong_field(events[-1])
        if wrong:
            raise ReadError([f"{where}: event {i} ({events[-1].kind}) has a wrong {wrong}"])
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    language = data.get("language") or (started.language if started else None)
    trainee = data.get("trainee") if isinstance(data.get("trainee"), str) else None
    return Conversation(source, path, events=events, scenario=scenario, language=language, trainee=trainee)
