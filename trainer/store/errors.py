"""What goes wrong with a store, said plainly."""

from trainer.errors import TrainerError


class StoreError(TrainerError):
    """The database can't be used as it is; the message says why and what to do."""


class SessionHeld(StoreError):
    """Another game is playing this session now (it holds the session's lease)."""


class StoreUnavailable(StoreError):
    """The database is away for now (the connection dropped, or no answer in time); later it may be back."""
