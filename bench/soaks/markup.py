"""Markup and terminal controls: hostile values in every field are shown as written on every screen and terminal.

Each value is a Textual/Rich markup payload (`[/]`, `[@click=app.quit]…[/]`, `[link=…]`, …) around a name, with
a terminal control sequence (ESC[2J, OSC 52 to the clipboard, BEL, C1 CSI, NUL, DEL, a lone CR, …) after it:
every markup payload with every control at full size.

- The coach's app (`webcare review`) over a class with one session per value (the value as trainee, title,
  scenario, outcome, note and its author, override reason, her first line and the trainee's first message):
  the sessions list page by page, every session's screen, two attempts side by side, the class in a curriculum.
- The game over scenario files whose title, teaser, customer, briefing, mandate, look-up, action, fact, hint and
  opening line are values (on each channel in turn), played with values as messages: the picker, briefing,
  help, chat (with a notice and a line being written), scorecard, transcript and rewind list.
- The terminal: `history` per trainee, every export format to the screen, plain play of each scenario file.

A case fails on a crash, the app quitting, a raw control character reaching the terminal, or a value not on
screen as written. (The game tidies whitespace around some fields, a persona's or a line's: a control Python
counts as whitespace, NEL or FS–US, may be taken away with it there; it never reaches the terminal.)
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import tempfile
from pathlib import Path

from bench.soaks.malformed import ROOT
from bench.soaks.result import Result, Size

MARKUP = ["[/]", "[@click=app.quit]x[/]", "[b]", "[link=https://evil.example]x[/link]", "[on red]", "[/b]",
          "[[", "]", "[bold red]x", "[@click=screen.dismiss]x[/]", ":warning:", "\\[b]", "[$accent]", "[dim"]
CONTROLS = ["\x1b[2J", "\x07", "\x9b31m", "\x1b]52;c;aGk=\x07", "\x1b]0;title\x07", "\x1bP+q\x1b\\", "\x00",
            "\x7f", "\x85", "\r", "\x08\x08", "\x1b[6n"]
BIG = (200, 60)
PAGE = 40
"""Rows of the sessions list judged at once (it shows some fifty at this size)."""
FIELDS = ("TITLE", "TEASER", "NAME", "HANDLE", "PERSONA", "BRIEFING", "MANDATE", "LOOKUP", "RESULT", "ACTION",
          "FACT", "HINT", "LINE")


def values(size: Size) -> list[str]:
    every = [f"{m}Anna{i}{c}" for i, (m, c) in enumerate((m, c) for m in MARKUP for c in CONTROLS)]
    return every if size == "full" else every[::41]


def _raw(text: str) -> list[str]:
    from trainer.terminal import CONTROLS as RAW

    return sorted({repr(m.group()) for m in RAW.finditer(text)})


def _compact(text: str) -> str:
    return re.sub(r"[\s│┃║▌▐▊▎▕▏╭╮╰╯─━]+", "", text)


def _look(app) -> tuple[str, list[str]]:
    """The top screen as the terminal gets it, whole and widget by widget."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join("".join(s.text for s in strip) for strip in strips)
    parts = []
    for widget in app.screen.walk_children():
        region = widget.region
        if not widget.children and region.area:
            rows = strips[max(0, region.y): region.bottom]
            parts.append(_compact("\n".join("".join(s.text for s in strip.crop(region.x, region.right))
                                            for strip in rows)))
    return text, [_compact(text), *parts]


def _judge(result: Result, where: str, app, wanted: list[str]) -> None:
    """Fail the case unless the app runs, no raw control reached the screen, and each wanted value shows."""
    from trainer.terminal import shown

    text, parts = _look(app)
    if not app.is_running:
        result.fail(f"{where}: the app quit")
    raw = _raw(text)
    if raw:
        result.fail(f"{where}: raw controls reached the terminal: {raw}")
    missing = [v for v in wanted if not any(_compact(shown(v)) in p or _compact(shown(" ".join(v.split()))) in p
                                            for p in parts)]
    if missing:
        result.fail(f"{where}: not shown as written: {missing[0]!r}" + (f" and {len(missing) - 1} more"
                                                                          if len(missing) > 1 else ""))


