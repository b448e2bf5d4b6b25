"""Where sessions last: every turn committed to SQLite (or PostgreSQL for a whole class)."""

from trainer.store.errors import StoreError
from trainer.store.sessions import SessionRow, Store, StoredSession, open_store

__all__ = ["SessionRow", "Store", "StoreError", "StoredSession", "open_store"]
