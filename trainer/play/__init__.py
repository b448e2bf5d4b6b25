"""A round being played: the application layer the full-screen game and plain play both drive."""

from trainer.play.replay import moves_of, started_at
from trainer.play.reply import Reply
from trainer.play.round import Finished, Round, replayed

__all__ = ["Finished", "Reply", "Round", "moves_of", "replayed", "started_at"]
