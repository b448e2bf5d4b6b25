"""`webcare docs TOPIC`: the documentation the installed game carries (in the wheel, or beside the sources)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
"""The `trainer` package: the wheel puts the docs in `trainer/_docs` (pyproject.toml), a checkout has `docs/`."""


def add_parser(sub) -> None:
    docs = sub.add_parser("docs", help="show the documentation: the scenario format, authoring, curricula, …",
                          description="Print a page of the documentation that came with the game. Without a "
                                      "topic: the topics.")
    docs.add_argument("topic", nargs="?", help="e.g. scenario-format, authoring or curricula")
    docs.add_argument("--path", action="store_true", help="print where the page is, not the page")
    docs.set_defaults(run=run)


def docs_dir(package: Path = PACKAGE) -> Path:
    """The documentation shipped with the game (inside the wheel), or a checkout's `docs/`."""
    shipped = package / "_docs"
    return shipped if shipped.is_dir() else package.parent / "docs"


def topics(folder: Path | None = None) -> dict[str, Path]:
    """Topic → page: every Markdown page in the docs folder, by its name."""
    folder = folder or docs_dir()
    return {page.stem: page for page in sorted(folder.glob("*.md"))} if folder.is_dir() else {}


def heading(page: Path) -> str:
    """A page's first heading, to say what a topic is about."""
    for line in page.read_text("utf-8", "replace").splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


def run(args: argparse.Namespace) -> int:
    from trainer.errors import TrainerError
    from trainer.terminal import shown

    pages = topics()
    if not pages:
        raise TrainerError("this copy of the game has no documentation with it; reinstall it, "
                           "or read it where the game came from")
    if not args.topic:
        width = max(len(name) for name in pages)
        for name, path in pages.items():
            print(shown(f"{name:<{width}}  {heading(path)}"))
        print("\nShow one: webcare docs TOPIC")
        return 0
    name = Path(args.topic).stem if args.topic.endswith(".md") else args.topic
    page = pages.get(name.lower())
    if page is None:
        import difflib

        close = difflib.get_close_matches(name.lower(), list(pages), n=1, cutoff=0.5)
        hint = f"did you mean `webcare docs {close[0]}`? " if close else ""
        raise TrainerError(f"no documentation called {args.topic!r}; {hint}The topics: {', '.join(pages)}")
    if args.path:
        print(shown(str(page)))
        return 0
    # A page is a file, and files are data: its control characters are shown, never obeyed by the terminal.
    sys.stdout.write(shown(page.read_text("utf-8", "replace")))
    return 0
