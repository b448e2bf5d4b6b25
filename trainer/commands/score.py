"""`webcare score`: score saved sessions and real transcripts outside the game, one or a batch."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Self

from scoring.batch.limits import MAX_MESSAGES
from trainer.commands.arguments import add_scenarios, positive
from trainer.texts import tr

if TYPE_CHECKING:
    from scoring.batch.conversation import ReadError

FORMATS_HELP = """\
Files may be:
  a session    .json as written by `webcare play --session-json` or `webcare export`
               (also a JSON list of sessions, or .jsonl with one session per line)
  a transcript .txt with `Customer:` / `Agent:` lines (or `Klant:` / `Medewerker:`),
               optionally timed `[12:03] Agent: …`; unlabelled lines continue the message above
  a CSV        with a header naming `role` and `text` columns; optional `conversation`
               (several conversations in one file) and `timestamp` columns

Sessions are scored against the scenario they were played on. Transcripts are replayed
through --scenario when given (agent lines like `/lookup booking` count as moves), else
scored on the generic rubric, where criteria that need a case's facts are not applicable.

A file may hold any number of conversations; it is read one conversation at a time. One
conversation may have up to 2,000 messages (--max-messages raises that)."""


def add_parser(sub) -> None:
    score = sub.add_parser(
        "score", help="score saved sessions and real transcripts (JSON, text, CSV) outside the game",
        description="Score finished sessions and imported transcripts on the three trades.",
        epilog=FORMATS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    score.add_argument("files", nargs="+", type=Path, metavar="FILE",
                       help="saved sessions (.json, .jsonl), text transcripts or CSV files")
    score.add_argument("--scenario", metavar="ID|PATH",
                       help="replay transcripts through this scenario (default: the generic rubric)")
    score.add_argument("--channel", choices=["chat", "twitter", "dm", "email", "whatsapp", "sms"], default="chat",
                       help="generic rubric: the channel, for how fast a reply should be (default chat)")
    score.add_argument("--lang", choices=["en", "nl"],
                       help="generic rubric: the conversation's language (default: guessed per conversation)")
    score.add_argument("--customer-name", metavar="NAME",
                       help="generic rubric: the customer's name, so using it counts")
    score.add_argument("--format", choices=["table", "json", "csv"], default="table",
                       help="table (default), json (a scorecard per conversation) or csv (a row per conversation)")
    score.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen")
    score.add_argument("--judge", action="store_true",
                       help="add an LLM judge's second opinion to each scorecard (shown with --format json)")
    score.add_argument("--model", help="the LLM judge's model (default: WEBCARE_MODEL, else the config file)")
    score.add_argument("--max-messages", type=positive("a number of messages (1 or more)"), default=MAX_MESSAGES,
                       metavar="N", help=f"the most messages one conversation may have (default {MAX_MESSAGES:,}); "
                                         "scoring time grows faster than a conversation's length")
    add_scenarios(score)  # an id may name a case of one's own (see trainer.cli)
    score.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from scoring.batch.conversation import ReadError
    from scoring.batch.limits import Limits
    from scoring.batch.scorecards import Rubric, score_all
    from trainer.scenario.library import find_scenario

    scenario = find_scenario(args.scenario) if args.scenario else None
    from trainer.llm.config import judge_settings

    settings, problem = judge_settings(args.judge, args.model)
    if problem:
        print(f"webcare: no LLM judge this time: {problem}", file=sys.stderr)
    from trainer.play.transcript import transcript_events

    rubric = Rubric(scenario, args.channel, args.lang, args.customer_name, _judge(settings), transcript_events)
    failed_files: set[str] = set()
    files = _read_all(args.files, Limits(args.max_messages), failed_files)
    json_out = _JsonOut(args.output) if args.format == "json" else None  # written as they are scored
    results, scored = [], 0
    with _Progress(sum(len(f) for f in files)) as step:
        def changed(path: Path, exc: ReadError) -> None:
            step.tell(str(exc))
            failed_files.add(str(path))

        for conversation, outcome in score_all(_one_at_a_time(files, changed), rubric, find_scenario):
            if isinstance(outcome, ReadError):
                step.tell(str(outcome))
                failed_files.add(conversation.path)
            elif json_out is not None:
                json_out.add(outcome)
                scored += 1
            else:
                results.append(_for_a_row(outcome))
                scored += 1
            step()
    if json_out is not None:
        json_out.close()
    else:
        _write_rows(results, args.format, args.output)
    failed = len(failed_files)
    if failed or args.output:
        where = f", written to {args.output}" if args.output else ""
        print(f"{tr('en', 'count.conversation', n=scored)} scored{where}"
              + (f"; {tr('en', 'count.file', n=failed)} failed" if failed else ""),
              file=sys.stderr)
    return 1 if failed or not scored else 0


def _read_all(paths: list[Path], limits, failed_files: set[str]) -> list:
    """Each file checked to its end first: its problems told before any scoring (and its name kept in
    `failed_files`)."""
    from scoring.batch.conversation import ReadError
    from scoring.batch.readers import read_file
    from trainer.terminal import shown

    files = []
    for path in paths:
        try:
            files.append(read_file(path, limits))
        except ReadError as exc:
            print(shown(str(exc)), file=sys.stderr)
            failed_files.add(str(path))
    return files


def _write_rows(results: list, form: str, output: Path | None) -> None:
    """The results as a table or CSV, to `output` or to the screen."""
    from scoring.batch.results import as_csv, as_table
    from trainer.errors import TrainerError
    from trainer.terminal import shown

    render = {"table": as_table, "csv": as_csv}[form]
    text = render(results) if results or form != "table" else ""
    if output:
        try:
            output.write_text(text, "utf-8")
        except OSError as exc:
            raise TrainerError(f"can't write {output}: {exc.strerror or exc}") from None
    else:  # to the screen: shown, never obeyed (`-o FILE` keeps the text as it is)
        sys.stdout.write(shown(text))
        sys.stdout.flush()


def _judge(settings):
    """The LLM judge's second opinion with these settings (None: no judge)."""
    if settings is None:
        return None
    from functools import partial

    from trainer.judge import judged

    return partial(judged, settings=settings)


