"""What a list of sessions asks to see whether anything changed since it last looked: one small query."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
