"""How big one conversation may be for `webcare score`; a file may hold any number of them.

Scoring time grows faster than a conversation's length (24,000 messages take minutes), so one
conversation is capped at 2,000 messages, far above any real chat or email thread; its text
(a transcript's lines, a session's JSON) at 8 KB a message, 16 MB, so a file is never held
whole to find out. `--max-messages` raises both.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_MESSAGES = 2_000
CHARS_PER_MESSAGE = 8_000
MB = 1_000_000
RAISE = "split it, or raise the limit with --max-messages N"


@dataclass(frozen=True)
class Limits:
    messages: int = MAX_MESSAGES

    @property
    def chars(self) -> int:
        """Characters one conversation's text may take before it is read into messages."""
        return self.messages * CHARS_PER_MESSAGE

    def too_many(self, where: str, what: str = "one conversation") -> str:
        return f"{where}: more than {self.messages:,} messages in {what}; {RAISE}"

    def too_big(self, where: str, what: str = "one conversation") -> str:
        size = f"{self.chars // MB:,} MB" if self.chars >= MB else f"{self.chars // 1000:,} KB"
        return f"{where}: more than {size} in {what} (the most {self.messages:,} messages may take); {RAISE}"
