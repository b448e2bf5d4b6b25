"""Class codes and passwords, kept as scrypt hashes (the standard library's): never in the clear.

scrypt is memory-hard and needs no extra package; each hash carries its own salt and cost, so the cost can
rise later without invalidating what is kept. Checking takes tens of milliseconds, on purpose.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1
"""scrypt's cost: 16 MiB and about 50 ms a check, OWASP's minimum for scrypt."""


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join(("scrypt", str(N), str(R), str(P), _b64(salt), _b64(digest)))


def matches(secret: str, hashed: str | None) -> bool:
    """Does `secret` match the kept hash? False for no hash, or one this program did not write."""
    if not hashed:
        return False
    try:
        kind, n, r, p, salt, digest = hashed.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        found = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                               dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
