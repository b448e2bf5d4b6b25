"""One session for a coach: the transcript annotated turn by turn, the scores, notes and overrides."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, ListView, Static

from trainer.review.annotate import TRADES, annotate
from trainer.store import Store, StoredSession
from trainer.texts import tr
from trainer.ui.keys import KeysInLanguage
from trainer.ui.verbatim import verbatim
from trainer.ui.widgets.key_footer import KeyFooter
from trainer.ui.widgets.review_dialogs import (
    ExportDialog,
    NoteDialog,
    OverrideDialog,
    export_stem,
    open_dialog,
)
from trainer.ui.widgets.review_turns import TurnList


def scores_text(s: StoredSession, language: str) -> str:
    """`Facilitator 69 · Detective 48 · Plumber 19 → 10 (coach)`, one trade per line."""
    lines = []
    for trade in TRADES:
        scorer = s.row.scores.get(trade)
        latest = next((o for o in reversed(s.overrides) if o.trade == trade), None)
        line = f"{tr(language, f'trade.{trade}'):<12} {'–' if scorer is None else scorer:>3}"
        if latest:
            line += f" → {latest.score} ({tr(language, 'review.coach')} {latest.author}: {latest.reason})"
        lines.append(line)
    return "\n".join(lines)


def write_export(screen: Screen, language: str, session: StoredSession, kind: str, path: Path) -> None:
    """Write one session as Markdown, HTML or JSON, and say where (or why not)."""
    import json

    from trainer.review.export import html, markdown
    from trainer.review.sessionjson import session_to_dict

    text = {"markdown": markdown, "html": html}.get(kind, lambda s: json.dumps(
        session_to_dict(s), ensure_ascii=False, indent=1) + "\n")(session)
    try:
        Path(path).write_text(text, "utf-8")
    except OSError as exc:
        screen.notify(tr(language, "review.export_failed", path=path, error=exc.strerror or exc),
                      severity="error")
        return
    screen.notify(tr(language, "review.export_done", path=path))


class SessionScreen(KeysInLanguage, Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "review.key.back"),
        Binding("enter", "details", "review.key.details", priority=True),
        Binding("n", "note", "review.key.note", priority=True),
        Binding("N", "session_note", "review.key.session_note", priority=True),
        Binding("o", "override", "review.key.override", priority=True),
        Binding("e", "export", "review.key.export", priority=True),
    ]

    AUTO_FOCUS = "#turns"
    """The keys that open a dialog are priority keys, acted on as they arrive (not after the list had them), and
    their actions wait until the dialog is up: what is typed next goes to its field (see `open_dialog`)."""

    def __init__(self, store: Store, session_id: str, coach: str, language: str) -> None:
        super().__init__()
        self.store = store
        self.session_id = session_id
        self.coach = coach
        self.language = language
        self.session: StoredSession = store.load(session_id)

    def compose(self) -> ComposeResult:
        r = self.session.row
        yield Label(verbatim(f"{r.title or r.scenario} — {r.trainee}"), classes="screen-title", id="review-heading")
        yield Static(verbatim(self._meta()), id="review-meta")
        with Horizontal(id="review-body"):
            yield TurnList(id="turns")
            with Vertical(id="review-side"):
                yield Label(tr(self.language, "review.scores"), classes="side-title")
                yield Static("", id="review-scores")
                yield Label(tr(self.language, "review.notes"), classes="side-title")
                yield Static("", id="review-notes")
                yield Label(tr(self.language, "review.changes"), classes="side-title")
                yield Static("", id="review-changes")
        yield KeyFooter()

    def _meta(self) -> str:
        r = self.session.row
        ended = r.outcome or tr(self.language, "review.unfinished")
        return f"{r.scenario} · {r.channel} · {r.mode} · {r.started_at[:16].replace('T', ' ')} · {ended}"

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        from trainer.ui.review_app import store_said

        with store_said(self, self.language):
            self.session = self.store.load(self.session_id)
        s = self.session
        self.query_one(TurnList).show(annotate(s.events, s.scorecard, s.notes).lines, self.language)
        self.query_one("#review-scores", Static).update(verbatim(scores_text(s, self.language)))
        general = [n for n in s.notes if n.turn is None]
        self.query_one("#review-notes", Static).update(verbatim(
            "\n".join(f"✎ {n.author}: {n.text}" for n in general) or "—"))
        self.query_one("#review-changes", Static).update(verbatim("\n".join(
            f"{o.created_at[:16].replace('T', ' ')} {o.author}: {tr(self.language, f'trade.{o.trade}')} "
            f"{'–' if o.original is None else o.original} → {o.score} — {o.reason}" for o in s.overrides) or "—"))

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(ListView.Selected, "#turns")
    async def _turn_selected(self, event: ListView.Selected) -> None:
        event.stop()
        await self.action_details()

    async def action_details(self) -> None:
        """The chosen turn in full: each criterion it counted for, with its whole text, tip and evidence."""
        from trainer.ui.widgets.review_details import TurnDetails

        line = self.query_one(TurnList).chosen
        if line is None:
            self.notify(tr(self.language, "review.no_turn"), severity="warning")
            return
        await open_dialog(self, TurnDetails(line, self.session.scorecard, self.language), lambda _: None)

    async def action_note(self) -> None:
        line = self.query_one(TurnList).chosen
        if line is None:
            self.notify(tr(self.language, "review.no_turn"), severity="warning")
            return
        await self._ask_note(tr(self.language, "review.turn_note", turn=line.turn), line.turn)

    async def action_session_note(self) -> None:
        await self._ask_note(tr(self.language, "review.session_note"), None)

    async def _ask_note(self, title: str, turn: int | None, typed: str = "") -> None:
        def save(text: str | None) -> None:
            if text:
                from trainer.store import StoreError
                from trainer.ui.review_app import say_store_error

                try:
                    self.store.add_note(self.session_id, text, author=self.coach, turn=turn)
                except StoreError as exc:
                    say_store_error(self, self.language, exc)
                    self.call_next(self._ask_note, title, turn, text)  # the note stays in the box: Enter again
                    return
                self.notify(tr(self.language, "review.note_saved"))
                self.refresh_view()

        await open_dialog(self, NoteDialog(title, self.language, typed), save)

    async def action_override(self) -> None:
        def save(choice: tuple[str, int, str] | None) -> None:
            if choice:
                from trainer.ui.review_app import store_said

                trade, score, reason = choice
                with store_said(self, self.language):
                    item = self.store.override(self.session_id, trade, score, reason=reason, author=self.coach)
                    self.notify(tr(self.language, "review.override_saved",
                                   trade=tr(self.language, f"trade.{trade}"),
                                   original="–" if item.original is None else item.original, score=score))
                    self.refresh_view()

        await open_dialog(self, OverrideDialog({t: self.session.score(t) for t in TRADES}, self.language), save)

    async def action_export(self) -> None:
        def export(choice: tuple | None) -> None:
            if choice:
                write_export(self, self.language, self.session, *choice)

        await open_dialog(self, ExportDialog(("html", "markdown", "json"), export_stem(self.session.row),
                                             self.language), export)
