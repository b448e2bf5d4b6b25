"""`webcare graph`: draw a scenario's story as Mermaid or Graphviz DOT, or the whole library as a page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands.arguments import add_scenarios


def add_parser(sub) -> None:
    graph = sub.add_parser(
        "graph", help="draw a scenario's states and outcomes (Mermaid or Graphviz DOT)",
        description="Draw a scenario's story: its states, what moves the conversation between them, and its "
                    "outcomes. Unreachable parts are marked. Paste Mermaid into any Markdown viewer that renders "
                    "it; render DOT with `dot -Tsvg`.",
    )
    graph.add_argument("scenario", nargs="?", help="a scenario id or a path to a .yaml file")
    graph.add_argument("--format", choices=["mermaid", "dot"], default="mermaid", help="default: mermaid")
    graph.add_argument("--library", nargs="?", const="", metavar="DIR", type=str,
                       help="instead: one Markdown page with every scenario of DIR (default: the built-in ones)")
    graph.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    add_scenarios(graph)  # an id may name a case of one's own (see trainer.cli)
    graph.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.errors import TrainerError

    if args.library is not None:
        text = _library_page(args.library)
    elif args.scenario:
        from trainer.scenario.graph import dot, mermaid
        from trainer.scenario.library import find_scenario

        scenario = find_scenario(args.scenario)
        text = mermaid(scenario) if args.format == "mermaid" else dot(scenario)
    else:
        raise TrainerError("name a scenario (see `webcare list`) or use --library")
    if args.output:
        args.output.write_text(text, "utf-8")
        print(f"Written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _library_page(folder: str) -> str:
    from trainer.errors import ScenarioError
    from trainer.scenario.catalogue import catalogue
    from trainer.scenario.library import builtin_dir, load_library

    library = load_library([Path(folder) if folder else builtin_dir()])
    errors = [p for p in library.problems if p.severity == "error"]
    if errors:
        raise ScenarioError(errors)
    return catalogue(library.scenarios)
