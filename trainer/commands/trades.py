"""`webcare trades`: the trade each turn of a JSON-lines file exercises, added to the line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.texts import tr

DESCRIPTION = """\
Reads JSON lines, one agent turn each: {"text": "...", "context": [...], "language": "en"}.
`context` (optional) lists the turns before it as {"role": "customer"|"agent", "text": "..."};
`language` (optional) is "en" or "nl". Every line is written back with all its fields, in
order, and a `trade` field added: facilitator, detective, plumber or other."""

EPILOG = """\
Bad lines (not JSON, not an object, no `text`, a `text` that is not a string, a bad `context`
or `language`) are reported on standard error as FILE:LINE and left out of the output; the
other lines are still written and the exit code is 1. With --strict the first bad line stops
the command (exit code 1) and nothing is written to -o FILE. Blank lines are skipped.

Language: --lang for every line; without it, a line's own `language` field, else a guess
from its words."""


def add_parser(sub) -> None:
    trades = sub.add_parser(
        "trades", help="label each turn of a JSON-lines file with the trade it exercises",
        description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    trades.add_argument("file", metavar="FILE", help="a .jsonl file of turns, or - for standard input")
    trades.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    trades.add_argument("--lang", choices=["en", "nl"],
                        help="the language of every line (default: each line's `language`, else guessed)")
    trades.add_argument("--scores", action="store_true",
                        help="also add `trade_scores`: how likely each trade is (they sum to 1)")
    trades.add_argument("--strict", action="store_true", help="stop at the first bad line instead of skipping it")
    trades.add_argument("--summary", action="store_true",
                        help="print the count per trade on standard error (always, when that is a terminal)")
    trades.set_defaults(run=run)


class BadLine(Exception):
    """A line that can't be labelled; the message says why."""


def run(args: argparse.Namespace) -> int:
    import json
    from collections import Counter

    from scoring.detector import LABELS, detect, scores
    from trainer.errors import TrainerError

    name = "<stdin>" if args.file == "-" else args.file
    source = _open_input(args.file)
    out, finish = _open_output(args.output)
    counts: Counter = Counter()
    bad = 0
    ok = False
    try:
        with source as stream:
            for number, raw in enumerate(stream, 1):
                if not raw.strip():
                    continue
                try:
                    line, text, language, context = _read_line(raw, args.lang)
                except BadLine as exc:
                    bad += 1
                    where = f"{name}:{number}"
                    if args.strict:
                        raise TrainerError(f"{where}: {exc} (stopped: --strict)") from None
                    print(f"webcare trades: {where}: {exc}; line skipped", file=sys.stderr)
                    continue
                if args.scores:
                    found = scores(text, language, context)
                    trade = max(LABELS, key=found.__getitem__)
                    line["trade"] = trade
                    line["trade_scores"] = {k: round(v, 3) for k, v in found.items()}
                else:
                    trade = detect(text, language, context)
                    line["trade"] = trade
                counts[trade] += 1
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        ok = True
    finally:
        finish(ok)
    if args.summary or sys.stderr.isatty():
        total = sum(counts.values())
        parts = ", ".join(f"{label} {counts[label]}" for label in LABELS)
        skipped = f"; {tr('en', 'count.bad_line', n=bad)} skipped" if bad else ""
        print(f"{tr('en', 'count.turn', n=total)}: {parts}{skipped}", file=sys.stderr)
    return 1 if bad else 0


def _read_line(raw: bytes, forced: str | None):
    """The line's object, its text, language and context; BadLine when it doesn't hold a turn."""
    import json

    from scoring.detector import guess_language

    try:
        line = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadLine("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise BadLine(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(line, dict):
        raise BadLine(f"not a JSON object but {_kind(line)}")
    if "text" not in line:
        raise BadLine("no `text` field")
    text = line["text"]
    if not isinstance(text, str):
        raise BadLine(f"`text` is {_kind(text)}, not a string")
    context = line.get("context")
    if context is not None:
        _check_context(context)
    language = forced or line.get("language")
    if language is None:
        language = guess_language(text)
    elif language not in ("en", "nl"):
        raise BadLine(f"`language` is {language!r}; use \"en\" or \"nl\"")
    return line, text, language, context


def _check_context(context) -> None:
    if not isinstance(context, list):
        raise BadLine(f"`context` is {_kind(context)}, not a list of turns")
    for i, turn in enumerate(context, 1):
        if not isinstance(turn, dict):
            raise BadLine(f"`context` turn {i} is {_kind(turn)}, not an object with `role` and `text`")
        if turn.get("role") not in ("customer", "agent"):
            raise BadLine(f"`context` turn {i} has role {turn.get('role')!r}; use \"customer\" or \"agent\"")
        if not isinstance(turn.get("text"), str):
            raise BadLine(f"`context` turn {i} has no `text` string")


def _kind(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _open_input(file: str):
    from trainer.errors import TrainerError

    if file == "-":
        return _Borrowed(sys.stdin.buffer)
    path = Path(file)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise TrainerError(f"no such file: {file}") from None
    except IsADirectoryError:
        raise TrainerError(f"{file} is a folder; give a .jsonl file") from None
    except OSError as exc:
        raise TrainerError(f"can't read {file}: {exc.strerror or exc}") from None


def _open_output(path: Path | None):
    """Where lines go, and how to finish: to -o FILE through a temporary file, kept only on success."""
    if path is None:
        def flush(ok: bool) -> None:
            sys.stdout.flush()
        return sys.stdout, flush
    import os
    import tempfile

    from trainer.errors import TrainerError

    folder = path.resolve().parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise TrainerError(f"can't write {path}: {exc.strerror or exc}") from None
    out = os.fdopen(handle, "w", encoding="utf-8")

    def finish(ok: bool) -> None:
        out.close()
        if ok:
            os.replace(temporary, path)
        else:
            os.unlink(temporary)
    return out, finish


class _Borrowed:
    """Standard input in a `with`, left open afterwards."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def __enter__(self):
        return self.stream

    def __exit__(self, *exc) -> None:
        pass
