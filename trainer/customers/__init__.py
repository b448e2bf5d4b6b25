"""Customers: strategies that write the customer's lines for the engine's cues."""

from trainer.customers.base import Customer
from trainer.customers.scripted import ScriptedCustomer

__all__ = ["Customer", "ScriptedCustomer"]
