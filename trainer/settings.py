"""The interface's own settings (theme, language, trainee name), kept in the `[ui]` table of the config file.

The config file is the one the LLM settings live in (`trainer.llm.config.config_path`):

    [ui]
    theme = "gruvbox"      # any theme of Textual's theme picker (Ctrl+P, "theme")
    language = "nl"        # en or nl; `--lang` wins
    name = "Anna"          # whose sessions these are; `--name` wins

It is read with `tomllib` at start-up (quick, in the standard library) and written with `tomlkit`, which keeps
the user's comments, layout and other tables as they were. A file that can't be read is said in one line and
the game plays on with the defaults; it is then never written over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "nl")
TABLE = "ui"


class SettingsProblem(Exception):
    """The `[ui]` settings can't be read or saved; the message is one line for the trainee."""


@dataclass(frozen=True)
class UiSettings:
    theme: str | None = None
    """The Textual theme picked last (None: Textual's default)."""
    language: str | None = None
    """The interface language switched to last (None: each scenario's own)."""
    name: str | None = None
    """The trainee's name given last with `--name` (None: WEBCARE_TRAINEE or the account's)."""


def read_settings(path: Path) -> UiSettings:
    """The `[ui]` table of `path`; empty when there is no file. Raises SettingsProblem (one line) for a bad one."""
    import tomllib  # when a config file is given (the command line's `play`): the LLM settings read it too

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return UiSettings()
    except OSError as exc:
        raise SettingsProblem(f"{path}: can't be read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsProblem(f"{path}: not valid TOML: {exc}") from None
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        raise SettingsProblem(f"{path}: `{TABLE}` should be a table: a line [{TABLE}] with the settings under it")
    return _checked(table, path)


def _checked(table: dict[str, Any], path: Path) -> UiSettings:
    known = {f.name for f in fields(UiSettings)}
    for key, value in table.items():
        if key not in known:
            raise SettingsProblem(f"{path}: [{TABLE}] has no setting `{key}` (there are {', '.join(sorted(known))})")
        if not isinstance(value, str) or not value.strip():
            raise SettingsProblem(f"{path}: [{TABLE}] `{key}` should be text in quotes")
    language = table.get("language")
    if language is not None and language not in LANGUAGES:
        raise SettingsProblem(f"{path}: [{TABLE}] `language` should be one of {', '.join(LANGUAGES)}, not {language!r}")
    return UiSettings(**{k: v.strip() for k, v in table.items()})


def save_settings(path: Path, **changes: str) -> None:
    """Set these `[ui]` settings in `path` (made if missing), keeping everything else in it as written.

    Raises SettingsProblem when the file can't be read as TOML or written."""
    import tomlkit  # only when a setting changes: not a cost of the start-up
    from tomlkit.exceptions import TOMLKitError

    try:
        text = path.read_text("utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
    except OSError as exc:
        raise SettingsProblem(f"{path}: can't be read ({exc.strerror or exc})") from None
    except (TOMLKitError, UnicodeDecodeError) as exc:
        raise SettingsProblem(f"{path}: not valid TOML, so not written over: {exc}") from None
    table = document.get(TABLE)
    if table is None:
        table = tomlkit.table()
        document[TABLE] = table
    elif not isinstance(table, dict):
        raise SettingsProblem(f"{path}: `{TABLE}` should be a table, so it is not written over")
    for key, value in changes.items():
        table[key] = value
    _write(path, tomlkit.dumps(document))


def _write(path: Path, text: str) -> None:
    """Whole or not at all: a crash mid-write leaves the old file, not half a new one."""
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, "utf-8")
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise SettingsProblem(f"{path}: can't be written ({exc.strerror or exc})") from None


def with_settings(settings: UiSettings, language: str | None, name: str | None) -> UiSettings:
    """What this run uses: the command line's language and name where given (flags win), the saved ones else."""
    return replace(settings, language=language or settings.language, name=name or settings.name)