# -- the coach's app --------------------------------------------------------------------------------------------

def _class(store, vals: list[str]) -> list[str]:
    """One legroom session per value; returns their ids, oldest first."""
    import dataclasses

    from trainer.engine.events import CustomerMessage, TraineeMessage
    from trainer.playthrough import run_playthrough
    from trainer.scenario.library import find_scenario
    from trainer.store import SessionRow, StoredSession

    legroom = find_scenario("legroom-en")
    run = run_playthrough(legroom, next(p for p in legroom.playthroughs if p.name == "exemplary"))
    card = run.scorecard.to_dict()
    scores = {t: card["trades"][t]["score"] for t in ("facilitator", "detective", "plumber")}
    ids = []
    for n, value in enumerate(vals):
        events = list(run.events)
        for kind in (CustomerMessage, TraineeMessage):
            i = next(i for i, e in enumerate(events) if isinstance(e, kind))
            events[i] = dataclasses.replace(events[i], text=value)
        at = f"2025-03-{1 + n // 1440:02d}T{n // 60 % 24:02d}:{n % 60:02d}:00.000000Z"
        row = SessionRow(f"s{n:04d}", value, value, value, "en", "twitter", "practice", 0, at, at, at,
                         run.scorecard.turns, value, run.scorecard.outcome_kind, scores, curriculum="legroom-course",
                         module="find-the-facts")
        store.put(StoredSession(row, events, card, {"curriculum": "legroom-course", "module": "find-the-facts"}))
        first = next(e.turn for e in events if isinstance(e, TraineeMessage))
        store.add_note(row.id, value, author=value, turn=first)
        store.override(row.id, "plumber", 5, reason=value, author=value)
        ids.append(row.id)
    return ids


async def _review(result: Result, db: Path, vals: list[str], ids: list[str]) -> None:
    from trainer.store import open_store
    from trainer.ui.review_app import ReviewApp
    from trainer.ui.screens.review_cohort import CohortScreen
    from trainer.ui.screens.review_compare import AttemptsScreen
    from trainer.ui.screens.review_session import SessionScreen
    from trainer.ui.widgets.review_table import SessionTable

    course = str(ROOT / "tests" / "data" / "campaign" / "legroom-course.yaml")
    store = open_store(str(db))
    app = ReviewApp(store, vals[0])
    try:
        async with app.run_test(size=BIG, notifications=True) as pilot:
            table = app.screen.query_one(SessionTable)
            order = [r.id for r in app.screen.rows]  # newest first
            for first in range(0, len(order), PAGE):
                shown_rows = range(first, min(first + PAGE, len(order)))
                with result.case():  # a page of the list: the cursor on its last row brings it all into view
                    table.move_cursor(row=shown_rows[-1], animate=False)
                    await pilot.pause()
                    _judge(result, f"the sessions list, rows {first + 1}–{shown_rows[-1] + 1}", app,
                           [vals[ids.index(order[row])] for row in shown_rows])
            for session_id, value in zip(ids, vals, strict=True):
                with result.case():
                    await app.push_screen(SessionScreen(store, session_id, vals[0], "en"))
                    await pilot.pause()
                    _judge(result, f"the session of {value!r}", app, [value])
                    app.pop_screen()
                    await pilot.pause()
            with result.case():
                await app.push_screen(AttemptsScreen(store.load(ids[0]), store.load(ids[-1]), "en"))
                await pilot.pause()
                _judge(result, "two attempts", app, [vals[0], vals[-1]])
                app.pop_screen()
            with result.case():
                app.curriculum = course
                app.action_open_cohort()
                await pilot.pause()
                if not isinstance(app.screen, CohortScreen):
                    result.fail("the cohort screen did not open")
                _judge(result, "the class in a curriculum", app, [])
    except Exception as exc:  # noqa: BLE001 - a crash is a failure of the case, reported
        result.fail(f"the coach's app crashed: {type(exc).__name__}: {exc}")
    finally:
        store.close()


