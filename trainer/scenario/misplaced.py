"""Keys in the wrong place: a key one indentation level off, or a key of the format written as a name.

Checked on the file's data before validation, with the models as the map of which keys go where
(`keymap`): a key not allowed where it stands, but allowed in the mapping one level up or in one
just below, is said to go there, with the spaces to move it. In a table of names (states:, facts:)
a key of the entries (`otherwise:` beside the states) lost its indentation, and a key of anything
deeper (`said:`) is a name no entry may have. The keys reported are marked `bad`, so the validation
errors that follow from them (an unknown key, a required one missing) are not repeated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from trainer.scenario.keymap import ANY_NAME, Kind, deep_keys, kind_at
from trainer.scenario.marked import Marked, Path_
from trainer.scenario.problems import Problems, spaces

_ENTRY_WORDS = {"LineWhen": "line", "Lookup": "look-up"}
"""What an entry of a list or table is called, where the model's name does not say it."""
_FIELD_WORDS = {"Customer": "the customer", "Rubric": "the rubric"}
"""What a value under a key is called, where `'key:'` does not say it well."""


def check_placement(marked: Marked, problems: Problems) -> None:
    """Report every key in the wrong place (an error each), before the data is validated."""
    _Placement(marked, problems).visit(marked.data, ())


# ── The walk over the file ──────────────────────────────────────────────────────────────


class _Placement:
    def __init__(self, marked: Marked, problems: Problems) -> None:
        self.marked, self.problems = marked, problems

    def visit(self, value: Any, path: Path_, shape: Path_ = ()) -> None:
        """Check the mapping at `path` and everything in it; `shape` is `path` with names and list
        positions made alike (`ANY_NAME`, 0), so what is known of one state holds for every state."""
        if isinstance(value, list):
            for i, item in enumerate(value):
                self.visit(item, path + (i,), shape + (0,))
            return
        if not isinstance(value, dict) or path in self.marked.bad or self.problems.full:
            return
        kind = kind_at(shape)
        if kind is None:
            return
        if kind.keys is not None:
            self._closed(value, path, kind)
        elif kind.entry_keys:
            self._table(value, path, kind)
        for key, item in value.items():
            if path + (key,) not in self.marked.bad:
                self.visit(item, path + (key,), shape + (key if kind.title else ANY_NAME,))

    def _closed(self, value: dict[str, Any], path: Path_, kind: Kind) -> None:
        """Keys that belong one level up or one level down."""
        assert kind.keys is not None
        if kind.enum_only and not set(value) & kind.keys:
            return  # another form of the value altogether (a line with `say:`): validation says what
        for key in list(value):
            if not isinstance(key, str) or key in kind.keys:
                continue
            up = _up(path)
            if up is not None and self._accepts(up, key):
                self._report(path, key, up, f"'{key}' is a key of {_name(up)}, not of {_name(path)}",
                             f"line it up with the keys of {_name(up, the=True)}")
            else:
                self._moved_down(value, path, key)

    def _table(self, value: dict[str, Any], path: Path_, kind: Kind) -> None:
        """Names that are keys: of an entry (indented too little), of the mapping above, or of something deeper."""
        entry = _word(kind.entry_title)
        deep = deep_keys(kind.entry_title)
        previous: str | None = None
        for key, item in list(value.items()):
            if not isinstance(key, str):
                continue
            if key in kind.entry_keys and not _chosen_freely(item, path + (key,), kind):
                target = path + (previous,) if previous is not None and isinstance(value[previous], dict) else None
                empty = self._empty_last(target, key) if target is not None else None
                if empty is not None:  # `otherwise:` left empty above it: that is where it goes
                    self._into_empty(path, key, empty, f"'{key}' is a key of {_name(empty)}, not {_a(entry)}")
                else:
                    self._report(path, key, target, f"'{key}' is a key of {_a(entry)}, not {_a(entry)}",
                                 f"indent it under the {entry} it belongs to")
            elif self._accepts(path[:-1], key):
                self._report(path, key, path[:-1], f"'{key}' is a key of {_name(path[:-1])}, not {_a(entry)}",
                             f"line it up with the keys of {_name(path[:-1], the=True)}")
            elif key in kind.entry_keys or key in deep:
                owner = _word(deep.get(key, kind.entry_title))
                self._report(path, key, None, f"'{key}' is a key of {_a(owner)}, so it cannot be the name of "
                             f"{_a(entry)}", "choose another name")
            previous = key

    def _moved_down(self, value: dict[str, Any], path: Path_, key: str) -> None:
        """`key` belongs to a mapping just below: the one above it if it may have it, else any that may."""
        keys = list(value)
        before = keys[keys.index(key) - 1] if keys.index(key) else None
        if before is not None and value[before] is None and self._may_have(path + (before,), key):
            self._into_empty(path, key, path + (before,), f"'{key}' is a key of {_name(path + (before,))}, "
                             f"not of {_name(path)}")
            return
        candidates = [c for c in self._below(value, path) if self._accepts(c, key)]
        if not candidates:
            return
        nearest = [c for c in candidates if c[len(path)] == before]
        if nearest:
            candidates = nearest[-1:]
        names = list(dict.fromkeys(_name(c) for c in candidates))
        target = candidates[-1] if len(names) == 1 else None
        where = _name(target, the=True, belongs=True) if target is not None else "the one it belongs to"
        self._report(path, key, target, f"'{key}' is a key of {' or of '.join(names)}, not of {_name(path)}",
                     f"indent it under {where}")

    def _below(self, value: dict[str, Any], path: Path_) -> Iterator[Path_]:
        for key, item in value.items():
            if isinstance(item, dict):
                yield path + (key,)
            elif isinstance(item, list):
                yield from (path + (key, i) for i, x in enumerate(item) if isinstance(x, dict))

    def _empty_last(self, path: Path_, key: str) -> Path_ | None:
        """The last key of the mapping at `path`, when it was left empty and may have `key`."""
        data = _get(self.marked.data, path)
        last = list(data)[-1] if isinstance(data, dict) and data else None
        if last is not None and data[last] is None and self._may_have(path + (last,), key):
            return path + (last,)
        return None

    def _may_have(self, path: Path_, key: str) -> bool:
        kind = kind_at(path)
        return bool(kind and kind.keys is not None and not kind.enum_only and key in kind.keys)

    def _into_empty(self, path: Path_, key: str, empty: Path_, message: str) -> None:
        """`key` goes under a key left empty just above it (`otherwise:` with nothing under it)."""
        column = self.marked.key_mark(empty)[1] + 2
        self._report(path, key, empty, message, f"indent it under {_name(empty, the=True)}", column=column)
        self.marked.bad.add(empty)  # that it is empty follows from this

    def _accepts(self, path: Path_, key: str) -> bool:
        """Whether the mapping at `path` may have `key` and has not got it yet."""
        data = _get(self.marked.data, path)
        kind = kind_at(path) if isinstance(data, dict) else None
        return bool(kind and kind.keys is not None and key in kind.keys and key not in data)

    def _report(self, path: Path_, key: str, target: Path_ | None, message: str, hint: str,
                column: int | None = None) -> None:
        """Add the problem at the key, with how far to move it (to `column`, or in line with the keys of
        `target`); mark the key as dealt with."""
        at = self.marked.key_mark(path + (key,))
        if column is None and target is not None:
            column = _key_column(self.marked, target)
        if column is not None and column != at[1]:
            far = spaces(abs(column - at[1]))
            hint += f" ({far.replace(' ', ' more ', 1)})" if column > at[1] else f": {far} to the left"
        self.problems.add(*at, message, hint)
        self.marked.bad.add(path + (key,))
        if target is not None:
            self.marked.misplaced.add(target + (key,))


