"""What goes wrong with a store, said plainly."""

from trainer.errors import TrainerError


class StoreError(TrainerError):
    """The database can't be used as it is; the message says why and what to do."""


class SessionHeld(StoreError):
    """Another game is playing this session now (it holds the session's lease)."""
