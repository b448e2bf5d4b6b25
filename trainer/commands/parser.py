"""The `webcare` argument parser: its options, `play`'s arguments, then each command module's own, in the
order `webcare --help` lists them. Building it imports argparse and the command modules only."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from trainer import __version__
from trainer.commands import COMMANDS
from trainer.commands.arguments import add_scenarios


def build(play: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """The whole parser; `play` runs the `play` command (the default one)."""
    parser = argparse.ArgumentParser(
        prog="webcare",
        description="Webcare Trainer: answer an irate customer, get scored as facilitator, detective and plumber.",
    )
    parser.add_argument("--version", action="version", version=f"webcare {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    add_play(sub, play)

    # Commands that live in trainer/commands/ add themselves (argparse only; heavy imports happen in run).
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def add_play(sub, run: Callable[[argparse.Namespace], int]) -> None:
    """`play`'s arguments; what it does is the command line's own (`trainer.cli`)."""
    play = sub.add_parser("play", help="play a scenario (the default command)")
    play.add_argument("scenario", nargs="?", help="a scenario id (see `webcare list`) or a path to a .yaml file")
    play.add_argument("--plain", action="store_true",
                      help="plain text, one line per move from standard input (the default when piped)")
    play.add_argument("--lang", choices=["en", "nl"],
                      help="interface language (default: the scenario's)")
    play.add_argument("--seed", type=int, default=0, help="varies the customer's lines (default 0)")
    play.add_argument("--test", dest="mode", action="store_const", const="test", default="practice",
                      help="test mode: no hints (default: practice mode, hints counted)")
    play.add_argument("--scorecard-json", type=Path, metavar="FILE", help="also write the scorecard as JSON")
    play.add_argument("--session-json", type=Path, metavar="FILE",
                      help="also save the session, to score it again later with `webcare score` (with --plain)")
    play.add_argument("--name", metavar="NAME", help="whose session this is (default: WEBCARE_TRAINEE or your account)")
    play.add_argument("--db", help="the session database: a file or a postgresql:// URL (default: "
                                   "WEBCARE_DATABASE_URL, WEBCARE_DB, or the user's data folder)")
    play.add_argument("--no-save", dest="save", action="store_false", help="keep nothing: no session is stored")
    play.add_argument("--require-saving", action="store_true",
                      help="refuse to play when the session can't be saved (default: play on, and say so)")
    play.add_argument("--resume", action="store_true", help="go on with your latest session that stopped early")
    play.add_argument("--judge", action="store_true",
                      help="add an LLM judge's second opinion to the scorecard (OPENAI_BASE_URL, OPENAI_API_KEY)")
    play.add_argument("--model", help="the model for the live customer and the LLM judge "
                                      "(default: WEBCARE_MODEL, else the config file)")
    play.add_argument("--customer", choices=["auto", "llm", "scripted"], default="auto",
                      help="who writes the customer's lines: a model when an endpoint is configured (auto, the "
                           "default), always a model (llm), or the scenario's script (scripted)")
    play.add_argument("--llm-intents", action="store_true",
                      help="let the model read what you meant (the scenario's patterns stay the fallback)")
    play.add_argument("--from", dest="start", metavar="STATE",
                      help="start part-way: open in this state (its names: `webcare graph SCENARIO`)")
    play.add_argument("--mood", type=int, metavar="N",
                      help="the customer's mood at the start, 0 (livid) to 100 (delighted); default: the scenario's")
    play.add_argument("--facts", metavar="A,B",
                      help="facts the trainee knows from the start, as if found already (comma-separated)")
    play.add_argument("--watch", action="store_true",
                      help="for authors: when the scenario file changes, check it and reload it, replaying "
                           "your moves (full screen only; nothing is saved)")
    play.add_argument("--curriculum", metavar="ID",
                      help="open a curriculum's home screen: your modules, scores and next step (an id or a path; "
                           "`webcare` alone opens the one you are in)")
    add_scenarios(play)
    play.add_argument("--typing-speed", type=float, default=1.0, help=argparse.SUPPRESS)  # 0: she answers at once
    play.add_argument("--tui", action="store_true", help=argparse.SUPPRESS)  # `serve` runs it over pipes
    play.set_defaults(run=run)
