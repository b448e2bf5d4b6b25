"""An organisation's own scenarios and curricula: the folders named by `--scenarios`, WEBCARE_SCENARIOS, and the
`scenarios` folder in the user's data folder, read beside the built-in library."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ENV = "WEBCARE_SCENARIOS"
"""Folders of one's own scenarios and curricula, separated as PATH is (`:`, or `;` on Windows)."""

_CAMPAIGN_KEY = re.compile(rb"^(modules|badges)\s*:", re.MULTILINE)
"""A curriculum or badge file's top-level key: such files sit beside one's scenarios but are not scenarios."""


def user_folder() -> Path:
    """The `scenarios` folder in the user's data folder (where `webcare` keeps its sessions, too)."""
    from platformdirs import user_data_path

    return user_data_path("webcare", appauthor=False) / "scenarios"


def listed_folders() -> list[Path]:
    """The folders WEBCARE_SCENARIOS names (`--scenarios` puts its folders first), in order, without repeats."""
    out: list[Path] = []
    for part in os.environ.get(ENV, "").split(os.pathsep):
        folder = Path(part.strip()).expanduser()
        if part.strip() and folder not in out:
            out.append(folder)
    return out


def own_folders() -> list[Path]:
    """Every folder of one's own that exists: the listed ones, then the user's data folder's."""
    out: list[Path] = []
    for folder in [*listed_folders(), user_folder()]:
        if folder.is_dir() and all(folder.resolve() != seen.resolve() for seen in out):
            out.append(folder)
    return out


def missing_folders() -> list[Path]:
    """Folders WEBCARE_SCENARIOS (or `--scenarios`) names that are not there: a typo, said rather than ignored."""
    return [folder for folder in listed_folders() if not folder.is_dir()]


def is_campaign(path: Path) -> bool:
    """A curriculum or badge file (top-level `modules:` or `badges:`) among one's scenarios."""
    try:
        with path.open("rb") as file:
            return bool(_CAMPAIGN_KEY.search(file.read(1 << 20)))
    except OSError:
        return False


@contextmanager
def added(folders: Sequence[Path]) -> Iterator[None]:
    """WEBCARE_SCENARIOS with `folders` first, while a command runs: what it reads, and the game processes
    `serve` starts, see them; as it was afterwards."""
    if not folders:
        yield
        return
    before = os.environ.get(ENV)
    os.environ[ENV] = os.pathsep.join([*(str(Path(f).resolve()) for f in folders), *([before] if before else [])])
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
