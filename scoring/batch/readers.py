"""Any file given to `webcare score`: read as a session (JSON), a CSV or a plain-text transcript."""

from __future__ import annotations

import re
from pathlib import Path

from scoring.batch.conversation import Conversation, ReadError, at
from scoring.batch.csvfile import read_csv
from scoring.batch.plaintext import read_text
from scoring.batch.sessionfile import read_sessions

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv", ".tsv")
_LOOKS_JSON = re.compile(r"\s*(\{|\[\s*[{\]])")
"""An object, or a list of objects: `[12:03] Customer:` is a timed transcript line, not JSON."""
FORMATS = "a session (.json), a CSV with role and text columns, or text with Customer: / Agent: lines"


def read_file(path: Path) -> list[Conversation]:
    """The conversations in a file; `ReadError` says what is wrong with it and what to do."""
    name = str(path)
    if path.is_dir():
        raise ReadError([f"{name}: is a folder; give the files in it, e.g. {path / '*.txt'}"])
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError([f"{name}: no such file"]) from None
    except OSError as exc:
        raise ReadError([f"{name}: can't be read ({exc.strerror or exc})"]) from None
    text = decode(name, data)
    if not text.strip():
        raise ReadError([f"{name}: the file is empty; give {FORMATS}"])
    suffix = path.suffix.casefold()
    if suffix in JSON_SUFFIXES or (suffix not in CSV_SUFFIXES and _LOOKS_JSON.match(text)):
        return read_sessions(name, text)
    if suffix in CSV_SUFFIXES:
        return read_csv(name, text)
    return read_text(name, text)


def decode(name: str, data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); binary files and other encodings are refused."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadError([f"{name}: UTF-16 text; save the file as UTF-8 (in Excel: CSV UTF-8) and try again"])
    if b"\0" in data[:8192]:
        raise ReadError([f"{name}: a binary file, not a transcript; give {FORMATS}"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError([f"{at(name, line)}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as "
                         "UTF-8 (in Excel: CSV UTF-8) and try again"]) from None
