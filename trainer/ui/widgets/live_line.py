"""Where the customer's next line appears: "is typing…", then the words as they are produced."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from trainer.ui.verbatim import verbatim


class LiveLine(Static):
    """Holds the one message being written; the transcript gets it whole when it is done."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.text = ""
        """The words so far."""
        self.who = ""
        self.add_class("-empty")

    def typing(self, who: str, label: str) -> None:
        """Show that the customer is typing (nothing of the line yet)."""
        self.text, self.who = "", who
        self.remove_class("-empty")
        self.update(verbatim(label, style="italic"))

    def append(self, chunk: str) -> None:
        """Add the next words of the line as they come in."""
        self.text += chunk
        self.remove_class("-empty")
        self.update(Text.assemble(verbatim(f"{self.who}: ", "bold"), verbatim(self.text), ("▌", "dim")))

    def clear(self) -> None:
        self.text = ""
        self.update("")
        self.add_class("-empty")
