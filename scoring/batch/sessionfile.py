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
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from scoring.batch.conversation import Conversation, ReadError
from scoring.batch.jsonitems import json_items
from scoring.batch.limits import Limits
from scoring.scorecard import Scorecard
from trainer.engine.events import (
    CustomerMessage,
    Event,
    SessionEnded,
    SessionStarted,
    TraineeMessage,
)

FORMAT = "webcare-session"
VERSION = 1


def session_dict(events: Sequence[Event], *, scenario: str, language: str, trainee: str | None = None,
                 title: str = "", channel: str = "",
                 scorecard: Scorecard | Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A finished (or stopped) session in the file format; `webcare import` takes it too. `scorecard` may
    still be its JSON (`Scorecard.to_dict()`), as callers gave it before it was typed."""
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    ended = next((e for e in events if isinstance(e, SessionEnded)), None)
    now = datetime.now(UTC).isoformat(timespec="seconds")
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
        "scorecard": scorecard.to_dict() if isinstance(scorecard, Scorecard) else scorecard,
    }


def _account() -> str:
    try:
        import getpass

        return os.environ.get("WEBCARE_TRAINEE") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def write_session(path: Path, data: dict[str, Any]) -> None:
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


def _conversation(source: str, path: str, where: str, data: Any) -> Conversation:
    """One session, checked by the same model `webcare import` uses (scoring/batch/sessionmodel.py)."""
    from pydantic import ValidationError

    from scoring.batch.sessioncheck import envelope_problem, problem
    from scoring.batch.sessionmodel import SessionFile

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ReadError([(f"{where}: not a Webcare session (expected \"format\": \"{FORMAT}\"); for a real "
                          "conversation, write a transcript as text (Customer: / Agent: lines) or CSV")])
    trouble = envelope_problem(data)
    if trouble:
        raise ReadError([f"{where}: {trouble}"])
    try:
        session = SessionFile.model_validate(data)
    except ValidationError as exc:
        raise ReadError([f"{where}: {problem(exc)}"]) from None
    events = session.stored_events()
    started = next((e for e in events if isinstance(e, SessionStarted)), None)
    language = session.language or (started.language if started else None)
    return Conversation(source, path, events=events, scenario=session.scenario, language=language,
                        trainee=session.trainee)
