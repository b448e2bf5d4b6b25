"""Where her next line appears: "is typing…", then the words as they are produced."""

from __future__ import annotations

from textual.widgets import Static


class LiveLine(Static):
    """Holds the one message being written; the transcript gets it whole when it is done."""

    DEFAULT_CSS = """
    LiveLine { height: auto; max-height: 8; padding: 0 1; color: $text-muted; }
    LiveLine.-empty { display: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self._text = ""
        self.add_class("-empty")

    def typing(self, label: str) -> None:
        self._text = ""
        self.remove_class("-empty")
        self.update(f"[i]{label}[/i]")

    def append(self, chunk: str) -> None:
        self._text += chunk
        self.update(self._text)

    def clear(self) -> None:
        self._text = ""
        self.update("")
        self.add_class("-empty")
