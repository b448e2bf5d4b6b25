"""Webcare Trainer: a terminal training game for customer-service agents."""

__version__ = "0.1.0"
