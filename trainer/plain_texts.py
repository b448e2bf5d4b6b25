"""Kept only for `trainer/plain.py` until it reads `plain.*` from `trainer.texts`; delete with that change."""

from trainer.texts import grouped as followers
from trainer.texts import tr

__all__ = ["followers", "plain_text"]


def plain_text(language: str, key: str, **values: object) -> str:
    return tr(language, "engine.move.usage" if key == "usage" else f"plain.{key}", **values)
