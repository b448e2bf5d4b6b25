"""What a class served in browsers keeps: the class code and the passwords, as hashes only (never in the clear).

A secret's role is `class` (the code every trainee may sign in with), `coach` (the coach's review) or
`trainee` (one trainee's own password, named). The hashing is the caller's (`trainer.classroom.secrets`):
the store keeps the string it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from trainer.store.records import now

if TYPE_CHECKING:
    from trainer.store.backends import Backend

Role = Literal["class", "coach", "trainee"]


class ClassRecords:
    """The class-secrets half of `Store`."""

    db: Backend

    def set_secret(self, role: Role, hashed: str, name: str = "") -> None:
        with self.db.transaction():
            self.db.execute("INSERT INTO class_secrets (role, name, hash, set_at) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (role, name) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at",
                            (role, name, hashed, now()))

    def clear_secret(self, role: Role, name: str = "") -> bool:
        """Forget a secret; False when there was none."""
        with self.db.transaction():
            found = self.db.execute("SELECT 1 FROM class_secrets WHERE role = ? AND name = ?", (role, name))
            self.db.execute("DELETE FROM class_secrets WHERE role = ? AND name = ?", (role, name))
        return bool(found)

    def secret(self, role: Role, name: str = "") -> str | None:
        """The hash kept for this role (and trainee), or None."""
        rows = self.db.execute("SELECT hash FROM class_secrets WHERE role = ? AND name = ?", (role, name))
        return str(rows[0][0]) if rows else None

    def secrets_set(self) -> list[tuple[str, str, str]]:
        """(role, name, set_at) of every secret kept, never the hashes: for `webcare class show`."""
        return [(str(r[0]), str(r[1]), str(r[2]))
                for r in self.db.execute("SELECT role, name, set_at FROM class_secrets ORDER BY role, name")]
