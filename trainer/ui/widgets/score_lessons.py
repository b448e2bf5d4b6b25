"""Feedback that teaches, on the scorecard: the one or two lessons that would gain most, and what a module's
attempt changed (a test passed, modules unlocked, badges earned)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from trainer.terminal import shown
from trainer.texts import tr
from trainer.ui.colours import BAD, GOOD, WARN, content
from trainer.ui.widgets.score_bar import trade_name

if TYPE_CHECKING:
    from trainer.campaign.attempts import News
    from trainer.campaign.feedback import Lesson

AGAIN_KEYS = ("a", "A")
"""The key that tries again from each lesson's turn: the first lesson's is one plain key."""


def lesson_text(number: int, lesson: Lesson, turn: int | None, language: str) -> Text:
    """The criterion, the turn where it went wrong with your words, the tip, the model answer, the key."""
    out = Text.assemble((f"{number}. ", "bold"), (trade_name(lesson.trade, language), "bold"), " · ",
                        (shown(lesson.title), "bold"))
    if lesson.turn is not None:
        where = tr(language, "lesson.turn", n=lesson.turn)
        out.append("\n   ")
        out.append(where, style=f"bold {BAD}")
        if lesson.quote:
            out.append(f"  “{shown(lesson.quote)}”", style=BAD)
    if lesson.tip:
        out.append("\n   ")
        out.append(shown(lesson.tip), style="italic")
    if lesson.model_answer:
        out.append("\n   ")
        out.append(tr(language, "lesson.model_answer"), style=f"bold {GOOD}")
        out.append(f"  “{shown(lesson.model_answer)}”", style=GOOD)
    if turn is not None and number <= len(AGAIN_KEYS):
        out.append("\n   ")
        out.append(tr(language, "lesson.again", letter=AGAIN_KEYS[number - 1], n=turn), style="bold")
    return out


class LessonPanel(Static):
    """Read-only; `turns[i]` is where "try again" restarts lesson i (None: nothing of yours to go back to)."""

    def __init__(self, lessons: Sequence[Lesson], turns: Sequence[int | None], language: str, **kwargs) -> None:
        self.lessons = tuple(lessons)
        self.turns = tuple(turns)
        body = Text("\n\n").join(lesson_text(i, lesson, turn, language)
                                 for i, (lesson, turn) in enumerate(zip(self.lessons, self.turns), 1))
        super().__init__(content(Text.assemble((tr(language, "lesson.heading"), "bold"), "\n", body)), **kwargs)


def news_text(news: News, language: str) -> Text:
    """`🎉 You passed the test of "Listen first"!  Unlocked: …  Badge: ★ …`"""
    out = Text()
    for module in news.passed:
        out.append(shown(tr(language, "news.passed", title=module.title)) + "\n", style=f"bold {GOOD}")
    for module in news.unlocked:
        out.append(shown(tr(language, "news.unlocked", title=module.title)) + "\n", style="bold")
    for earned in news.badges:
        badge = earned.badge
        icon = badge.icon or "★"
        out.append(shown(tr(language, "news.badge", icon=icon, title=badge.title)) + "\n", style=f"bold {WARN}")
        if badge.about:
            out.append(f"   {shown(badge.about)}\n", style="italic")
    out.rstrip()
    return out


class CampaignNews(Static):
    """The small celebration after a module's attempt: no animation, so nothing waits on it."""

    def __init__(self, news: News, language: str, **kwargs) -> None:
        self.news = news
        super().__init__(content(news_text(news, language)), **kwargs)
