"""A stored session as versioned JSON: exported by coaches, imported back (`webcare import`) on any machine.

The same `webcare-session` format `webcare score` reads: everything needed to score it
again (the events), plus what the store keeps beside it (scorecard, notes, overrides).
"""

from __future__ import annotations

import re
from typing import Any

from trainer.store.sessions import StoredSession

from scoring.batch.sessionfile import FORMAT, VERSION  # one format, read by `webcare score` too

SECRET = re.compile(r"key|token|secret|password|authorization", re.I)


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
        "scorecard": s.scorecard,
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
    """Rebuild a stored session from `session_to_dict` output, checking what an import needs."""
    from trainer.engine.events import event_from_dict
    from trainer.store.sessions import Note, Override, SessionRow

    at = f"{where}: " if where else ""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionFileError(f"{at}not a Webcare session (expected \"format\": \"{FORMAT}\")")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise SessionFileError(f"{at}session format version {data.get('version')!r} is newer than this "
                               f"Webcare Trainer knows ({VERSION}); upgrade webcare")
    missing = [k for k in ("id", "trainee", "scenario", "language", "started_at", "events") if not data.get(k)]
    if missing:
        raise SessionFileError(f"{at}missing {', '.join(missing)}")
    try:
        events = [event_from_dict(e) for e in data["events"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionFileError(f"{at}an event can't be read ({exc})") from None
    card = data.get("scorecard") or None
    trades = (card or {}).get("trades", {})
    row = SessionRow(
        str(data["id"]), str(data["trainee"]), str(data["scenario"]), str(data.get("title", "")),
        str(data["language"]), str(data.get("channel", "")), str(data.get("mode", "practice")),
        int(data.get("seed", 0)), str(data["started_at"]), str(data.get("updated_at") or data["started_at"]),
        data.get("ended_at"), max((e.turn for e in events), default=0), data.get("outcome"),
        data.get("outcome_kind"), {t: trades.get(t, {}).get("score") for t in ("facilitator", "detective", "plumber")},
    )
    try:
        notes = [Note(n["id"], n.get("turn"), n["author"], n["text"], n["created_at"]) for n in data.get("notes", [])]
        overrides = [Override(o["id"], o["trade"], o.get("original"), int(o["score"]), o["reason"], o["author"],
                              o["created_at"]) for o in data.get("overrides", [])]
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionFileError(f"{at}a note or override can't be read ({exc})") from None
    return StoredSession(row, events, card, scrub(data.get("manifest") or {}), notes, overrides)
