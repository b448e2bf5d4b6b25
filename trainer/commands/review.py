"""`webcare review`, `export`, `import` and `history`: the coach's commands over the session store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from trainer.commands.progressbar import Bar
from trainer.texts import tr

DB_HELP = "the session database: a file, or a postgresql:// URL (default: WEBCARE_DATABASE_URL, WEBCARE_DB, " \
          "or the user's data folder)"


def who(variable: str) -> str:
    """Your name on notes and sessions (the variable's, else the account's); light to import here."""
    from trainer.store.location import person

    return person(variable)


def add_parser(sub) -> None:
    review = sub.add_parser("review", help="coach review: browse, annotate, override, compare and export sessions")
    review.add_argument("--db", help=DB_HELP)
    review.add_argument("--coach", help="your name on notes and overrides (default: WEBCARE_COACH or your account)")
    review.add_argument("--lang", choices=["en", "nl"], default="en", help="interface language (default en)")
    review.add_argument("--curriculum", metavar="ID",
                        help="open the class's progress in this curriculum (also `g` on the sessions list)")
    review.set_defaults(run=_review)

    export = sub.add_parser("export", help="write sessions as JSON, CSV, HTML or Markdown")
    export.add_argument("sessions", nargs="*", metavar="SESSION", help="session ids (default: all that match)")
    export.add_argument("--db", help=DB_HELP)
    export.add_argument("--format", choices=["json", "csv", "html", "markdown"],
                        help="json (importable), csv (a row per session), html or markdown (default: from the -o "
                             "file's suffix, else json)")
    for name in ("trainee", "scenario", "outcome"):
        export.add_argument(f"--{name}", help=f"only sessions with this {name}")
    export.add_argument("--since", metavar="DATE", help="only sessions started on or after DATE (YYYY-MM-DD)")
    export.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="a file (a name with a suffix: export.md); for html/markdown of several sessions, "
                             "a folder otherwise (default: the screen)")
    export.set_defaults(run=_export)

    imp = sub.add_parser("import", help="add sessions exported as JSON (from other machines) to the store")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--db", help=DB_HELP)
    imp.set_defaults(run=_import)


def _review(args: argparse.Namespace) -> int:
    from trainer.store import open_store
    from trainer.ui.review_app import ReviewApp

    if args.curriculum:
        from trainer.campaign.library import find_curriculum

        find_curriculum(args.curriculum)  # a wrong name is told on the terminal, before the screen opens
    store = open_store(args.db)
    try:
        from trainer.llm.config import config_path

        ReviewApp(store, args.coach or who("WEBCARE_COACH"), args.lang, curriculum=args.curriculum,
                  config=config_path()).run()  # [ui]: the theme picked last time
    finally:
        store.close()
    return 0


SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".html": "html", ".htm": "html", ".md": "markdown",
                  ".markdown": "markdown"}
"""The format `-o FILE` asks for by its suffix, when --format doesn't say."""


def _one_file(args: argparse.Namespace) -> bool:
    """`-o` names a file (it has a suffix and is no folder): everything goes in it, in the format its suffix
    says unless --format does. Sets `args.format`."""
    one_file = args.output is not None and bool(args.output.suffix) and not args.output.is_dir()
    args.format = args.format or (SUFFIX_FORMATS.get(args.output.suffix.lower(), "json") if one_file else "json")
    return one_file


def _one_text(store, rows, kind: str) -> str:
    """One session as HTML or Markdown; several as the cohort's HTML page, or Markdown one after the other."""
    from trainer.review.cohort import cohort_html
    from trainer.review.export import html, markdown

    if len(rows) == 1:
        return (html if kind == "html" else markdown)(store.load(rows[0].id))
    if kind == "html":
        return cohort_html(store, rows)
    return "\n\n---\n\n".join(markdown(store.load(row.id)) for row in rows)


