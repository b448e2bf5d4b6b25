"""`webcare serve`: a class in the browser — each trainee signs in and plays as themselves; the coach reviews.

The server holds the database (`--db` or WEBCARE_DATABASE_URL) and any model key: the game processes it
starts for each tab inherit them from its environment, never from the browser.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from trainer.commands.arguments import add_scenarios
from trainer.errors import TrainerError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(sub) -> None:
    serve = sub.add_parser("serve", help="a class in the browser: trainees sign in and play; the coach reviews")
    serve.add_argument("scenario", nargs="?", help="a scenario id or a path to a .yaml file (default: the list)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default 127.0.0.1; 0.0.0.0 for the whole network)")
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    serve.add_argument("--public-url", metavar="URL",
                       help="the address browsers use, when it differs (a proxy, or --host 0.0.0.0)")
    serve.add_argument("--db", help="the class's database: a file or a postgresql:// URL (default: "
                                    "WEBCARE_DATABASE_URL, WEBCARE_DB, or the user's data folder)")
    serve.add_argument("--require-saving", action="store_true",
                       help="refuse to play when sessions can't be saved (default: play on, and say so)")
    serve.add_argument("--lang", choices=["en", "nl"], help="interface language (default: the scenario's)")
    serve.add_argument("--seed", type=int, default=0, help="varies the customer's lines (default 0)")
    serve.add_argument("--test", dest="mode", action="store_const", const="test", default="practice",
                       help="test mode: no hints (default: practice mode, hints counted)")
    serve.add_argument("--curriculum", metavar="ID", help="the curriculum the class follows (an id or a path)")
    serve.add_argument("--judge", action="store_true",
                       help="add an LLM judge's second opinion to every scorecard (OPENAI_BASE_URL, OPENAI_API_KEY)")
    serve.add_argument("--model", help="the model for the live customer and the judge (default: WEBCARE_MODEL)")
    serve.add_argument("--customer", choices=["auto", "llm", "scripted"], default="auto",
                       help="who writes the customer's lines (as for `webcare play`)")
    serve.add_argument("--llm-intents", action="store_true", help="let the model read what trainees meant")
    add_scenarios(serve)  # the game processes inherit the folders through WEBCARE_SCENARIOS (see trainer.cli)
    serve.add_argument("--typing-speed", type=float, default=1.0, help=argparse.SUPPRESS)  # load tests: 0
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from trainer.classroom.server import ClassServer, ClassSettings
    except ImportError as exc:
        raise TrainerError("`webcare serve` needs textual-serve: pip install 'webcare-trainer[serve]'") from exc
    from trainer.scenario.library import find_scenario
    from trainer.store import open_store
    from trainer.store.location import locate

    if args.scenario:
        find_scenario(args.scenario)  # a wrong name is told here, not in every browser tab
    if args.curriculum:
        from trainer.campaign.library import find_curriculum

        find_curriculum(args.curriculum)
    location = locate(args.db)
    store = open_store(args.db)  # a database that can't be used is told here, once
    os.environ["WEBCARE_DATABASE_URL"] = location.target  # the game processes inherit it; browsers never see it
    settings = ClassSettings(play=play_command(args), review=review_command(args), language=args.lang or "en")
    server = ClassServer(settings, store, host=args.host, port=args.port, public_url=args.public_url)
    _say_who_can_sign_in(server, args.host)
    try:
        server.serve()
    except OSError as exc:  # the address is taken, or not this machine's
        raise TrainerError(f"Can't listen on {args.host}:{args.port} ({exc.strerror or exc}): "
                           "choose another with --port (or --host)") from None
    finally:
        store.close()
    return 0


def _say_who_can_sign_in(server, host: str) -> None:
    if server.roster.open and host not in LOOPBACK:
        print("webcare: this class has no code, so anyone who can reach it plays under any name they type; "
              "set one with `webcare class code`", file=sys.stderr)
    if not server.roster.coached:
        print("webcare: no coach password, so the review is not offered in the browser; "
              "set one with `webcare class coach-password`", file=sys.stderr)


def play_command(args: argparse.Namespace) -> list[str]:
    """The game for each trainee's tab (the server adds `--name`): this Python, so the venv's."""
    command = [sys.executable, "-m", "trainer", "play", "--tui", "--seed", str(args.seed)]
    if args.lang:
        command += ["--lang", args.lang]
    if args.mode == "test":
        command.append("--test")
    if args.require_saving:
        command.append("--require-saving")
    if args.typing_speed != 1.0:
        command += ["--typing-speed", str(args.typing_speed)]
    command += _live_options(args)
    if args.curriculum:
        command += ["--curriculum", _path_or_id(args.curriculum)]
    if args.scenario:
        command.append(_path_or_id(args.scenario))
    return command


def review_command(args: argparse.Namespace) -> list[str]:
    """The coach's review for the coach's tab."""
    return [sys.executable, "-m", "trainer", "review", "--coach", "coach", "--lang", args.lang or "en"]


def _live_options(args: argparse.Namespace) -> list[str]:
    command = []
    if args.judge:
        command.append("--judge")
    if args.model:
        command += ["--model", args.model]
    if args.customer != "auto":
        command += ["--customer", args.customer]
    if args.llm_intents:
        command.append("--llm-intents")
    return command


def _path_or_id(ref: str) -> str:
    path = Path(ref)
    return str(path.resolve()) if path.exists() else ref
