"""What a curriculum keeps beside the sessions: the certificates issued, and who shows on its leaderboards."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from trainer.store.records import CERTIFICATE, CertificateRow, now

if TYPE_CHECKING:
    from trainer.store.backends import Backend


class CampaignRecords:
    """The certificate and leaderboard half of `Store`."""

    db: Backend

    def add_certificate(self, cert: CertificateRow) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO certificates (code, trainee, curriculum, title, language, coach, issued_at, details) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (cert.code, cert.trainee, cert.curriculum, cert.title, cert.language, cert.coach, cert.issued_at,
                 json.dumps(cert.details, ensure_ascii=False, sort_keys=True)))

    def certificate(self, code: str) -> CertificateRow | None:
        rows = self.db.execute(f"SELECT {CERTIFICATE} FROM certificates WHERE code = ?",  # noqa: S608 - constant columns
                               (code,))
        return CertificateRow.of(rows[0]) if rows else None

    def certificates(self, *, trainee: str | None = None, curriculum: str | None = None) -> list[CertificateRow]:
        """Certificates issued, oldest first."""
        where, params = [], []
        for column, value in (("trainee", trainee), ("curriculum", curriculum)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = f"SELECT {CERTIFICATE} FROM certificates"  # noqa: S608 - constant columns; values are parameters
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [CertificateRow.of(r) for r in self.db.execute(sql + " ORDER BY issued_at, code", params)]

    def set_leaderboard(self, trainee: str, curriculum: str, opt_in: bool) -> None:
        """Show (or stop showing) this trainee on the curriculum's leaderboards."""
        with self.db.transaction():
            if opt_in:
                self.db.execute("INSERT INTO leaderboard (curriculum, trainee, opted_in_at) VALUES (?, ?, ?) "
                                "ON CONFLICT (curriculum, trainee) DO NOTHING", (curriculum, trainee, now()))
            else:
                self.db.execute("DELETE FROM leaderboard WHERE curriculum = ? AND trainee = ?",
                                (curriculum, trainee))

    def leaderboard_opt_ins(self, curriculum: str) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT trainee FROM leaderboard WHERE curriculum = ?",
                                              (curriculum,))}
