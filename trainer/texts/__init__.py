"""Every word the trainer says, from one catalogue per language: `en.json` and `nl.json` beside this module.

A key is `<part>.<what>` (`chat.wait_for_her`, `plain.resumed`, `score.tone.title`, `engine.move.unknown`);
its value is a `str.format` template, or a plural `{"one": …, "other": …}` whose form the count value
picks — `n`, or the value its `"count"` names. A test keeps the languages in step (every key, every
placeholder, both plural forms). The engine, scoring, the campaign, plain play and the UI all read
texts here, so this module imports nothing of the trainer and nothing heavy: a language's file is read
on its first use and kept (JSON, not TOML: it reads in a tenth of the time; figures in the commit).
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "nl")

Entry = str | dict[str, str]

_HERE = os.path.dirname(__file__)
_CATALOGUES: dict[str, dict[str, Entry]] = {}


def catalogue(language: str | None) -> dict[str, Entry]:
    """All texts of `language`, read once; English for a language without a catalogue."""
    language = language if language in LANGUAGES else "en"
    found = _CATALOGUES.get(language)
    if found is None:
        import json

        with open(os.path.join(_HERE, f"{language}.json"), encoding="utf-8") as file:
            found = _CATALOGUES[language] = json.load(file)
    return found


def tr(language: str | None, key: str, **values: object) -> str:
    """The text `key` in `language` with its `{placeholders}` filled in from `values`.

    English when the language has no catalogue; the key itself when no catalogue has it.
    """
    entry = catalogue(language).get(key)
    if entry is None:
        entry = catalogue("en").get(key, key)
    if not isinstance(entry, str):
        entry = plural(entry, values)
    return entry.format(**values) if values else entry


def plural(entry: dict[str, str], values: dict[str, object]) -> str:
    """The `one` form when the count value is 1, else `other` (English and Dutch count alike)."""
    return entry["one"] if values[entry.get("count", "n")] == 1 else entry["other"]


def known(key: str) -> bool:
    """Whether `key` is in the catalogue (for texts keyed by data, such as an outcome's kind)."""
    return key in catalogue("en")


def grouped(language: str | None, n: int) -> str:
    """3800 → `3,800` in English, `3.800` in Dutch."""
    digits = f"{n:,}"
    return digits.replace(",", ".") if language == "nl" else digits