def _export(args: argparse.Namespace) -> int:
    from trainer.errors import TrainerError
    from trainer.review.export import cohort_csv, html, markdown
    from trainer.review.filenames import Names, session_stem
    from trainer.review.sessionjson import session_to_dict
    from trainer.store import open_store
    from trainer.terminal import shown, shown_json

    one_file = _one_file(args)
    store = open_store(args.db, read_only=True)  # reads only: works on a read-only folder or mount too
    if args.sessions:
        rows = [store.load(i).row for i in args.sessions]
    else:
        rows = store.sessions(trainee=args.trainee, scenario=args.scenario, outcome=args.outcome,
                              since=args.since, descending=False)
    if not rows:
        print("No sessions match.", file=sys.stderr)
        return 1
    if args.format == "csv":
        text = cohort_csv(rows, store.latest_overrides())
    elif args.format == "json":
        items = []
        with _Exporting(len(rows)) as progress:
            for i, row in enumerate(rows, 1):
                items.append(session_to_dict(store.load(row.id)))
                progress(i)
        text = json.dumps(items if len(items) > 1 or not args.sessions else items[0], ensure_ascii=False,
                          indent=1) + "\n"
    elif len(rows) == 1 or one_file or (args.format == "html" and not args.output):
        text = _one_text(store, rows, args.format)
    else:
        folder = args.output
        if folder is None:
            raise TrainerError(f"{len(rows)} sessions as {args.format}: give a folder with -o")
        render = html if args.format == "html" else markdown
        suffix = "html" if args.format == "html" else "md"
        names = Names()
        path = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with _Exporting(len(rows)) as progress:
                for i, row in enumerate(rows, 1):
                    path = folder / names(session_stem(row), suffix)
                    path.write_text(render(store.load(row.id)), "utf-8")
                    progress(i)
        except OSError as exc:
            raise TrainerError(f"can't write {path}: {exc.strerror or exc}") from None
        print(f"{len(names.taken)} sessions written to {folder}", file=sys.stderr)
        return 0
    if args.output:
        try:
            args.output.write_text(text, "utf-8", newline="")  # as written: CSV lines end in CRLF already
        except OSError as exc:
            raise TrainerError(f"can't write {args.output}: {exc.strerror or exc}") from None
        print(f"{tr('en', 'count.session', n=len(rows))} written to {args.output}", file=sys.stderr)
    else:  # to the screen: shown, never obeyed (`-o FILE` keeps the text as stored)
        sys.stdout.write(shown_json(text) if args.format == "json" else shown(text))
    return 0


class _Exporting(Bar):
    """How far a long export is, on stderr: a bar on a terminal once it takes a second, else a line each 10 s."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        super().__init__(total, stream=stream, after=1.0, plain_every=10.0)

    def __call__(self, n: int) -> None:
        total = self.total or n
        self.update(n, f"exporting: {n:,} of {total:,} sessions ({n * 100 // total}%)")


def _import(args: argparse.Namespace) -> int:
    """Every record checked on its own: a bad one is told as `FILE[:N]: what is wrong`, the rest imported."""
    from trainer.review.sessionjson import SessionFileError, session_from_dict
    from trainer.store import StoreError, open_store
    from trainer.terminal import shown

    store = open_store(args.db)
    added = known = failed = 0
    for path in args.files:
        try:
            items = _read_sessions(path)
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            print(shown(f"{path}: can't be read: {_why(exc)}"), file=sys.stderr)
            failed += 1
            continue
        for where, data in items:
            try:
                if isinstance(data, _Unreadable):
                    raise SessionFileError(f"{where}: {data.why}")
                if store.put(session_from_dict(data, where)):
                    added += 1
                else:
                    known += 1
            except SessionFileError as exc:
                print(shown(str(exc)), file=sys.stderr)
                failed += 1
            except StoreError as exc:  # the record passed every check; the database refused it
                print(f"{where}: not stored: {exc}", file=sys.stderr)
                failed += 1
    print(f"{added} imported, {known} already there" + (f", {failed} failed" if failed else "")
          + f" ({store.location.describe()})")
    return 1 if failed else 0


class _Unreadable:
    """A line of a JSONL file that is not JSON: reported in its place, the other lines still imported."""

    def __init__(self, why: str) -> None:
        self.why = why


def _why(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply to be a session"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte {exc.start}); save it as UTF-8"
    return str(getattr(exc, "strerror", None) or exc)


def _read_sessions(path: Path) -> list[tuple[str, object]]:
    """A session, a list of sessions (`FILE:N`, from 1), or one per line (JSONL, `FILE:LINE`)."""
    text = path.read_text("utf-8-sig")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as first:
        lines = [(number, line) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2 or not _json_object(lines[0][1]):
            raise ValueError(f"not JSON (line {first.lineno}, column {first.colno}: {first.msg})") from None
        out: list[tuple[str, object]] = []
        for number, line in lines:
            try:
                out.append((f"{path}:{number}", json.loads(line)))
            except json.JSONDecodeError as exc:
                out.append((f"{path}:{number}", _Unreadable(f"not JSON (column {exc.colno}: {exc.msg})")))
            except (ValueError, RecursionError) as exc:
                out.append((f"{path}:{number}", _Unreadable(_why(exc))))
        return out
    if isinstance(data, list):
        return [(f"{path}:{i}", item) for i, item in enumerate(data, 1)]
    return [(str(path), data)]


def _json_object(line: str) -> bool:
    """The first line of a JSONL file is a whole JSON object (a broken pretty-printed file is not JSONL)."""
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False

