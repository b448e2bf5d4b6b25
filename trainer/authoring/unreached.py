"""What `webcare explore` says of states and outcomes it did not get to: lost for good (facts or `next:`
block the way, as `webcare check` works out), never reached though the map allows it, or only beyond the
limits of the search."""

from __future__ import annotations

from collections.abc import Callable

from trainer.scenario.models import Scenario
from trainer.scenario.reach import lost, lost_message, reach

Report = Callable[..., None]
"""Adds a finding: (path, message, hint, route=(), severity="error")."""


def report_unreached(s: Scenario, visited: set[str], complete: bool, cut_off: str, patience_falls: bool,
                     report: Report) -> None:
    """One finding per state or outcome not `visited`: an error when it is certain, a warning when the search
    stopped before it could tell."""
    r = reach(s)
    lost_by = {item.place: item for item in lost(s, r)}
    for name in (*s.states, *s.outcomes):
        if name in visited or (name == s.when_patience_runs_out and patience_falls):
            continue  # she gets there by losing patience, which takes more moves than are worth exploring
        what, table = ("state", "states") if name in s.states else ("outcome", "outcomes")
        if name in lost_by:
            report((table, name), *lost_message(s, r, lost_by[name]))
        elif name not in r.places:
            report((table, name), f"{what} '{name}' can never be reached: no step leads there",
                   f"add a step with 'next: {name}' somewhere, or remove the {what}")
        elif complete:
            report((table, name), f"{what} '{name}' is never reached by any sequence of moves",
                   f"check the conditions of the steps with 'next: {name}' (moods, turns, what the "
                   "messages are recognised as)")
        else:
            report((table, name), f"{what} '{name}' was not reached within the limits (stopped at {cut_off}), "
                   "though the story can reach it in principle",
                   "explore deeper (--depth, --max-situations) to see it played", severity="warning")
