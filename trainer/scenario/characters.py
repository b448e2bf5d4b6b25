"""Bytes and characters: a scenario file is UTF-8 text without control characters or line separators."""

from __future__ import annotations

import re
import unicodedata

from trainer.scenario.problems import Problems

MAX_CHARACTER_PROBLEMS = 10


def decode(raw: bytes, problems: Problems) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(0, 0, "the file is saved as UTF-16 text; scenarios are UTF-8",
                     "save it again with the encoding UTF-8 (in most editors: Save As… → Encoding)", quote=False)
        return None
    if b"\x00" in raw[:8192] and (raw.count(b"\x00") > MAX_CHARACTER_PROBLEMS or not _is_utf8(raw)):
        problems.add(0, 0, "this is not a text file (it contains zero bytes, like images and documents do)",
                     "a scenario is a text file ending in .yaml; check that this is the right file", quote=False)
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    found = 0
    for number, line in enumerate(raw.split(b"\n")):
        try:
            line[start:].decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(line[start : start + exc.start].decode("utf-8", "replace"))
            problems.add(number, column,
                         f"this line is not UTF-8 text (byte 0x{line[start + exc.start]:02X})",
                         "save the file with the encoding UTF-8 (in most editors: Save As… → "
                         "Encoding); it was probably saved as Latin-1 or Windows-1252")
            found += 1
            if found == MAX_CHARACTER_PROBLEMS:
                break
        start = 0
    if not found:
        problems.add(0, 0, "the file is not UTF-8 text", "save the file with the encoding UTF-8")
    return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_characters(text: str, problems: Problems) -> bool:
    """Control characters and Unicode line separators (which PyYAML counts as line breaks)."""
    found = 0
    for match in _FORBIDDEN.finditer(text):
        char = match.group()
        line, column = line_column(text, match.start())
        name = unicodedata.name(char, "")
        label = f"U+{ord(char):04X}" + (f" {name}" if name else " (a control character)")
        if char in "\x85\u2028\u2029":
            hint = ("it is an invisible line separator, often pasted from a web page or a word "
                    "processor; delete it, or press Enter for a real new line")
        else:
            hint = "delete it; is this really a scenario file, or was it damaged?"
        problems.add(line, column, f"the invisible character {label} cannot be in a scenario", hint)
        found += 1
        if found == MAX_CHARACTER_PROBLEMS:
            break
    return not found


def line_column(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    return len(breaks), index - (breaks[-1].end() if breaks else 0)
