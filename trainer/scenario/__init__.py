"""Scenarios: the YAML format, its loading with file:line:col problems, and its lint."""

from trainer.scenario.loader import check_file, load_scenario
from trainer.scenario.models import Scenario

__all__ = ["Scenario", "check_file", "load_scenario"]
