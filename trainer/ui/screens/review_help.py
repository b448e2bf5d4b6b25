"""Help in the coach's app: what each review screen is for and its keys, in the coach's language, over any screen."""

from __future__ import annotations

from pathlib import Path

from trainer.ui.screens.help import HelpScreen, keys_section

HERE = Path(__file__).parent


def review_help_text(language: str) -> str:
    """The fixed part: the review's screens and what a coach does there, from `review_help_<language>.md`."""
    path = HERE / f"review_help_{language}.md"
    if not path.exists():
        path = HERE / "review_help_en.md"
    return path.read_text("utf-8")


class ReviewHelpScreen(HelpScreen):
    """The game's help screen, with the coach's text instead of the trainee's moves and trades."""

    def text(self) -> str:
        parts = [review_help_text(self.language)]
        below = self.opened_over()
        if below is not None:
            parts.append(keys_section(below, self.language))
        return "\n".join(p for p in parts if p)
