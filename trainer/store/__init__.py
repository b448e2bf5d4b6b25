"""Where sessions last: every turn committed to SQLite (or PostgreSQL for a whole class)."""

from trainer.store.errors import StoreError
from trainer.store.records import CertificateRow, StoredSession
from trainer.store.sessions import SessionRow, Store, open_store

__all__ = ["CertificateRow", "SessionRow", "Store", "StoreError", "StoredSession", "open_store"]
