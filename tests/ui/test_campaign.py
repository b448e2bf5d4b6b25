"""The onboarding campaign, as a trainee and their coach live it: the home screen, a test failed and taught,
passed after a retry, the next module unlocked, a badge earned, and the class's progress on the coach's screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import DataTable

from tests.ui.campaign_steps import COURSE, NOW, PATHS, seed
from tests.ui.conftest import SIZE, settled, type_line
from tests.ui.score_steps import WELL, finish_badly, play
from trainer.store import open_store
from trainer.ui.review_app import ReviewApp
from trainer.ui.screens.briefing import BriefingScreen
from trainer.ui.screens.home import HomeScreen
from trainer.ui.screens.picker import PickerScreen
from trainer.ui.screens.review_cohort import CohortScreen
from trainer.ui.screens.scorecard import ScorecardScreen
from trainer.ui.widgets.home_trades import TradeTrend
from trainer.ui.widgets.score_lessons import CampaignNews, LessonPanel


class Today:
    """The date the app believes it is: moved on by the test to open the next attempt window."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def advance(self, hours: float) -> None:
        self.at += timedelta(hours=hours)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def rows(table: DataTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def to_scorecard(pilot) -> ScorecardScreen:
    await pilot.press("enter")  # the conversation is over
    await pilot.pause()
    return pilot.app.screen


async def test_a_new_trainee_fails_the_test_is_taught_passes_unlocks_the_next_module_and_earns_a_badge(
        app_factory, own_session_store):
    today = Today(datetime.now(UTC))
    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="nina", now=today)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        modules = text(home, "#home-modules")
        assert "▶ ○ 1. Find the facts before you explain  open" in modules
        assert "2. Protect the customer first  locked" in modules
        assert "Practise" in text(home, "#home-next") and "The legroom that never was" in text(home, "#home-next")
        assert "pass 75" in text(home.query_one("#trend-detective", TradeTrend), ".trend-numbers")
        await pilot.press("l")  # on the leaderboard, for the coach's screen below
        assert "l leaves it" in text(home, "#home-leaderboard")

        # Practice first: Enter opens the briefing in practice mode; a short, poor conversation.
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.mode == "practice"
        await pilot.press("enter")
        await pilot.pause()
        await type_line(pilot, "Hello, sorry to hear about your seat.")
        await type_line(pilot, "/end")
        card = await to_scorecard(pilot)
        assert isinstance(card, ScorecardScreen) and card.query(LessonPanel)
        await pilot.press("h")
        assert app.screen is home and "◐ 1. Find the facts" in text(home, "#home-modules")
        assert "Take the test" in text(home, "#home-next") or "test" in text(home, "#home-next").lower()

        # The test: no hints, the copy-paste e-mail; it fails, and the scorecard says what to fix.
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.mode == "test"
        await finish_badly(pilot)
        card = app.screen
        assert isinstance(card, ScorecardScreen) and card.card.mode == "test"
        assert not card.query(CampaignNews)
        panel = str(card.query_one(LessonPanel).render())
        assert "1. Detective · Looks the facts up before concluding" in panel
        assert "Turn 1:  “Dear Mrs Maduro, thank you for your e-mail.”" in panel
        assert "A model answer:  “/lookup booking”" in panel
        assert "try again" not in panel.lower()  # a test is a test: no going back to a turn
        footer = {k: b.binding.description for k, b in card.active_bindings.items() if b.binding.show}
        assert "a" not in footer and "r" not in footer

        # Practice again from the home screen, answering well this time.
        await pilot.press("h")
        assert app.screen is home
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.mode == "practice"
        await pilot.press("enter")
        await pilot.pause()
        await play(pilot, WELL)
        assert app.screen.game.session.outcome == "resolved"
        retry = await to_scorecard(pilot)
        assert isinstance(retry, ScorecardScreen)
        earned = [b.badge.title for b in retry.news.badges] if retry.news else []
        assert earned, "the practice resolved the case without a hint: a badge"
        assert earned[0] in text(retry, "#score-news")

        # The retry was practice: the test is once per window; a day later it opens again.
        await pilot.press("h")
        assert "next test" in text(home, "#home-next").lower() or "opens" in text(home, "#home-next").lower()
        today.advance(25)
        await pilot.press("p", "escape")  # free play and back: the home screen reads the date again
        assert app.screen is home
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen) and app.screen.mode == "test"
        await pilot.press("enter")
        await pilot.pause()
        await play(pilot, WELL)
        passed = await to_scorecard(pilot)
        assert isinstance(passed, ScorecardScreen) and passed.card.mode == "test"
        news = text(passed, "#score-news")
        assert "You passed the test of “Find the facts before you explain”!" in news
        assert "Unlocked: Protect the customer first" in news

        await pilot.press("h")
        modules = text(home, "#home-modules")
        assert "✔ 1. Find the facts before you explain  passed" in modules
        assert "▶ ○ 2. Protect the customer first  open" in modules
        assert earned[0] in text(home, "#home-badges")

    # The coach sees it in the cohort view.
    store = open_store(str(own_session_store))
    review = ReviewApp(store, "kim", curriculum=COURSE, now=today)
    async with review.run_test(size=SIZE) as pilot:
        cohort = review.screen
        assert isinstance(cohort, CohortScreen)
        [nina] = rows(cohort.query_one("#cohort-trainees", DataTable))
        assert nina[:4] == ["nina", "Protect the customer first", "1/2", "1 d"]  # passed a (fake) day ago
        criteria = rows(cohort.query_one("#cohort-criteria", DataTable))
        assert criteria and int(criteria[0][2]) <= int(criteria[-1][2])
        assert rows(cohort.query_one("#cohort-board", DataTable))[0][:2] == ["1", "nina"]
    store.close()


