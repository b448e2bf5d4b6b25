"""What can go wrong asking a model, as types a caller can act on; no message ever holds the key."""

from __future__ import annotations

from trainer.errors import ConfigError, TrainerError

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


class LLMNotConfigured(ConfigError):
    """No model or no endpoint is set; the message says what to set."""


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


PIECE = 6
"""A run of this many characters of the key counts as the key (servers echo keys half-masked: `sk-proj…a8c`)."""
LONG_KEY = 12
"""Shorter keys are placeholders (`ollama`, `lm-studio`, `not-needed`): only the whole key is redacted, so
that ordinary words made of their pieces (`needed`, `studio`) stay."""
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def redact(text: str, secret: str | None) -> str:
    """`text` without `secret` in any casing, nor any long piece of it: each run of key becomes `***`."""
    shield = KeyShield(secret)
    return shield.feed(text) + shield.flush()


class KeyShield:
    """Redacts a key from text that arrives piece by piece (a stream), exactly as `redact` would from the whole.

    A piece ending in what could begin a run of key keeps that ending back until the next piece shows
    whether it does; `flush` gives it at the end. Without a key (or with one under 4 characters) every piece passes as it is.
    """

    def __init__(self, secret: str | None) -> None:
        key = (secret or "").translate(_ASCII_LOWER)
        self.active = len(key) >= 4
        self.size = PIECE if len(key) >= LONG_KEY else len(key)
        self.pieces = {key[i:i + self.size] for i in range(len(key) - self.size + 1)} if self.active else set()
        self.starts = {piece[:n] for piece in self.pieces for n in range(1, self.size)}
        """What a piece of key can begin with: a text ending so waits for more."""
        self.text = ""
        """What has come in and not yet gone out."""
        self.masked_to = 0
        """In `text`: everything before this is part of a run of key already found."""
        self.in_run = False
        """The last thing given out was `***`: a run going on is not masked twice."""

    def feed(self, piece: str) -> str:
        """What of the text so far can safely be shown now."""
        if not self.active:
            return piece
        self.text += piece
        low, end = self.text.translate(_ASCII_LOWER), len(self.text)
        upto = next((i for i in range(max(0, end - self.size + 1), end) if low[i:] in self.starts), end)
        return self._give(upto)

    def flush(self) -> str:
        """The rest, at the end of the text."""
        if not self.active:
            return ""
        out = self._give(len(self.text))
        self.text, self.masked_to, self.in_run = "", 0, False
        return out

    def _give(self, upto: int) -> str:
        """Give out `text[:upto]`, masked: every run of key starting before `upto` is already in sight."""
        if upto <= 0:
            return ""
        low = self.text.translate(_ASCII_LOWER)
        size, masked = self.size, [False] * upto
        for start in range(upto):
            if low[start:start + size] in self.pieces and start + size <= len(low):
                self.masked_to = max(self.masked_to, start + size)
            if start < self.masked_to:
                masked[start] = True
        out: list[str] = []
        for i, hidden in enumerate(masked):
            if hidden:
                if not self.in_run:
                    out.append("***")
                self.in_run = True
            else:
                out.append(self.text[i])
                self.in_run = False
        self.text = self.text[upto:]
        self.masked_to = max(0, self.masked_to - upto)
        return "".join(out)
