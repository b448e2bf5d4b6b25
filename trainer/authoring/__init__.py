"""Tools for scenario authors: playthrough coverage, automatic exploration and intent checks."""
