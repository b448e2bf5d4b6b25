"""The scorecard at the end: each trade as a bar, each criterion with the evidence, and what to try next."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from scoring import TRADES, Criterion, Scorecard
from trainer.play import Round
from trainer.scenario.kinds import Trade
from trainer.texts import tr
from trainer.ui.app_host import webcare_app
from trainer.ui.colours import content
from trainer.ui.keys import KeysInLanguage
from trainer.ui.screens.rewind import RewindScreen, rewind_points
from trainer.ui.screens.transcript_view import TranscriptViewScreen
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.score_bar import TradeBar, outcome_name, score_style, trade_name
from trainer.ui.widgets.score_evidence import EvidenceItem
from trainer.ui.widgets.score_judge import JudgeLine, JudgeSummary
from trainer.ui.widgets.score_lessons import AGAIN_KEYS, CampaignNews, LessonPanel


def outcome_line(card: Scorecard, language: str) -> str:
    return tr(language, "score.outcome", outcome=outcome_name(card.outcome_kind, language), turns=card.turns)


def criterion_text(criterion: Criterion) -> Text:
    """`✘  20  Asks open, relevant questions`, coloured by band."""
    score = round((criterion.score or 0) * 100)
    mark = "✔" if score >= 70 else "~" if score >= 40 else "✘"
    style = score_style(score)
    return Text.assemble((f"{mark} {score:>3}", f"bold {style}"), "  ", verbatim(criterion.title, "bold"))


class ScorecardScreen(KeysInLanguage, Screen):
    """Read-only: the card comes from `scoring.score`; the evidence opens the transcript at its turn."""

    AUTO_FOCUS = ""  # focused in `on_mount`, without scrolling: Textual centres what it focuses
    judge_worker = None
    """The LLM judge's worker, while `--judge` is asking (tests wait on it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rewind", "key.rewind"),
        Binding("t", "transcript", "key.transcript"),
        Binding("n", "new", "key.new"),
        Binding("q", "app.quit", "key.quit", show=False),  # the footer shows the app's Ctrl+Q: one Quit
        # Try again from lesson i's turn; only the first lesson's key is in the footer (the panel shows both).
        *(Binding(key, f"again({i})", "lesson.key", show=i == 0) for i, key in enumerate(AGAIN_KEYS)),
        Binding("h", "home", "home.key.home"),
    ]

    def __init__(self, game: Round, card: Scorecard, language: str, *, lessons: tuple = (), news=None,
                 home: bool = False) -> None:
        super().__init__()
        self.game = game
        self.card = card
        self.language = language
        self.lessons = lessons
        """The one or two lessons that would gain most (`trainer.campaign.feedback.lessons`)."""
        self.news = news
        """What this attempt changed in the trainee's curriculum (passed, unlocked, badges); None: nothing."""
        self.again_turns = [again_turn(self.game, lesson.turn) if self.rewinds else None for lesson in lessons]
        """Where "try again" restarts each lesson (None: nothing of yours to go back to, or a test)."""
        self.home = home
        """A curriculum's home screen is below: `h` goes back to it."""

    def compose(self) -> ComposeResult:
        card, language = self.card, self.language
        title = f"{tr(language, 'score.title')} · {self.game.session.scenario.title}"
        yield Label(verbatim(title), classes="screen-title")
        with Horizontal(id="score-body"):
            with VerticalScroll(id="score-overview", can_focus=False):
                yield Static(verbatim(outcome_line(card, language)), id="score-outcome")
                if card.summary:
                    yield Static(verbatim(card.summary), id="score-summary")
                for trade in TRADES:
                    yield TradeBar(trade, card.trades[trade].score, language, id=f"bar-{trade}",
                                   enough=card.trades[trade].enough)
                if card.tips:
                    yield Label(tr(language, "score.tips"), classes="score-heading")
                    tips = "\n".join(f"{i}. {tip}" for i, tip in enumerate(card.tips, 1))
                    yield Static(verbatim(tips), id="score-tips")
                hints = tr(language, "score.hints", n=card.hints) if card.mode == "practice" else \
                    tr(language, "score.test_mode")
                yield Static(hints, id="score-hints")
                if self._judging:
                    yield JudgeSummary(language, id="score-judge")
            with VerticalScroll(id="score-detail", can_focus=False):
                if self.news:
                    yield CampaignNews(self.news, language, id="score-news")
                if self.lessons:
                    yield LessonPanel(self.lessons, self.again_turns, language, id="score-lessons")
                yield Label(tr(language, "score.evidence"), classes="score-hint")
                for trade in TRADES:
                    yield from self._trade(trade)
        yield KeyFooter()

    def _trade(self, trade: Trade) -> ComposeResult:
        t = self.card.trades[trade]
        yield Label(content(Text.assemble((trade_name(trade, self.language).upper(), "bold"),
                                          (f"  {t.score}", f"bold {score_style(t.score)}"))), classes="score-heading")
        if t.ceiling is not None:
            yield Static(content(Text.assemble(("⤓ ", f"bold {score_style(0)}"), verbatim(t.ceiling.why, "bold"))),
                         classes="score-criterion score-ceiling")
            for evidence in t.ceiling.evidence:
                yield EvidenceItem(evidence, self.language, classes="score-evidence")
        for criterion in t.criteria:
            if criterion.score is None:  # does not apply to this conversation
                continue
            yield Static(content(criterion_text(criterion)), classes="score-criterion")
            if self._judging:
                yield JudgeLine(trade, criterion.id, self.language, classes="score-judge-line")
            for evidence in criterion.evidence:
                yield EvidenceItem(evidence, self.language, classes="score-evidence")

    def on_mount(self) -> None:
        items = self.query(EvidenceItem)
        if items:
            items.first().focus(scroll_visible=False)
        options = webcare_app(self.app).options
        if options.judge is not None:
            self.judge_worker = self.run_judge(options.judge)
        elif self._judging:
            from scoring.judgement import unavailable

            self.show_judgement(unavailable("not_configured", options.judge_problem, language=self.language))

    @property
    def _judging(self) -> bool:
        """`--judge` was asked for: the scorecard has room for the judge's opinion."""
        options = webcare_app(self.app).options
        return options.judge is not None or bool(options.judge_problem)

    @work(exclusive=True, group="judge", exit_on_error=False)
    async def run_judge(self, settings) -> None:
        """Ask the LLM judge in an async worker: the scorecard is up at once, the judge's column fills in later;
        leaving the screen or quitting cancels the request."""
        from trainer.judge import ajudge

        s = self.game.session
        self.show_judgement(await ajudge(self.card, s.events, s.scenario, settings=settings))

    def show_judgement(self, judgement) -> None:
        from dataclasses import replace

        self.card = replace(self.card, judge=judgement)
        for line in self.query(JudgeLine):
            line.show(judgement)
        for summary in self.query(JudgeSummary):
            summary.show(judgement)

    @on(EvidenceItem.Opened)
    def _open_turn(self, event: EvidenceItem.Opened) -> None:
        e = event.evidence
        what = f"“{e.quote}”" if e.quote else (e.action or "")
        note = " — ".join(x for x in (what, e.note) if x)
        self.app.push_screen(TranscriptViewScreen(self.game, self.language, turn=e.turn, note=note))

    def action_transcript(self) -> None:
        self.app.push_screen(TranscriptViewScreen(self.game, self.language))

    @property
    def rewinds(self) -> bool:
        """A test is a test: its scorecard teaches, but offers no going back to a turn (practice does)."""
        return self.card.mode != "test"

    def action_rewind(self) -> None:
        if not self.rewinds:
            return
        if not rewind_points(self.game.session.events):
            self.notify(tr(self.language, "score.nothing_to_rewind"), severity="warning")
            return
        self.app.push_screen(RewindScreen(self.game, self.language))

    def action_new(self) -> None:
        webcare_app(self.app).show_picker()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The lessons' "try again" keys only for a lesson with a turn to go back to, what-if only in practice;
        `h` only with a home."""
        if action == "again":
            return self._again_turn(parameters) is not None
        if action == "rewind":
            return self.rewinds
        if action == "home":
            return self.home
        return True

    def key_text(self, binding: Binding) -> str:
        if binding.description == "lesson.key":  # "a: try again from turn 3"
            return tr(self.language, "lesson.key", n=self.again_turns[AGAIN_KEYS.index(binding.key)])
        return super().key_text(binding)

    def _again_turn(self, parameters: tuple[object, ...]) -> int | None:
        lesson = parameters[0] if parameters and isinstance(parameters[0], int) else len(self.again_turns)
        return self.again_turns[lesson] if lesson < len(self.again_turns) else None

    def action_again(self, lesson: int) -> None:
        """Try again from a lesson's turn: the rewind, without picking the turn from the list."""
        turn = self._again_turn((lesson,))
        if turn is not None:
            self.post_message(RewindScreen.Chosen(self.game, turn))

    async def action_home(self) -> None:
        await self.run_action("app.home")


def again_turn(game: Round, turn: int | None) -> int | None:
    """Where "try again from this turn" restarts: that turn, or the last of your moves before it."""
    if turn is None:
        return None
    points = [t for t, _ in rewind_points(game.session.events)]
    earlier = [t for t in points if t <= turn]
    return earlier[-1] if earlier else (points[0] if points else None)