def _one_at_a_time(files: Iterable, changed: Callable[[Path, ReadError], None]) -> Iterator:
    """The files' conversations, read as they are scored; a file that changed since it was checked is told
    to `changed` and the rest go on."""
    from scoring.batch.conversation import ReadError

    for conversations in files:
        try:
            yield from conversations
        except ReadError as exc:
            changed(conversations.path, exc)


def _for_a_row(scored):
    """A result as a table or CSV keeps it until the end: the scores, not the messages or the quotes
    (a batch of thousands of conversations then holds one conversation's words at a time)."""
    from dataclasses import replace

    card = scored.scorecard
    trades = {name: replace(trade, criteria=tuple(replace(c, evidence=()) for c in trade.criteria),
                            ceiling=trade.ceiling and replace(trade.ceiling, evidence=()))
              for name, trade in card.trades.items()}
    return replace(scored, conversation=replace(scored.conversation, lines=[], events=None),
                   scorecard=replace(card, trades=trades))


class _JsonOut:
    """`--format json` to the screen or a file, a scorecard at a time; the file is opened before scoring
    starts, so a path that can't be written is told at once."""

    def __init__(self, path: Path | None) -> None:
        from scoring.batch.results import JsonWriter

        self.path = path
        try:
            self.file = path.open("w", encoding="utf-8") if path else _Stdout()
        except OSError as exc:
            raise self._cant(exc) from None
        self.writer = JsonWriter(self.file)

    def _cant(self, exc: OSError) -> Exception:
        from trainer.errors import TrainerError

        if isinstance(exc, BrokenPipeError):  # the reader went away (`| head`): the command line's to tell
            return exc
        return TrainerError(f"can't write {self.path}: {exc.strerror or exc}")

    def add(self, scored) -> None:
        try:
            self.writer.add(scored)
        except OSError as exc:
            raise self._cant(exc) from None

    def close(self) -> None:
        try:
            self.writer.close()
            self.file.close()
        except OSError as exc:
            raise self._cant(exc) from None


class _Stdout:
    """Standard output as it is at each write: above the progress bar while one is shown."""

    def write(self, text: str) -> None:
        from trainer.terminal import shown_json

        sys.stdout.write(shown_json(text))  # JSON on the screen: the same data, no control obeyed

    def close(self) -> None:
        sys.stdout.flush()


def _now() -> float:
    return time.monotonic()


PLAIN_EVERY = 10.0
"""Seconds between progress lines when standard error is not a terminal (a log, a CI job)."""


class _Progress:
    """How far a batch is, on standard error (trainer.commands.progressbar): a bar at once when someone is
    watching; when standard error is a log, a plain line every PLAIN_EVERY seconds once the batch takes that
    long, none after the last conversation. A single conversation shows none."""

    def __init__(self, total: int) -> None:
        from trainer.commands.progressbar import Bar

        self.total, self.done = total, 0
        self.bar = Bar(total, after=0.0, plain_every=PLAIN_EVERY, clock=_now,
                       plain=lambda done, seconds: plain_line(done, total, seconds))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()

    def __call__(self) -> None:
        self.done += 1
        if self.total > 1 and (self.done < self.total or self.bar.tty):  # in a log, no line after the last
            self.bar.update(self.done, "scoring")

    def tell(self, message: str) -> None:
        """A problem, printed above the bar (or plainly when there is none)."""
        self.bar.tell(message)


def plain_line(done: int, total: int, seconds: float) -> str:
    """`scoring: 1,200 of 8,154 conversations (14%), 2 min 30 s so far, about 15 min left`."""
    left = seconds / done * (total - done)
    return (f"scoring: {done:,} of {total:,} conversations ({done * 100 // total}%), {_duration(seconds)} so far, "
            f"about {_duration(left)} left")


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"