async def test_g_on_the_sessions_list_opens_the_class_progress_and_stuck_trainees_stand_out(own_session_store):
    store = open_store(str(own_session_store))
    seed(store, "carl", "copy-paste", "practice", "2025-03-01")
    seed(store, "bram", "mediocre", "practice", "2025-03-04")
    seed(store, "bram", "exemplary", "test", "2025-03-05")
    app = ReviewApp(store, "kim", curriculum=COURSE, now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # opened on the cohort view (--curriculum); back to the sessions
        assert not isinstance(app.screen, CohortScreen)
        await pilot.press("g")
        assert isinstance(app.screen, CohortScreen)
        trainees = rows(app.screen.query_one("#cohort-trainees", DataTable))
        assert [r[:4] for r in trainees] == [["bram", "Protect the customer first", "1/2", "4 d"],
                                             ["carl", "Find the facts before you explain", "0/2", "8 d"]]
        assert "Nobody on this module's leaderboard" in text(app.screen, "#cohort-board-empty")
    store.close()


async def test_webcare_alone_opens_the_curriculum_the_trainee_is_in(app_factory, own_session_store):
    store = open_store(str(own_session_store))
    seed(store, "anna", "mediocre", "practice", "2025-03-08", curriculum="onboarding-en")
    store.close()
    app = app_factory(scenario_paths=PATHS, trainee="anna", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert text(app.screen, "#home-title") == "Your training · Webcare onboarding"
        await pilot.press("p")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    other = app_factory(trainee="someone-else")
    async with other.run_test(size=SIZE):
        assert isinstance(other.screen, PickerScreen)


async def test_a_dutch_curriculum_speaks_dutch_on_the_home_screen(app_factory):
    app = app_factory(curriculum="onboarding-nl", trainee="sanne", now=lambda: NOW)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, HomeScreen)
        assert text(app.screen, "#home-title").startswith("Je training")
        assert "op slot" in text(app.screen, "#home-modules")


async def test_a_wrong_curriculum_is_said_and_the_picker_opens(app_factory):
    app = app_factory(curriculum="onbaording-en", now=lambda: NOW)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, PickerScreen)
        assert any("Did you mean onboarding-en?" in n.message for n in app._notifications)


# -- snapshots ----------------------------------------------------------------------------------------------------

def _anna_in_module_one(path) -> None:
    """Two practices and a failed test, the test yesterday: the next attempt opens in an hour."""
    store = open_store(str(path))
    seed(store, "anna", "copy-paste", "practice", "2025-03-07")
    seed(store, "anna", "mediocre", "practice", "2025-03-08")
    seed(store, "anna", "mediocre", "test", "2025-03-09")
    store.close()


def test_snapshot_home(snap_compare, app_factory, own_session_store):
    _anna_in_module_one(own_session_store)
    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="anna", now=lambda: NOW)
    assert snap_compare(app, terminal_size=SIZE)


def test_snapshot_lesson_panel(snap_compare, app_factory, own_session_store):
    store = open_store(str(own_session_store))
    seed(store, "nina", "mediocre", "practice", "2025-03-09")
    store.close()

    async def run_before(pilot):
        await pilot.press("enter")  # the test's briefing
        await finish_badly(pilot)

    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="nina", now=lambda: NOW)
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def test_snapshot_cohort(snap_compare, own_session_store):
    _anna_in_module_one(own_session_store)
    store = open_store(str(own_session_store))
    seed(store, "bram", "mediocre", "practice", "2025-03-04")
    seed(store, "bram", "exemplary", "test", "2025-03-05")
    seed(store, "carl", "copy-paste", "practice", "2025-03-01")
    store.set_leaderboard("bram", "legroom-course", True)
    store.set_leaderboard("anna", "legroom-course", True)
    assert snap_compare(ReviewApp(store, "kim", curriculum=COURSE, now=lambda: NOW), terminal_size=SIZE)


async def test_a_dutch_attempt_gets_its_lessons_in_dutch(app_factory):
    app = app_factory(scenario="legroom-nl")
    async with app.run_test(size=SIZE) as pilot:
        await finish_badly(pilot, "nl")
        panel = str(app.screen.query_one(LessonPanel).render())
        assert panel.startswith("Wat het meest oplevert")
        assert "Beurt 4:  “voucher 100”" in panel and "a: probeer opnieuw vanaf beurt 4" in panel
        assert "Een voorbeeldantwoord:" in panel


def test_the_app_starts_without_reading_the_campaign():
    import subprocess
    import sys

    code = "import sys, trainer.ui.app; print(any(m.startswith('trainer.campaign') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


async def test_from_the_command_line_the_home_screen_is_up_at_once_and_filled_after_the_first_frame(app_factory):
    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, read_later=True, trainee="nina", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await settled(pilot)  # the library and the campaign are read by a worker started after the first frame
        assert text(app.screen, "#home-title") == "Your training · Legroom course"
        assert "Practise" in text(app.screen, "#home-next")


async def test_joining_the_leaderboard_on_a_database_that_turned_read_only_is_said_not_a_crash(
        app_factory, own_session_store):
    from tests.store.misbehaving_disks import read_only

    app = app_factory(curriculum=COURSE, scenario_paths=PATHS, trainee="nina", now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        files = [p for p in own_session_store.parent.iterdir() if p.name.startswith("sessions.db")]
        with read_only(*files, own_session_store.parent):
            await pilot.press("l")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any(n.severity == "error" for n in app._notifications)
        assert "l leaves it" not in text(app.screen, "#home-leaderboard")
