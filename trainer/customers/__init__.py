"""Customers: strategies that write the customer's lines for the engine's cues."""

from trainer.customers.base import Accounted, BaseCustomer, Customer, Streams, Writes
from trainer.customers.scripted import ScriptedCustomer

__all__ = ["Accounted", "BaseCustomer", "Customer", "ScriptedCustomer", "Streams", "Writes"]
