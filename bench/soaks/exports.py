"""Export safety: script and markup payloads in every field of a session → nothing active in any export.

Two sessions carry the payloads. One is played: the trainee's name, the scenario's title,
the trainee's messages and a look-up's argument, the customer's lines, notes, note
authors, override reasons and authors. The other is imported (`webcare import` reads any
JSON), so every string in it is a payload: scenario id, language, channel, outcome, the
events' names and texts, the scorecard's words. Each is exported in every format:

- HTML (one session, and the cohort page): parsed; no element or attribute the page does
  not make itself (script, img, a, event handlers, `javascript:`), every `<div>` closed;
- Markdown: rendered as CommonMark (raw HTML allowed, as most viewers do) and held to the
  same rules, and no link or image of any kind;
- CSV: no cell a spreadsheet would run as a formula;
- JSON: reads back as what was written;
- `webcare export -o FOLDER` with several sessions: every file lands inside FOLDER.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from bench.soaks.malformed import ROOT
from bench.soaks.result import Result, Size
from trainer.customers import BaseCustomer

PAYLOADS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](http://evil.example)",
    "![pixel](http://evil.example/p.png)",
    "<http://evil.example>",
    "</div></td></tr></table><b>out</b>",
    '" onmouseover="alert(1)',
    "<!-- open comment",
    "`` ` <script>x</script>",
    "| cell | break |",
    "\n# heading\n<iframe src=//evil.example>",
    "=HYPERLINK(\"http://evil.example\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "&lt;script&gt;",
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
]
ACTIVE_TAGS = {"script", "img", "a", "iframe", "object", "embed", "link", "form", "input", "base", "frame",
               "frameset", "meta", "foreignobject", "video", "audio", "source", "button", "textarea"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Page(HTMLParser):
    """Tags, attributes and text of a page, and whether its divs are balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.open_divs = 0
        self.unbalanced = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.open_divs += tag == "div"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self.open_divs -= 1
            self.unbalanced |= self.open_divs < 0

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", []))


def html_problems(page: str, allowed: set[str] | None = None, *, meta_ok: int = 1) -> list[str]:
    """What in `page` could run, load, link or break its layout."""
    parser = _Page()
    parser.feed(page)
    parser.close()
    out = []
    metas = 0
    for tag, attrs in parser.tags:
        if tag == "meta" and metas < meta_ok and attrs == [("charset", "utf-8")]:
            metas += 1
            continue
        if tag in ACTIVE_TAGS or tag == "!--" or (allowed is not None and tag not in allowed):
            out.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name in ("href", "src", "xlink:href", "formaction", "srcdoc"):
                out.append(f"{name}= attribute on <{tag}>")
            if value and "javascript:" in value.lower():
                out.append(f"javascript: in <{tag} {name}=>")
    if parser.unbalanced or parser.open_divs:
        out.append("unbalanced <div>s")
    return out


def markdown_problems(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(text)
    # Markdown makes these itself; none of them can run or fetch anything.
    allowed = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "em", "strong", "code",
               "pre", "hr", "br", "table", "thead", "tbody", "tr", "th", "td"}
    found = html_problems(rendered, allowed, meta_ok=0)
    if found:  # say where: the first line that makes one of them on its own
        md = MarkdownIt("commonmark")
        line = next((x for x in text.splitlines() if html_problems(md.render(x), allowed, meta_ok=0)), None)
        if line is not None:
            found = [f"{', '.join(dict.fromkeys(found))}, e.g. from the line {line[:160]!r}"]
    return found


def csv_problems(text: str) -> list[str]:
    out = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        for cell in row:
            if cell.startswith(FORMULA_STARTS) and not _number(cell):
                out.append(f"row {n}: a cell a spreadsheet runs: {cell[:40]!r}")
    return out


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _poison(value: Any, n: list[int], keep: frozenset[str] = frozenset(), key: str = "") -> Any:
    """Every string in `value` (but the keys in `keep`) replaced by the next payload, wrapped in words."""
    if isinstance(value, dict):
        return {k: _poison(v, n, keep, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, n, keep, key) for v in value]
    if isinstance(value, str) and key not in keep:
        n[0] += 1
        return f"{PAYLOADS[n[0] % len(PAYLOADS)]} {value}"
    return value


class _HostileCustomer(BaseCustomer):
    """A customer whose every line is a payload."""

    def __init__(self) -> None:
        self.n = 0

    def write(self, cue) -> str:
        self.n += 1
        return PAYLOADS[self.n % len(PAYLOADS)] + " Why did I not get my seats?"


