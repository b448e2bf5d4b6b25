"""`webcare explore`: play a scenario automatically through every move and report where its story breaks."""

from __future__ import annotations

import argparse
import sys

from trainer.commands.arguments import add_scenarios, positive
from trainer.texts import tr

PROGRESS_AFTER = 1.0
"""Seconds before the progress bar appears on a terminal."""
PLAIN_EVERY = 5.0
"""Seconds between progress lines when stderr is a log or a pipe."""
MAX_DEPTH = 10
MAX_SITUATIONS = 2000
"""Defaults of the search (the explorer itself is imported only when it runs: start-up speed)."""

_positive = positive("a whole number of 1 or more")


def add_parser(sub) -> None:
    explore = sub.add_parser(
        "explore", help="play a scenario automatically through every move and report dead ends and loops",
        description="Play the scenario automatically, breadth-first: every intent (its examples), a message "
                    "that fits none, every look-up and every action, in every situation reached. Reports "
                    "dead ends, loops she never leaves, states and outcomes that can never be reached (facts "
                    "counted: a step that needs a fact nothing reveals never fires) or that no sequence of moves "
                    "reaches, and {placeholders} left unfilled. Exits with 1 when it finds a problem. A state or "
                    "outcome the story can reach but the search did not within its limits is a warning, and "
                    "leaves the exit status 0: explore deeper to see it played.",
    )
    explore.add_argument("scenario", help="a scenario id (see `webcare list`) or a path to a .yaml file")
    explore.add_argument("--depth", type=_positive, default=MAX_DEPTH, metavar="N",
                         help=f"explore at most N moves deep (default {MAX_DEPTH})")
    explore.add_argument("--max-situations", type=_positive, default=MAX_SITUATIONS, metavar="N",
                         help=f"explore at most N situations (default {MAX_SITUATIONS})")
    add_scenarios(explore)  # an id may name a case of one's own (see trainer.cli)
    explore.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.authoring.explore import explore
    from trainer.scenario.library import find_scenario

    scenario = find_scenario(args.scenario)
    print(f"Exploring {scenario.id}: at most {args.depth} moves deep and {args.max_situations} situations.")
    progress = Progress()
    try:
        found = explore(scenario, max_depth=args.depth, max_situations=args.max_situations, progress=progress)
    finally:
        progress.done()
    return report(found)


def report(found) -> int:
    s = found.scenario
    moves = found.options
    says = sum(1 for o in moves if not o.label.startswith("/"))
    print(f"Tried {len(moves)} moves in every situation: {says} messages, "
          f"{tr('en', 'count.lookup', n=len(s.lookups))}, {tr('en', 'count.action_move', n=len(moves) - says - len(s.lookups))}.")
    states = {n.state for n in found.situations.values()}
    how = "everything within reach" if found.complete else f"stopped at {found.cut_off}"
    print(f"Explored {len(found.situations)} situations, up to {found.deepest} moves deep, in "
          f"{found.seconds:.1f} s ({how}).")
    reached = set(found.outcomes) & set(s.outcomes)
    patience = s.when_patience_runs_out
    note = ""
    if patience not in reached and found.patience_falls:
        reached.add(patience)
        note = f", '{patience}' by her patience running out"
    print(f"Reached {len(states & set(s.states))}/{len(s.states)} states and "
          f"{len(reached)}/{len(s.outcomes)} outcomes{note}.")
    for finding in found.findings:
        print(finding.problem, file=sys.stderr)
        if finding.route:
            print("  reached by: " + " › ".join(finding.route), file=sys.stderr)
    errors = len(found.problems)
    warnings = len(found.findings) - errors
    print(f"{tr('en', 'count.problem', n=errors)}, {tr('en', 'count.warning', n=warnings)}.")
    return 1 if errors else 0


class Progress:
    """The explorer's progress on stderr once exploring takes a while: a bar on a terminal, else a plain line
    every few seconds (trainer.commands.progressbar)."""

    def __init__(self, stream=None, after: float = PROGRESS_AFTER, clock=None) -> None:
        from trainer.commands.progressbar import Bar

        self.bar = Bar(None, stream=stream, after=after, plain_every=PLAIN_EVERY, clock=clock)

    def __call__(self, found, queued: int) -> None:
        self.bar.update(len(found.situations), f"exploring {found.scenario.id}: {len(found.situations)} situations, "
                                               f"{found.deepest} moves deep, {queued} to go…")

    def done(self) -> None:
        self.bar.close()
