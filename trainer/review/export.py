"""A stored session (or a cohort) as Markdown, self-contained HTML, or CSV.

Everything a trainee, a customer or a coach wrote is data: escaped in HTML (Jinja2 templates in templates/,
autoescape on) and in Markdown (trainer.review.mdtext); nothing here reads settings, so no key can end up in
an export.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

from trainer import csvsafe
from trainer.review.annotate import Line, annotate
from trainer.review.charts import mood_line, trade_bars
from trainer.review.mdtext import literal as _md
from trainer.review.pages import render
from trainer.scenario.kinds import TRADES, Trade
from trainer.store.records import Override, StoredSession
from trainer.store.sessions import SessionRow

WHO = {"customer": "Customer", "trainee": "Trainee", "system": "·"}


def _scores(s: StoredSession) -> list[tuple[Trade, int | None, int | None, str]]:
    """(trade, scorer's score, coach's score or None, reason) per trade."""
    out = []
    for trade in TRADES:
        latest = next((o for o in reversed(s.overrides) if o.trade == trade), None)
        out.append((trade, s.row.scores.get(trade), latest.score if latest else None,
                    f"{latest.reason} ({latest.author})" if latest else ""))
    return out


def _title(s: StoredSession) -> str:
    return s.row.title or s.row.scenario


def markdown(s: StoredSession) -> str:
    r = s.row
    a = annotate(s.events, s.scorecard, s.notes)
    out = [f"# {_md(_title(s))} — {_md(r.trainee)}", "",
           f"- Scenario: {_md(r.scenario)} ({_md(r.language)}, {_md(r.channel)}), {_md(r.mode)}, seed {r.seed}",
           f"- Started {_md(r.started_at)}" + (f", ended {_md(r.ended_at)}" if r.ended_at else " (not finished)"),
           f"- Outcome: {_md(r.outcome or '—')}" + (f" — {_md(s.scorecard.summary)}" if s.scorecard and
                                                    s.scorecard.summary else ""),
           "", "| trade | score | coach |", "|---|---|---|"]
    for trade, score, coach, reason in _scores(s):
        cell = "" if coach is None else f"{coach}: {_md(reason)}".replace("\n", " ")  # a row is one line
        out.append(f"| {trade} | {_num(score)} | {cell} |")
    tips = s.scorecard.tips if s.scorecard else ()
    if tips:
        out += ["", "**To do better**", *[f"- {_md(t)}" for t in tips]]
    out += ["", "## Transcript", ""]
    for line in a.lines:
        head = f"**{line.turn}. {WHO[line.who]}**"
        if line.who == "system":
            out.append(f"_{line.turn}. {_md(line.text)}_  ")
            out += _md_details(line)
            out.append("")
            continue
        extra = _tags(line)
        out.append(f"{head}{' · ' + ', '.join(extra) if extra else ''}  ")
        out.append("> " + _md(line.text).replace("\n", "\n> "))
        out += _md_details(line)
        out.append("")
    general = [n for n in s.notes if n.turn is None]
    if general:
        out += ["## Coach's notes", *[f"- {_md(n.author)} ({_md(n.created_at[:10])}): {_md(n.text)}" for n in general]]
    if s.overrides:
        out += ["", "## Score changes", *[
            f"- {_md(o.created_at[:16].replace('T', ' '))} {_md(o.author)}: {o.trade} {_num(o.original)} → {o.score}"
            f" — {_md(o.reason)}" for o in s.overrides]]
    return "\n".join(out).rstrip() + "\n"


def _md_details(line) -> list[str]:
    out = [f"- read as {_md(meant)}" for meant in line.meant]
    out += [f"- uncovered: {_md(fact)}" for fact in line.facts]
    out += [f"- {'✓' if good else '✗'} {trade}: {_md(title)}" + (f" — {_md(note)}" if note else "")
            for trade, title, good, note in line.criteria]
    out += [f"- 📝 {_md(note.author)}: {_md(note.text)}" for note in line.notes]
    return ["", *out] if out else []


def _num(value: int | None) -> str:
    return "–" if value is None else str(value)


def _tags(line: Line) -> list[str]:
    """What a turn shows beside who spoke: the trade it counted for, her mood's change."""
    tags = [line.trade] if line.trade else []
    if line.mood_delta:
        tags.append(f"mood {line.mood_delta:+d}")
    return tags


def html(s: StoredSession) -> str:
    """The session as one self-contained page, with its charts (templates/session.html.j2)."""
    r = s.row
    a = annotate(s.events, s.scorecard, s.notes)
    scores = _scores(s)
    shown = {trade: coach if coach is not None else score for trade, score, coach, _ in scores}
    lines = [{"who": line.who, "turn": line.turn, "text": line.text, "meant": line.meant, "facts": line.facts,
              "criteria": line.criteria, "notes": line.notes,
              "tags": " · ".join(_tags(line))}
             for line in a.lines]
    changes = [{"when": o.created_at[:16].replace("T", " "), "author": o.author, "trade": o.trade,
                "original": _num(o.original), "score": o.score, "reason": o.reason} for o in s.overrides]
    return render(
        "session.html.j2", language=r.language, title=_title(s), trainee=r.trainee, scenario=r.scenario,
        channel=r.channel, mode=r.mode, started=r.started_at[:16].replace("T", " "), outcome=r.outcome or "—",
        bars=trade_bars(shown), mood=mood_line(a.moods), who=WHO,
        scores=[(trade, _num(score), coach, reason) for trade, score, coach, reason in scores],
        tips=s.scorecard.tips if s.scorecard else (), lines=lines,
        notes=[n for n in s.notes if n.turn is None], changes=changes)


COHORT_COLUMNS = ("session", "trainee", "scenario", "language", "mode", "started_at", "ended_at", "turns",
                  "outcome", "outcome_kind",
                  *(column for t in TRADES for column in (t, f"{t}_coach", f"{t}_coach_reason", f"{t}_coach_by")))
"""Per trade: the scorer's score, then beside it the coach's latest override of it (empty when none), its reason
and who made it."""


def cohort_csv(rows: Iterable[SessionRow], overrides: Mapping[str, Mapping[str, Override]] | None = None) -> str:
    """One line per session: what a coach opens in a spreadsheet. `overrides`: session id → trade → the coach's
    latest override (`Store.latest_overrides`)."""
    buffer = io.StringIO()
    writer = csvsafe.writer(buffer)
    writer.writerow(COHORT_COLUMNS)
    for r in rows:
        changed = (overrides or {}).get(r.id, {})
        scores: list[object] = []
        for t in TRADES:
            coach = changed.get(t)
            scores += [_num(r.scores[t]).replace("–", ""), "" if coach is None else coach.score,
                       "" if coach is None else coach.reason, "" if coach is None else coach.author]
        writer.writerow([r.id, r.trainee, r.scenario, r.language, r.mode, r.started_at, r.ended_at or "",
                         r.turns, r.outcome or "", r.outcome_kind or "", *scores])
    return buffer.getvalue()
