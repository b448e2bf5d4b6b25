"""`webcare serve`: play in a web browser, the game served with textual-serve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.errors import TrainerError


def add_parser(sub) -> None:
    serve = sub.add_parser("serve", help="play in a web browser: serve the game with textual-serve")
    serve.add_argument("scenario", nargs="?", help="a scenario id or a path to a .yaml file (default: the list)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when it differs (a proxy, or --host 0.0.0.0)")
    serve.add_argument("--lang", choices=["en", "nl"], help="interface language (default: the scenario's)")
    serve.add_argument("--seed", type=int, default=0, help="varies the customer's lines (default 0)")
    serve.add_argument("--test", dest="mode", action="store_const", const="test", default="practice",
                       help="test mode: no hints (default: practice mode, hints counted)")
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError as exc:
        raise TrainerError("`webcare serve` needs textual-serve: pip install 'webcare-trainer[serve]'") from exc
    from trainer.scenario.library import find_scenario

    if args.scenario:
        find_scenario(args.scenario)  # a wrong name is told here, not in every browser tab
    Server(serve_command(args), host=args.host, port=args.port, title="Webcare Trainer",
           public_url=args.public_url).serve()
    return 0


def serve_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, so the venv's."""
    import shlex

    command = [sys.executable, "-m", "trainer", "play", "--tui", "--seed", str(args.seed)]
    if args.lang:
        command += ["--lang", args.lang]
    if args.mode == "test":
        command.append("--test")
    if args.scenario:
        scenario = Path(args.scenario)
        command.append(str(scenario.resolve()) if scenario.exists() else args.scenario)
    return shlex.join(command)
