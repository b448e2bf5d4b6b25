"""The trainee's curriculum at a glance: modules and their state, pass marks, scores over time, streak, badges,
and the next thing to do on Enter."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from trainer.scenario.kinds import TRADES
from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.colours import GOOD, WARN, content
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.home_modules import ModuleList
from trainer.ui.widgets.home_trades import TradeTrend
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.score_bar import trade_name

if TYPE_CHECKING:
    from trainer.campaign.progress import Progress


def badge_lines(progress: Progress, language: str) -> Text:
    if not progress.badges:
        return Text(tr(language, "home.no_badges"), style="dim italic")
    return Text("\n").join(
        Text.assemble(verbatim(f"{b.badge.icon or '★'} ", WARN), verbatim(b.badge.title, "bold"),
                      verbatim(f" — {b.badge.about}" if b.badge.about else "", "dim"))
        for b in progress.badges)


def next_line(progress: Progress, now: datetime, language: str) -> Text:
    """What Enter does (the curriculum's own sentence), and a test's rules when it is a test."""
    current = progress.current
    if current is None:
        return Text(tr(language, "home.all_passed"), style=f"bold {GOOD}")
    line = Text.assemble(("▶ ", "bold"), verbatim(progress.next_step(), "bold"))
    if current.next_mode == "test" and current.test_open(now):
        line.append("  " + tr(language, "home.test_rules"), style="italic")
    line.append("  " + tr(language, "home.enter"), style="dim")
    return line


class HomeScreen(KeysInLanguage, Screen):
    """Read-only: the app hands it a `Progress` (read from the store) and asks it to play the next step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "play", "home.key.play", priority=True),
        Binding("p", "free_play", "home.key.free_play"),
        Binding("l", "leaderboard", "home.key.leaderboard"),
    ]

    AUTO_FOCUS = ""

    def __init__(self, progress: Progress | None, language: str, *, now: datetime, on_board: bool = False) -> None:
        super().__init__()
        self.progress = progress
        """None while the store and the curriculum are being read."""
        self.language = language
        self.now = now
        self.on_board = on_board
        """The trainee opted in to the leaderboard."""

    def compose(self) -> ComposeResult:
        language = self.language
        yield Label("", id="home-title", classes="screen-title")
        yield Static("", id="home-about")
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                yield Label(tr(language, "home.modules"), classes="home-heading")
                yield ModuleList("", id="home-modules")
                yield Label(tr(language, "home.streak_heading"), classes="home-heading")
                yield Static("", id="home-streak")
                yield Label(tr(language, "home.badges"), classes="home-heading")
                yield Static("", id="home-badges")
            with VerticalScroll(id="home-right", can_focus=False):
                yield Label("", id="home-module-title", classes="home-heading")
                yield Static("", id="home-module-about")
                yield Label(tr(language, "home.pass_marks"), classes="home-heading")
                for trade in TRADES:
                    yield TradeTrend(trade, language, id=f"trend-{trade}", classes="trend")
                yield Static("", id="home-attempts")
                yield Static("", id="home-leaderboard")
        yield Static("", id="home-next")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show(self.progress, self.now)

    def show(self, progress: Progress | None, now: datetime, on_board: bool | None = None) -> None:
        """Fill every part from `progress` (None: still reading)."""
        self.progress, self.now = progress, now
        if on_board is not None:
            self.on_board = on_board
        language = self.language
        if progress is None:
            self.query_one("#home-title", Label).update(tr(language, "home.title"))
            self.query_one("#home-next", Static).update(tr(language, "home.reading"))
            return
        curriculum = progress.curriculum
        self.query_one("#home-title", Label).update(verbatim(f"{tr(language, 'home.title')} · {curriculum.title}"))
        self.query_one("#home-about", Static).update(verbatim(curriculum.about.strip()))
        self.query_one(ModuleList).show(progress.modules, progress.current, language)
        days = progress.streak_days
        streak = tr(language, "home.streak", n=days) if days else tr(language, "home.no_streak")
        self.query_one("#home-streak", Static).update(Text(streak, style="bold" if days else "dim italic"))
        self.query_one("#home-badges", Static).update(content(badge_lines(progress, language)))
        self._show_module(progress)
        self.query_one("#home-next", Static).update(content(next_line(progress, now, language)))
        self._show_board()
        self.refresh_bindings()

    def _show_module(self, progress: Progress) -> None:
        language = self.language
        current = progress.current or (progress.modules[-1] if progress.modules else None)
        if current is None:
            return
        module = current.module
        focus = tr(language, "home.focus", trade=trade_name(module.focus, language))
        title = Text.assemble(verbatim(module.title, "bold"), " · ", (focus, "italic"))
        self.query_one("#home-module-title", Label).update(title)
        self.query_one("#home-module-about", Static).update(verbatim(module.about.strip()))
        for trade in TRADES:
            self.query_one(f"#trend-{trade}", TradeTrend).show(
                module.pass_mark.get(trade), current.best.get(trade), current.latest.get(trade),
                tuple(progress.series.get(trade, ())))
        self.query_one("#home-attempts", Static).update(
            tr(language, "home.attempts", n=current.attempts, tests=current.tests))

    def _show_board(self) -> None:
        key = "home.on_board" if self.on_board else "home.off_board"
        self.query_one("#home-leaderboard", Static).update(Text(tr(self.language, key), style="dim"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "play":
            return self.progress is not None and self.progress.current is not None
        if action == "leaderboard":
            return self.progress is not None
        return True

    def action_play(self) -> None:
        progress = self.progress
        current = progress.current if progress else None
        if current is None or not current.next_scenario:
            return
        if current.next_mode == "test" and not current.test_open(self.now):
            from trainer.campaign.progress import shown_time  # not at import: the picker's first frame imports this

            self.notify(tr(self.language, "home.test_closed", when=shown_time(current.test_open_at or "")),
                        severity="warning")
            return
        webcare_app(self.app).play_module(current.module.id, current.next_scenario, current.next_mode or "practice")

    def action_free_play(self) -> None:
        webcare_app(self.app).free_play()

    def action_leaderboard(self) -> None:
        webcare_app(self.app).set_leaderboard(not self.on_board)
