"""Keys and pastes from the terminal, read in the order they were sent.

Textual's reader (8.x) mistakes two things a trainee does for escape sequences:

- an escape character *inside* a bracketed paste (a paste of coloured text, `abc \\x1b[31mRED def`) starts a
  sequence that is never closed, so its characters come out as keys *before* the paste: `^[31mRED defabc`;
- Escape pressed straight before a control key and another Escape (Enter, Esc, Ctrl+B, Esc sent in one
  burst) is read as a broken sequence and comes out as a stray `^`.

`GuardedParser` reads the bytes before Textual's parser does: inside a paste an escape character is written
out (`\\x1b`, as `shown` writes it: a paste is text, never keys); outside one, an escape followed at once by a
control key is sent as the Escape key's own unambiguous code. `guard_input` puts it in place of the reader
the terminal and browser drivers use; it must run before the app starts reading.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

from trainer.terminal import shown

ESC = "\x1b"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
ESCAPE_KEY = "\x1b[27u"
"""The Escape key in the keyboard protocol Textual reads (CSI 27 u): never the start of anything else."""


def guard_input() -> None:
    """Have the terminal and browser drivers read keys through `GuardedParser` (idempotent)."""
    from textual.drivers import linux_driver

    modules = [linux_driver]
    try:
        from textual.drivers import web_driver
    except ImportError:  # pragma: no cover - a Textual without the browser driver
        pass
    else:
        modules.append(web_driver)
    for module in modules:
        if getattr(module, "XTermParser", None) not in (XTermParser, GuardedParser):
            raise RuntimeError(f"{module.__name__} no longer reads keys with XTermParser: review input_guard")
        module.XTermParser = GuardedParser  # type: ignore[attr-defined]


class GuardedParser(XTermParser):
    """Textual's reader, given the bytes with pasted escapes written out and Escape-then-control made plain."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._tail = ""
        """The last characters passed on outside a paste: a paste's start may come in two reads."""
        self._held = ""
        """The start of what may be a paste's end, cut off at the end of a read: held for the next one."""

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input: pass on what was held, then the end
            held, self._held = self._held, ""
            if held:
                yield from super().feed(held)
            yield from super().feed("")
            return
        guarded = self.guard(data)
        if guarded:
            yield from super().feed(guarded)

    def guard(self, data: str) -> str:
        """`data` as Textual's parser should see it (a piece may be held until the next read)."""
        text, self._held = self._held + data, ""
        out: list[str] = []
        i = 0
        while i < len(text):
            if self._pasting:
                i = self._pasted(text, i, out)
                continue
            char = text[i]
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if char == ESC and nxt and nxt < " " and nxt != ESC:
                out.append(ESCAPE_KEY)  # Escape, then a control key: not one broken sequence
            else:
                out.append(char)
            self._tail = (self._tail + char)[-len(PASTE_START):]
            self._pasting = self._tail == PASTE_START
            i += 1
        return "".join(out)

    def _pasted(self, text: str, i: int, out: list[str]) -> int:
        """One step inside a paste: its end, its text, or the start of its end held back; the next index."""
        if text.startswith(PASTE_END, i):
            out.append(PASTE_END)
            self._pasting, self._tail = False, ""
            return i + len(PASTE_END)
        if text[i] == ESC and PASTE_END.startswith(text[i:]):
            self._held = text[i:]  # perhaps the end, cut off by the read: decide with the next one
            return len(text)
        out.append(shown(ESC) if text[i] == ESC else text[i])
        return i + 1
