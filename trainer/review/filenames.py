"""File names for exported sessions: one per session, inside the folder, visible, and valid on every system.

`trainee-scenario-date-id.md`: each part keeps letters, digits, `-` and `_` only (no dot, so
no `..` and no hidden `.name`; no separator, so never a path), loses leading and trailing
`-` and `_` (a name like `-rf.md` reads as an option to a shell tool), and is cut to a length
every file system takes. The id is the session's whole id when it is plain (the uuids the
game makes); an id that had to be changed gets a hash of the real one, so two ids that differ
only in the characters replaced, or share a prefix, still give two names. `Names` also
refuses a name twice in one export (case and Unicode form ignored, as macOS and Windows do).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from trainer.store.sessions import SessionRow

PART_BYTES = 40
"""UTF-8 bytes per part: four parts stay well under the 255 bytes a file name may have."""
_PLAIN_ID = re.compile(r"[a-z0-9]{1,32}")


def _part(text: str, limit: int = PART_BYTES) -> str:
    text = unicodedata.normalize("NFC", text)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in text).strip("-_")
    return safe.encode("utf-8")[:limit].decode("utf-8", "ignore").strip("-_")


def _id_part(session_id: str) -> str:
    if _PLAIN_ID.fullmatch(session_id):
        return session_id
    digest = hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return "-".join(p for p in (_part(session_id, 16), digest) if p)


def session_stem(row: SessionRow) -> str:
    """The file name of a session's export, without its suffix."""
    parts = (_part(row.trainee), _part(row.scenario), _part(row.started_at[:10]), _id_part(row.id))
    return "-".join(p for p in parts if p)


class Names:
    """The names given so far in one export: a name is never given twice."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, stem: str, suffix: str) -> str:
        name, n = f"{stem}.{suffix}", 1
        while unicodedata.normalize("NFC", name).casefold() in self.taken:
            n += 1
            name = f"{stem}-{n}.{suffix}"
        self.taken.add(unicodedata.normalize("NFC", name).casefold())
        return name
