"""Which database to use: --db, then WEBCARE_DATABASE_URL (PostgreSQL), then WEBCARE_DB, then the data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True, slots=True)
class Location:
    kind: str
    """`sqlite` or `postgres`."""
    target: str
    """A file path, or a connection URL."""

    def describe(self) -> str:
        """Where the sessions are, for messages: never the password of a URL."""
        if self.kind == "sqlite":
            return self.target
        return redact(self.target)


def locate(db: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Location:
    env = os.environ if env is None else env
    chosen = str(db) if db else env.get("WEBCARE_DATABASE_URL") or env.get("WEBCARE_DB")
    if chosen and chosen.startswith(POSTGRES_SCHEMES):
        return Location("postgres", chosen)
    if chosen:
        return Location("sqlite", str(Path(chosen).expanduser()))
    from platformdirs import user_data_path

    return Location("sqlite", str(user_data_path("webcare", appauthor=False) / "sessions.db"))


def person(variable: str) -> str:
    """A name for sessions and notes: the environment variable's, else the account's."""
    import getpass

    try:
        return os.environ.get(variable) or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def redact(url: str) -> str:
    """`postgresql://coach:secret@db/class` → `postgresql://coach:***@db/class`."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url
