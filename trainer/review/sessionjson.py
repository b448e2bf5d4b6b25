"""A stored session as versioned JSON: exported by coaches, imported back (`webcare import`) on any machine.

The same `webcare-session` format `webcare score` reads: everything needed to score it
again (the events), plus what the store keeps beside it (scorecard, notes, overrides).
"""

from __future__ import annotations

import re
from typing import Any

from scoring.batch.sessionfile import FORMAT, VERSION  # one format, read by `webcare score` too
from trainer.store.records import StoredSession

SECRET = re.compile(r"key|token|secret|password|authorization", re.IGNORECASE)


def session_to_dict(s: StoredSession) -> dict[str, Any]:
    r = s.row
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": r.id,
        "trainee": r.trainee,
        "scenario": r.scenario,
        "title": r.title,
        "language": r.language,
        "channel": r.channel,
        "mode": r.mode,
        "seed": r.seed,
        "started_at": r.started_at,
        "updated_at": r.updated_at,
        "ended_at": r.ended_at,
        "outcome": r.outcome,
        "outcome_kind": r.outcome_kind,
        "manifest": scrub(s.manifest),
        "events": [e.to_dict() for e in s.events],
        "scorecard": None if s.scorecard is None else s.scorecard.to_dict(),
        "notes": [{"id": n.id, "turn": n.turn, "author": n.author, "text": n.text, "created_at": n.created_at}
                  for n in s.notes],
        "overrides": [{"id": o.id, "trade": o.trade, "original": o.original, "score": o.score, "reason": o.reason,
                       "author": o.author, "created_at": o.created_at} for o in s.overrides],
    }


def scrub(value: Any) -> Any:
    """Drop anything named like a credential, however deep: exports never carry a key."""
    if isinstance(value, dict):
        return {k: scrub(v) for k, v in value.items() if not SECRET.search(str(k))}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


class SessionFileError(ValueError):
    """A session file that can't be imported; the message says where and why."""


def session_from_dict(data: Any, where: str = "") -> StoredSession:
    """Rebuild a stored session from `session_to_dict` output, every field checked (`sessioncheck.imported`).

    Whatever passes can be stored, listed, reviewed and exported; anything else raises
    `SessionFileError` saying, in one line, where in the record and what is wrong.
    """
    from scoring.batch.sessioncheck import imported
    from scoring.scorecard import Scorecard
    from trainer.store.sessions import TRADES, Note, Override, SessionRow

    try:
        s = imported(data)
    except ValueError as exc:
        raise SessionFileError(f"{where}: {exc}" if where else str(exc)) from None
    events = s.stored_events()
    written = data.get("scorecard") or None
    card = Scorecard.from_dict(written) if written else None  # checked, and kept whole (fields added later too)
    trades = s.scorecard.trades if s.scorecard else {}
    row = SessionRow(
        s.id, s.trainee, s.scenario, s.title or "", s.language, s.channel or "", s.mode, s.seed, s.started_at,
        s.updated_at or s.started_at, s.ended_at, max(e.turn for e in events), s.outcome, s.outcome_kind,
        {t: trades[t].score if t in trades else None for t in TRADES},
    )
    notes = [Note(n.id, n.turn, n.author, n.text, n.created_at) for n in s.notes]
    overrides = [Override(o.id, o.trade, o.original, o.score, o.reason, o.author, o.created_at) for o in s.overrides]
    return StoredSession(row, events, card, scrub(data.get("manifest") or {}), notes, overrides)
