"""The LLM judge on the scorecard: its rating under each criterion, and one line on how far it agrees."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from scoring.judgement import Judgement, JudgeRating
from trainer.texts import tr
from trainer.ui.colours import GOOD, WARN, content
from trainer.ui.verbatim import verbatim

WAITING = "⚖ …"


def rating_text(rating: JudgeRating, language: str) -> Text:
    """`⚖ judge 2/3 (scorer 3/3) — “your words” — why`: success where it agrees with the scorer, warning where not."""
    style = GOOD if rating.agrees else WARN if rating.agrees is False else "dim"
    # The model's words, as it wrote them.
    return Text.assemble(("⚖ ", style), verbatim(rating.line(language), style))


class JudgeLine(Static):
    """One criterion's rating by the judge: `⚖ …` while it is judging, then its rating, quote and reason."""

    def __init__(self, trade: str, criterion: str, language: str, **kwargs) -> None:
        super().__init__(Text(WAITING, "dim"), **kwargs)
        self.trade = trade
        self.criterion = criterion
        self.language = language

    def show(self, judgement: Judgement) -> None:
        rated = judgement.rating_for(self.trade, self.criterion) if judgement.available else None
        if rated is None:
            self.display = False
            return
        self.update(content(rating_text(rated, self.language)))


class JudgeSummary(Static):
    """`LLM judge: judging…`, then the agreement with the scorer, or why the judge is unavailable."""

    def __init__(self, language: str, **kwargs) -> None:
        super().__init__(verbatim(tr(language, "judge.judging")), **kwargs)
        self.language = language

    def show(self, judgement: Judgement) -> None:
        self.update(content(verbatim(judgement.summary(self.language), "" if judgement.available else WARN)))
