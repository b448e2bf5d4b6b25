"""Who plays a session now, as the store keeps it: take a session's lease, renew it while playing, let go of it.

The lease's own rules (holders, expiry, a dead process's lease) are in `trainer.store.lease`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.store import lease
from trainer.store.errors import SessionHeld, StoreError
from trainer.store.records import now

if TYPE_CHECKING:
    from trainer.store.backends import Backend
    from trainer.store.location import Location


class Leasing:
    """The lease half of `Store`: the sessions this store holds, and the heartbeat that keeps them held."""

    db: Backend
    location: Location
    holder: str
    _held: set[str]
    _heartbeat: lease.Heartbeat | None

    def take(self, session_id: str) -> None:
        """Hold an unfinished session's lease, to play it on here; SessionHeld when another running game holds it."""
        with self.db.transaction():
            rows = self.db.execute("SELECT lease_holder, lease_until, ended_at FROM sessions WHERE id = ?",
                                   (session_id,))
            if not rows:
                raise StoreError(f"no session {session_id} in {self.location.describe()}")
            holder, expires, ended = rows[0]
            if ended is not None:
                raise StoreError("that session is finished; start a new one")
            if not lease.free(holder, expires, self.holder, now()):
                raise SessionHeld(HELD)
            # Compare and set: of two games taking it at once, one wins.
            self.db.execute("UPDATE sessions SET lease_holder = ?, lease_until = ? "
                            "WHERE id = ? AND COALESCE(lease_holder, '') = ?",
                            (self.holder, lease.until(), session_id, holder or ""))
            self._still_held(session_id)
        self._hold(session_id)

    def release(self, session_id: str) -> None:
        """Let go of a session's lease (the game stopped without finishing): it can be resumed elsewhere at once."""
        self._held.discard(session_id)
        with self.db.transaction():
            self.db.execute("UPDATE sessions SET lease_holder = NULL, lease_until = NULL "
                            "WHERE id = ? AND lease_holder = ?", (session_id, self.holder))

    def _hold(self, session_id: str) -> None:
        self._held.add(session_id)
        if self._heartbeat is None:
            self._heartbeat = lease.Heartbeat(self._renew)

    def _renew(self) -> None:
        """The heartbeat's work: push back the expiry of every lease this store holds."""
        if self._held:
            with self.db.transaction():
                self.db.execute("UPDATE sessions SET lease_until = ? WHERE lease_holder = ? AND ended_at IS NULL",
                                (lease.until(), self.holder))

    def _still_held(self, session_id: str, ended_at: str | None = None) -> None:
        """Inside a transaction, after an UPDATE guarded by the lease: SessionHeld if another game has it now.

        `ended_at`: the UPDATE finished the session at that moment (and let go of the lease)."""
        rows = self.db.execute("SELECT lease_holder, ended_at FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise StoreError(f"no session {session_id} in {self.location.describe()}")
        holder, ended = rows[0]
        if ended_at is not None and ended == ended_at and holder is None:
            return
        if holder != self.holder or ended is not None:
            self._held.discard(session_id)
            raise SessionHeld(TAKEN)


HELD = (f"that session is being played in another window right now; go on there, or resume it here once that "
        f"game is closed (a game that stopped on another machine frees it after {lease.LEASE_SECONDS // 60} minutes)")
TAKEN = "this session was resumed in another window meanwhile; this game goes on, unsaved from here"
