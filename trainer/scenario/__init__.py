"""Scenarios: the YAML format (models), loading with file:line:col problems (loader), and lint."""
