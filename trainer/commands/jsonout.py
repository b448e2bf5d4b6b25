"""`--format json` for scripts: one object per command, `{"format": "webcare-KIND", "version": 1, …}`.

The shapes are documented in docs/json-output.md (`webcare docs json-output`); fields are only ever added.
Text from files, the store or an endpoint is a JSON string: `json.dumps` escapes the C0 controls and
`shown_json` DEL, C1 and the bidi marks, so nothing in it is obeyed by a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

VERSION = 1
"""The version of every shape; raised only if a field ever had to change meaning (none has)."""


def add_format(parser: argparse.ArgumentParser, what: str) -> None:
    """`--format text|json` on a command; `what` says what the JSON holds."""
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help=f"text for people (the default) or json for scripts: {what} "
                             "(the shape: `webcare docs json-output`)")


def wants_json(args: argparse.Namespace) -> bool:
    return getattr(args, "format", "text") == "json"


def document(kind: str, **items: Any) -> dict[str, Any]:
    """The object a command prints: its kind and version first, then its items."""
    return {"format": f"webcare-{kind}", "version": VERSION, **items}


def dumps(kind: str, **items: Any) -> str:
    """The command's object as JSON text, safe to show on a terminal (the same data as `json.dumps` gives)."""
    from trainer.terminal import shown_json

    return shown_json(json.dumps(document(kind, **items), ensure_ascii=False, indent=2))


def write_json(kind: str, **items: Any) -> None:
    """Print the command's object on standard output."""
    sys.stdout.write(dumps(kind, **items) + "\n")


def problem_item(problem: Any) -> dict[str, Any]:
    """A problem in a file (`trainer.scenario.problems.Problem`) as JSON: where, how bad, what, what to do."""
    return {"file": str(problem.path), "line": problem.line, "column": problem.column,
            "severity": problem.severity, "message": problem.message, "hint": problem.hint}
