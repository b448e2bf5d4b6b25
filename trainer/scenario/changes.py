"""Noticing that scenario files changed: a cheap fingerprint of their names, sizes, times and inodes (--watch)."""

from __future__ import annotations

from pathlib import Path

from trainer.scenario.library import builtin_dir, scenario_files

Fingerprint = tuple[tuple[str, int, int, int], ...]


def fingerprint(paths: list[Path] | None = None) -> Fingerprint:
    """What changes when a file under `paths` (default: the built-in ones) is saved, added or removed."""
    out = []
    for path in scenario_files(paths or [builtin_dir()]):
        try:
            stat = path.stat()
        except OSError:  # removed meanwhile, or being replaced by an editor's atomic save
            out.append((str(path), -1, -1, -1))
            continue
        out.append((str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino))  # an editor's atomic save: a new inode
    return tuple(out)
