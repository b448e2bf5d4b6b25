"""`webcare score`: score saved sessions and real transcripts outside the game, one or a batch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
scored on the generic rubric, where criteria that need a case's facts are not applicable."""


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
    score.add_argument("--channel", choices=["chat", "twitter", "dm", "email"], default="chat",
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
    score.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from scoring.batch.conversation import ReadError
    from scoring.batch.readers import read_file
    from scoring.batch.results import as_csv, as_json, as_table
    from scoring.batch.scorecards import Rubric, score_all
    from trainer.errors import TrainerError
    from trainer.scenario.library import find_scenario
    from trainer.terminal import shown, shown_json

    scenario = find_scenario(args.scenario) if args.scenario else None
    from trainer.llm.config import judge_settings

    judge, problem = judge_settings(args.judge, args.model)
    if problem:
        print(f"webcare: no LLM judge this time: {problem}", file=sys.stderr)
    rubric = Rubric(scenario, args.channel, args.lang, args.customer_name, judge)
    failed_files: set[str] = set()
    conversations = []
    for path in args.files:
        try:
            conversations += read_file(path)
        except ReadError as exc:
            print(shown(str(exc)), file=sys.stderr)
            failed_files.add(str(path))
    results = []
    with _progress(len(conversations)) as step:
        for conversation, outcome in score_all(conversations, rubric, find_scenario):
            if isinstance(outcome, ReadError):
                step.tell(str(outcome))
                failed_files.add(conversation.path)
            else:
                results.append(outcome)
            step()
    render = {"table": as_table, "json": as_json, "csv": as_csv}[args.format]
    text = render(results) if results or args.format != "table" else ""
    if args.output:
        try:
            args.output.write_text(text, "utf-8")
        except OSError as exc:
            raise TrainerError(f"can't write {args.output}: {exc.strerror or exc}") from None
    else:  # to the screen: shown, never obeyed (`-o FILE` keeps the text as it is)
        sys.stdout.write(shown_json(text) if args.format == "json" else shown(text))
        sys.stdout.flush()
    failed = len(failed_files)
    if failed or args.output:
        where = f", written to {args.output}" if args.output else ""
        print(f"{len(results)} conversation(s) scored{where}" + (f"; {failed} file(s) failed" if failed else ""),
              file=sys.stderr)
    return 1 if failed or not results else 0


class _progress:
    """A progress bar on standard error for batches, when someone is watching; silent otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        if total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("scoring", total=total)

    def __enter__(self) -> _progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def tell(self, message: str) -> None:
        """A problem, printed above the bar (or plainly when there is none)."""
        from trainer.terminal import shown

        message = shown(message)
        if self.bar is not None:
            self.bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr)
