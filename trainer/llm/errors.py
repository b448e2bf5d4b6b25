"""What can go wrong asking a model, as types a caller can act on; no message ever holds the key."""

from __future__ import annotations

from trainer.errors import TrainerError

KINDS = {
    "timeout": "it did not answer in time",
    "rate_limited": "it is rate-limiting requests (429)",
    "server_error": "it had a server error",
    "refused": "it could not be reached",
    "empty": "it sent an empty reply",
    "malformed": "its reply could not be read",
    "cut": "its reply stopped halfway",
    "rejected": "it refused the request",
}
"""Each kind of fault, as the end of a sentence starting "The model …"."""


class LLMError(TrainerError):
    """Asking a model failed."""


class LLMUnavailable(LLMError):
    """No usable reply, after the retries the settings allow.

    `kind` is one of KINDS (callers may word it in the trainee's language); `detail` says more,
    e.g. the status code; `attempts` counts the requests made.
    """

    def __init__(self, kind: str, detail: str = "", *, attempts: int = 1, where: str = "") -> None:
        self.kind = kind
        self.detail = detail
        self.attempts = attempts
        self.where = where
        tries = f" after {attempts} tries" if attempts > 1 else ""
        what = f"The model{f' ({where})' if where else ''} is unavailable: {KINDS.get(kind, kind)}"
        super().__init__(f"{what}{f' — {detail}' if detail else ''}{tries}.")


class LLMRejected(LLMUnavailable):
    """The endpoint refused the request itself (bad key, unknown model, bad request): retrying won't help."""

    def __init__(self, detail: str, *, status: int | None = None, where: str = "") -> None:
        self.status = status
        super().__init__("rejected", detail, attempts=1, where=where)


def redact(text: str, secret: str | None) -> str:
    """`text` without `secret`, or any long piece of it (servers echo keys half-masked)."""
    if not secret or len(secret) < 4:
        return text
    text = text.replace(secret, "***")
    size = 6
    if len(secret) > size:
        pieces = {secret[i:i + size] for i in range(len(secret) - size + 1)}
        for piece in sorted(pieces, key=len, reverse=True):
            if piece in text:
                text = text.replace(piece, "***")
    return text
