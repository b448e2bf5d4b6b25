"""The game's entries in the command palette (Ctrl+P), in the interface's language.

Imported when the palette first opens, never at start-up. A scenario's title comes from a file (one's own
scenarios too): it is shown as text, never read as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen

from trainer.terminal import shown
from trainer.texts import LANGUAGES, tr
from trainer.ui.app_host import webcare_app
from trainer.ui.keys import KeysInLanguage
from trainer.ui.screens.picker import PickerScreen

if TYPE_CHECKING:
    from trainer.play import Round
    from trainer.ui.app import WebcareApp


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[], Any]
    found_only: bool = False
    """Offered when searched for, not in the list the empty palette shows (one per scenario would crowd it)."""


def other_language(language: str) -> str:
    return next(lang for lang in LANGUAGES if lang != language) if len(LANGUAGES) > 1 else language


def switch_language(app: WebcareApp, language: str) -> None:
    """The interface in `language` from now on, kept for the next start; the screen shown says it at once."""
    from trainer.ui.screens.briefing import BriefingScreen

    app.options = replace(app.options, language=language)
    app.language = language
    app.keep_settings(language=language)
    screen = app.screen
    if isinstance(screen, PickerScreen):
        app.show_picker()
    elif screen is app.home_screen():
        app.show_home(reread=False)
    elif isinstance(screen, BriefingScreen):
        app.switch_screen(BriefingScreen(screen.scenario, language, screen.mode))
    else:
        if isinstance(screen, KeysInLanguage):
            screen.language = language  # the footer follows at once; the screen's texts on the next screen
            screen.refresh_bindings()
        app.notify(tr(language, "palette.language_next"))


def review_sessions(app: WebcareApp) -> None:
    """The coach's list of sessions, over the game: read one's own sessions annotated, note, export them."""
    from trainer.ui.screens.review_sessions import SessionsScreen

    assert app.store is not None, "offered only with a store"
    app.push_screen(SessionsScreen(app.store, app.trainee, app.language))


def export_session(app: WebcareApp, game: Round) -> None:
    """The session of this scorecard to an HTML, Markdown or JSON file, as the coach's review exports it."""
    from trainer.store import StoreError
    from trainer.ui.screens.review_session import write_export
    from trainer.ui.widgets.review_dialogs import ExportDialog, export_stem

    saved, language = game.saved, app.language
    try:
        session = app.store.load(saved.session_id) if app.store and saved and saved.session_id else None
    except StoreError as exc:
        app.notify(tr(language, "store.failed", reason=exc), severity="error")
        return
    if session is None:
        app.notify(tr(language, "palette.export_unsaved"), severity="warning")
        return

    def write(choice: tuple | None) -> None:
        if choice:
            write_export(app.screen, language, session, *choice)

    app.push_screen(ExportDialog(("html", "markdown", "json"), export_stem(session.row), language), write)


def commands_for(app: WebcareApp, screen: Screen) -> list[Command]:
    """What makes sense on `screen`: ending and hints only where a conversation is going on."""
    from trainer.ui.screens.chat import ChatScreen  # when the palette opens: not a cost of the start-up

    language = app.language or "en"

    def command(key: str, run: Callable[[], Any], **values: object) -> Command:
        return Command(tr(language, f"palette.{key}", **values), tr(language, f"palette.{key}_help", **values), run)

    found = [command("help", app.action_help)]
    if not isinstance(screen, PickerScreen):
        found.append(command("new", app.show_picker))
    if app.unfinished and not isinstance(screen, ChatScreen):
        row = app.unfinished[0]
        found.append(command("resume", lambda: app.resume(row), title=row.title or row.scenario, turn=row.turns,
                             when=row.updated_at[:16].replace("T", " ")))
    if app.store is not None and not app.in_browser and not isinstance(screen, ChatScreen):
        found.append(command("review", lambda: review_sessions(app)))  # on one's own store; a class has `webcare review`
    scorecard = sys.modules.get("trainer.ui.screens.scorecard")  # not imported: no scorecard was ever shown
    if scorecard and isinstance(screen, scorecard.ScorecardScreen) and screen.game.saved and app.store is not None:
        game = screen.game
        found.append(command("export", lambda: export_session(app, game)))
    found.append(command("theme", app.action_toggle_dark))
    found.append(command("language", lambda: switch_language(app, other_language(language))))
    if isinstance(screen, ChatScreen):
        found.append(command("end", screen.action_end))
        if screen.game.session.mode != "test":  # test mode has no hints, so the palette doesn't offer one
            found.append(command("hint", screen.action_hint))
    return found + list(_scenarios(app, language))


def _scenarios(app: WebcareApp, language: str) -> Iterable[Command]:
    """`Play: <title> · <id>` for each scenario of the library (once it is read), to its briefing."""
    for scenario in app.library.scenarios if app.library else ():
        def play(scenario=scenario) -> None:
            app.show_picker()
            app.open_briefing(scenario)

        yield Command(tr(language, "palette.play", title=scenario.title, id=scenario.id),
                      tr(language, "palette.play_help", channel=scenario.channel, difficulty=scenario.difficulty),
                      play, found_only=True)


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as text with the letters that match the query marked (Textual's `highlight` reads markup)."""
    content = Content(shown(candidate))
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class WebcareCommands(Provider):
    """Help, a new scenario, resume, light or dark, language, play a scenario by name; in a chat end and hint."""

    async def discover(self) -> Hits:
        for c in commands_for(webcare_app(self.app), self.screen):
            if not c.found_only:
                yield DiscoveryHit(Content(shown(c.name)), c.run, text=c.name, help=escape(c.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for c in commands_for(webcare_app(self.app), self.screen):
            score = matcher.match(c.name)
            if score > 0:
                yield Hit(score, highlighted(matcher, c.name), c.run, text=c.name, help=escape(c.help))