# -- the game -------------------------------------------------------------------------------------------------

def _quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


def _block(text: str, key: str, value: str) -> str:
    name = key.lstrip()
    indent = key[: len(key) - len(name)]
    match = re.compile(rf"^{indent}{re.escape(name)}:.*\n(?:{indent}[ ]+.*\n|[ ]*\n)*", re.MULTILINE).search(text)
    return text[:match.start()] + f"{indent}{name}: {_quoted(value)}\n" + text[match.end():]


def _line(text: str, line: str, value: str) -> str:
    body = line.lstrip()
    head = "- " if body.startswith("- ") else body.split(": ", 1)[0] + ": "
    return text.replace(line, f"{line[: len(line) - len(body)]}{head}{_quoted(value)}", 1)


def scenario_file(folder: Path, n: int, channel: str, given: dict[str, str]) -> Path:
    """The legroom case on `channel` with `given[FIELD]` in each of FIELDS (a file an author could write)."""
    text = (ROOT / "scenarios" / "legroom-en.yaml").read_text("utf-8")
    text = text.replace("id: legroom-en", f"id: markup-{n}", 1).replace("channel: twitter", f"channel: {channel}")
    text = _block(text, "title", given["TITLE"])
    text = _block(text, "teaser", given["TEASER"])
    text = _block(text, "briefing", given["BRIEFING"] + " It is Monday morning.")
    text = _line(text, "  name: Daniela Maduro", given["NAME"])
    text = text.replace('handle: "@dani_maduro"', f"handle: {_quoted('@' + given['HANDLE'])}", 1)
    text = _block(text, "  persona", given["PERSONA"] + ". Lives in Aruba.")
    text = _line(text, "  - Look up bookings, seat records, flights and contact history.", given["MANDATE"])
    text = _line(text, "    label: Booking K7Q2XD", given["LOOKUP"])
    text = _block(text, "    shows", given["RESULT"] + "\nBooking {booking}")
    text = _line(text, "    label: Refund the extra-legroom seats", given["ACTION"])
    text = _line(text, "    is: She paid €80 per person, €160 in all, for extra-legroom seats 14A and 14C.",
                 given["FACT"])
    text = _line(text, '      - "She is angry and public. Answer now, in your own words: name what went wrong for '
                       'her (the seats she paid for, ten hours)."', given["HINT"])
    for start in ('        - "{airline} Paid {price_each}', '        - "{airline} We paid {price_total}',
                  '        - "{airline} Still waiting.'):
        line = next(x for x in text.splitlines() if x.startswith(start))
        text = _line(text, line, given["LINE"])
    path = folder / f"markup-{n}.yaml"
    path.write_text(text, "utf-8")
    return path


SEEN_ON = {
    "picker": ("TITLE", "TEASER"),
    "briefing": ("TITLE", "TEASER", "NAME", "HANDLE", "PERSONA", "BRIEFING", "MANDATE"),
    "help": ("TITLE", "LOOKUP", "ACTION"),
    "chat": ("HANDLE", "LINE", "HINT", "LOOKUP", "RESULT", "FACT"),
    "scorecard": ("TITLE",),
    "transcript": ("TITLE", "LINE", "LOOKUP"),
}


