"""Kept only for `trainer/ui/app.py` and `trainer/ui/screens/chat.py` until they import `tr` from `trainer.texts`."""

from trainer.texts import tr

__all__ = ["tr"]