def _up(path: Path_) -> Path_ | None:
    """The mapping one indentation level up (a list's items are at the level of its key)."""
    if not path:
        return None
    return path[:-2] if isinstance(path[-1], int) else path[:-1]


def _get(data: Any, path: Path_) -> Any:
    for item in path:
        try:
            data = data[item]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _key_column(marked: Marked, path: Path_) -> int | None:
    """The column the keys of the mapping at `path` start in."""
    data = _get(marked.data, path)
    columns = [marked.keys[path + (k,)][1] for k in (data or {}) if path + (k,) in marked.keys]
    return min(columns) if columns else None


def _chosen_freely(item: Any, path: Path_, kind: Kind) -> bool:
    """A table entry named like a key of entries, but holding an entry: a name, not a lost indentation."""
    if not isinstance(item, dict) or not item or not set(item) <= kind.entry_keys:
        return False
    own = kind_at(path[:-1] + (ANY_NAME, path[-1]))
    return not (own and own.keys is not None and set(item) <= own.keys)


def _word(title: str) -> str:
    """`LineWhen` → line, `Lookup` → look-up, `State` → state."""
    return _ENTRY_WORDS.get(title) or re.sub(r"(?<!^)([A-Z])", r" \1", title).lower()


def _a(word: str) -> str:
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _name(path: Path_, *, the: bool = False, belongs: bool = False) -> str:
    """The mapping at `path` in words: `a step`, `the customer`, `'lines:'`, `the top level`; with `the`,
    one in particular (`the step`, `'customer:'`), and with `belongs` the one it belongs to."""
    if not path:
        return "the top level"
    kind = kind_at(path)
    word = _word(kind.title if kind else "")
    if isinstance(path[-1], int) or _is_table(path[:-1]):
        return f"the {word}{' it belongs to' if belongs else ''}" if the else _a(word)
    field = _FIELD_WORDS.get(kind.title if kind else "")
    return field if field and not the else f"'{path[-1]}:'"


def _is_table(path: Path_) -> bool:
    kind = kind_at(path)
    return bool(kind and kind.keys is None and kind.entry_keys)
