"""What a list of sessions asks beside the rows: whether anything changed since it last looked (one small query),
and the coaches' latest overrides with their reasons (one query for a whole class)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.store.records import Override

if TYPE_CHECKING:
    from trainer.store.backends import Backend


class ListingStamp:
    """The change stamp half of `Store`: the coach's list polls this, and reads the sessions only when it moves."""

    db: Backend

    def list_stamp(self) -> tuple[Any, ...]:
        """(sessions, last update, overrides, last override): any session begun, played on, finished or forgotten,
        and any override, changes it. Aggregates only: the same small answer for ten sessions or ten thousand."""
        rows = self.db.execute("SELECT (SELECT count(*) FROM sessions), (SELECT max(updated_at) FROM sessions), "
                               "(SELECT count(*) FROM overrides), (SELECT max(created_at) FROM overrides)")
        return tuple(rows[0])

    def latest_overrides(self) -> dict[str, dict[str, Override]]:
        """Session id → trade → the coach's latest override of it, for every session a coach has changed."""
        out: dict[str, dict[str, Override]] = {}
        for session_id, *fields in self.db.execute(
                "SELECT session_id, id, trade, original, score, reason, author, created_at FROM overrides "
                "ORDER BY created_at, id"):
            out.setdefault(session_id, {})[fields[1]] = Override(*fields)
        return out
