"""A trainee's attempts in a curriculum: the curriculum they are in, how a session is tagged for a module,
and what one attempt changed (modules passed and unlocked, badges earned).

Imported only when a curriculum is in play: the app reads `trainer.campaign` lazily, start-up stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.campaign.models import Module
    from trainer.campaign.progress import Progress
    from trainer.store import Store


def utc_now() -> datetime:
    return datetime.now(UTC)


def in_progress(store: Store, trainee: str) -> str | None:
    """The curriculum of the trainee's latest session played from a home screen; None: free play only."""
    for row in store.sessions(trainee=trainee, order="started_at", descending=True, limit=200):
        if row.curriculum:
            return row.curriculum
    return None


@dataclass(frozen=True)
class Playing:
    """A session started from the home screen: stored with these tags, so progress counts it."""

    curriculum: str
    module: str

    def manifest(self) -> dict[str, str]:
        return {"curriculum": self.curriculum, "module": self.module}


@dataclass(frozen=True)
class News:
    """What one attempt changed in the curriculum: modules passed and unlocked, badges earned."""

    passed: tuple[Module, ...] = ()
    unlocked: tuple[Module, ...] = ()
    badges: tuple[Any, ...] = field(default=())
    """EarnedBadge: `.badge` has `title`, `about` and `icon`."""

    def __bool__(self) -> bool:
        return bool(self.passed or self.unlocked or self.badges)


def news(before: Progress | None, after: Progress) -> News:
    """The difference between the progress before an attempt and after it."""
    old = {m.module.id: m for m in before.modules} if before else {}

    def was(module_id: str, flag: str) -> bool:
        return bool(old.get(module_id) and getattr(old[module_id], flag))

    earned = {b.badge.id for b in before.badges} if before else set()
    return News(
        passed=tuple(m.module for m in after.modules if m.passed and not was(m.module.id, "passed")),
        unlocked=tuple(m.module for m in after.modules
                       if m.unlocked and not was(m.module.id, "unlocked") and before is not None
                       and m.module.id != after.modules[0].module.id),
        badges=tuple(b for b in after.badges if b.badge.id not in earned),
    )