def _played(store, payload: str, trainee: str) -> str:
    """A session played with payloads in everything people type; returns its id."""
    from scoring import score
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import parse_move
    from trainer.errors import MoveError
    from trainer.play import Round
    from trainer.scenario.library import find_scenario

    legroom = find_scenario("legroom-en")
    scenario = legroom.model_copy(update={"title": payload + " " + legroom.title})
    clock = FakeClock()
    game = Round(scenario, clock=clock, customer=_HostileCustomer())
    game.opening()
    moves = [payload + " I'm so sorry about the seats you paid for. Can you tell me what happened?",
             "/lookup booking " + payload, "/lookup seat_record", payload,
             "An aircraft change made our system release your seats, " + payload, "/do refund_seats 160",
             "I've logged it so this doesn't happen to other passengers. " + payload]
    for line in moves:
        clock.advance(30)
        try:
            game.play(parse_move(line))
        except MoveError:
            pass
        if game.session.over:
            break
    session_id = store.begin(trainee=trainee, scenario=scenario)
    store.record(session_id, game.session.events, 0)
    store.finish(session_id, score(game.session.events, scenario).to_dict())
    store.add_note(session_id, payload, author=payload, turn=1)
    store.add_note(session_id, payload + " general", author=payload)
    store.override(session_id, "plumber", 5, reason=payload, author=payload)
    return session_id


def _imported(store, original_id: str) -> str | None:
    """The played session, exported as JSON with a payload in every string, imported; None if refused."""
    from trainer.review.sessionjson import SessionFileError, session_from_dict, session_to_dict

    data = session_to_dict(store.load(original_id))
    poisoned = _poison(data, [0], keep=frozenset({"format", "kind", "id", "trade", "started_at", "updated_at",
                                                  "ended_at", "created_at"}))  # dates are checked on import
    poisoned["id"] = "imported-" + original_id
    try:
        store.put(session_from_dict(json.loads(json.dumps(poisoned))))
    except SessionFileError:
        return None
    return poisoned["id"]


def check(size: Size) -> Result:
    from trainer.review.cohort import cohort_html, write_cohort
    from trainer.review.export import cohort_csv, html, markdown
    from trainer.review.sessionjson import session_from_dict, session_to_dict
    from trainer.store import open_store

    result = Result()
    payloads = PAYLOADS if size == "full" else PAYLOADS[:: 3]
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        folder = Path(tmp)
        db = folder / "exports.db"
        store = open_store(str(db))
        try:
            ids = []
            for n, payload in enumerate(payloads):
                ids.append(_played(store, payload, trainee=PAYLOADS[(n + 7) % len(PAYLOADS)] + f" trainee {n}"))
            imported = [i for i in (_imported(store, ids[0]), _imported(store, ids[-1])) if i]
            if len(imported) < 2:
                result.figures.append("an import with payloads everywhere was refused (SessionFileError)")
            for session_id in ids + imported:
                session = store.load(session_id)
                for kind, render, problems in (("html", html, html_problems),
                                               ("markdown", markdown, markdown_problems)):
                    with result.case():
                        found = problems(render(session))
                    for problem in found[:3]:
                        result.fail(f"{kind} of {'an imported' if session_id in imported else 'a played'} "
                                    f"session: {problem}")
                with result.case():
                    back = session_from_dict(json.loads(json.dumps(session_to_dict(session), ensure_ascii=False)))
                    if (back.row, back.events, back.notes, back.overrides) != (
                            session.row, session.events, session.notes, session.overrides):
                        result.fail(f"json of session {session_id}: does not read back as written")
            rows = store.sessions()
            for kind, text, problems in (("cohort html", cohort_html(store, rows), html_problems),
                                         ("cohort csv", cohort_csv(rows), csv_problems)):
                with result.case():
                    found = problems(text)
                for problem in found[:3]:
                    result.fail(f"{kind}: {problem}")
            with result.case():
                write_cohort(store, rows, "json", folder / "cohort.json")
                if len(json.loads((folder / "cohort.json").read_text("utf-8"))) != len(rows):
                    result.fail("cohort json: not every session in it")
        finally:
            store.close()
        with result.case():
            for problem in _folder_export(db, folder):
                result.fail(problem)
    result.figures.append(f"{len(payloads)} payloads; {len(ids)} played and {len(imported)} imported sessions")
    return result


def _folder_export(db: Path, folder: Path) -> list[str]:
    """`webcare export --format F -o DIR` of every session: each file inside DIR, no traceback."""
    out = []
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
    for kind in ("markdown", "html"):
        target = folder / "deep" / "inner" / kind
        before = {p for p in folder.rglob("*") if p.is_file()}
        run = subprocess.run([sys.executable, "-m", "trainer", "export", "--db", str(db), "--format", kind,
                              "-o", str(target)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
        written = {p for p in folder.rglob("*") if p.is_file()} - before
        if run.returncode or "Traceback" in run.stderr:
            out.append(f"webcare export --format {kind} -o DIR failed: {run.stderr.strip()[-300:]}")
        outside = sorted(str(p.relative_to(folder)) for p in written if target not in p.parents)
        if outside:
            out.append(f"webcare export --format {kind} -o DIR wrote {len(outside)} file(s) outside DIR "
                       f"(a trainee's name is used in the file name as typed): {outside[0]!r}")
    return out