async def _game(result: Result, folder: Path, path: Path, given: dict[str, str], said: str) -> None:
    """One trainee's way through the game over a hostile scenario file, each screen judged."""
    from textual import events

    from trainer.engine.clock import FakeClock
    from trainer.ui.app import make_app
    from trainer.ui.options import UiOptions

    app = make_app(UiOptions(typing_speed=0, clock=FakeClock(), scenario_paths=[path], save_sessions=False))
    name = path.stem

    async def send(pilot, text: str) -> None:
        screen = pilot.app.screen
        screen.query_one("#composer").focus()
        pilot.app.post_message(events.Paste(text))
        await pilot.pause()
        await pilot.press("ctrl+s" if screen.scenario.channel == "email" else "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    async def judge(pilot, screen: str, extra: tuple[str, ...] = ()) -> None:
        with result.case():
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            _judge(result, f"{name}, the {screen}", pilot.app, [given[f] for f in SEEN_ON[screen]] + list(extra))

    try:
        async with app.run_test(size=BIG, notifications=True) as pilot:
            await judge(pilot, "picker")
            await pilot.press("enter")
            await judge(pilot, "briefing")
            await pilot.press("f1")
            await judge(pilot, "help")
            await pilot.press("escape", "enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.press("f2")
            await send(pilot, said)
            await send(pilot, "/lookup booking")
            pilot.app.screen.notify(said, severity="warning")  # as a model's fault is told
            pilot.app.screen.query_one("#live").append(given["LINE"])  # her words as a model writes them
            await pilot.pause()
            await judge(pilot, "chat", (said, given["NAME"].split()[0]))  # every channel shows her first name
            await send(pilot, "/end")
            await pilot.press("enter")
            await judge(pilot, "scorecard")
            await pilot.press("t")
            await judge(pilot, "transcript", (said,))
    except Exception as exc:  # noqa: BLE001 - a crash is a failure of the case, reported
        result.fail(f"{name}: the game crashed: {type(exc).__name__}: {exc}")


# -- the terminal ---------------------------------------------------------------------------------------------

def _terminal(result: Result, db: Path, vals: list[str], ids: list[str], files: list[tuple[Path, list[str]]]) -> None:
    import argparse

    from trainer.commands.history import run as _history
    from trainer.commands.review import _export
    from trainer.engine.clock import FakeClock
    from trainer.plain import play_plain
    from trainer.play import Round
    from trainer.scenario.loader import load_scenario
    from trainer.terminal import shown

    def printed(run, args) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            run(args)
        return out.getvalue()

    for value in vals:
        with result.case():
            text = printed(_history, argparse.Namespace(trainee=value, db=str(db)))
            if _raw(text) or shown(value) not in text:
                result.fail(f"webcare history --trainee {value!r}: raw controls {_raw(text)} or the name not shown")
    for kind in ("csv", "markdown", "html", "json"):
        with result.case():
            one = kind == "markdown"  # Markdown of several sessions goes to a folder
            args = argparse.Namespace(sessions=ids[:1] if one else [], db=str(db), format=kind, trainee=None, scenario=None,
                                      outcome=None, since=None, output=None)
            text = printed(_export, args)
            if _raw(text):
                result.fail(f"webcare export --format {kind} to the screen: raw controls {_raw(text)}")
            if kind == "json" and sorted(s["trainee"] for s in json.loads(text)) != sorted(vals):
                result.fail("webcare export --format json to the screen: not the names as stored")
    for path, said in files:
        with result.case():
            out = io.StringIO()
            scenario = load_scenario(path)
            play_plain(scenario, [*said, "/lookup booking", "/end"], out,
                       begin=lambda scenario=scenario: Round(scenario, clock=FakeClock()))
            if _raw(out.getvalue()):
                result.fail(f"plain play of {path.name}: raw controls {_raw(out.getvalue())}")


def check(size: Size) -> Result:
    from trainer.store import open_store

    result = Result()
    vals = values(size)
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        folder = Path(tmp)
        db = folder / "class.db"
        store = open_store(str(db))
        try:
            ids = _class(store, vals)
        finally:
            store.close()
        asyncio.run(_review(result, db, vals, ids))
        files = []
        channels = ("twitter", "dm", "email", "chat")
        per = len(FIELDS) + 1
        for n in range(0, len(vals), per):
            chunk = [vals[(n + i) % len(vals)] for i in range(per)]
            given = dict(zip(FIELDS, chunk, strict=False))
            path = scenario_file(folder, n // per, channels[(n // per) % len(channels)], given)
            asyncio.run(_game(result, folder, path, given, chunk[-1]))
            files.append((path, [chunk[-1]]))
        _terminal(result, db, vals, ids, files)
    result.figures.append(f"{len(vals)} hostile values ({len(MARKUP)} markup × {len(CONTROLS)} controls at full "
                          f"size); {len(vals)} sessions reviewed, {len(files)} scenario files played")
    return result
