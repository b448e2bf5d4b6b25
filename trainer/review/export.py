"""A stored session (or a cohort) as Markdown, self-contained HTML, or CSV.

Everything a trainee, a customer or a coach wrote is escaped in HTML; nothing here reads
settings, so no key can end up in an export.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from html import escape

from trainer import csvsafe
from trainer.review.annotate import annotate
from trainer.review.charts import mood_line, trade_bars
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
        out.append(f"| {trade} | {_num(score)} | {'' if coach is None else f'{coach}: {_md(reason)}'} |")
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
        extra = []
        if line.trade:
            extra.append(line.trade)
        if line.mood_delta:
            extra.append(f"mood {line.mood_delta:+d}")
        out.append(f"{head}{' · ' + ', '.join(extra) if extra else ''}  ")
        out.append("> " + _md(line.text).replace("\n", "\n> "))
        out += _md_details(line)
        out.append("")
    general = [n for n in s.notes if n.turn is None]
    if general:
        out += ["## Coach's notes", *[f"- {_md(n.author)} ({n.created_at[:10]}): {_md(n.text)}" for n in general]]
    if s.overrides:
        out += ["", "## Score changes", *[
            f"- {o.created_at[:16].replace('T', ' ')} {_md(o.author)}: {o.trade} {_num(o.original)} → {o.score}"
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


def _md(text: str) -> str:
    """Text as Markdown shows it literally: no markup, links or HTML from what people typed."""
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}.meta{color:#555}.charts{display:flex;gap:2rem;flex-wrap:wrap;margin:1rem 0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
.turn{margin:.8rem 0;padding:.5rem .8rem;border-radius:6px}.customer{background:#f3f3f3}
.trainee{background:#eef5fc}.system{color:#666;font-style:italic;margin:.3rem 0}.tag{font-size:.8rem;
color:#555;margin-left:.5rem}.good{color:#2f7d4f}.bad{color:#b3412f}.note{background:#fff8dc;padding:.2rem .5rem}
ul.c{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem}.text{white-space:pre-wrap}
"""


def html(s: StoredSession) -> str:
    r = s.row
    a = annotate(s.events, s.scorecard, s.notes)
    shown = {trade: coach if coach is not None else score for trade, score, coach, _ in _scores(s)}
    out = ["<!DOCTYPE html>", f'<html lang="{escape(r.language)}"><head><meta charset="utf-8">',
           f"<title>{escape(_title(s))} — {escape(r.trainee)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{escape(_title(s))} — {escape(r.trainee)}</h1>",
           (f'<p class="meta">{escape(r.scenario)} · {escape(r.channel)} · {escape(r.mode)} · started '
           f"{escape(r.started_at[:16].replace('T', ' '))} · outcome {escape(r.outcome or '—')}</p>"),
           '<div class="charts">', trade_bars(shown), mood_line(a.moods), "</div>",
           "<table><tr><th>trade</th><th>score</th><th>coach</th></tr>"]
    for trade, score, coach, reason in _scores(s):
        out.append(f"<tr><td>{trade}</td><td>{_num(score)}</td><td>"
                   f"{'' if coach is None else escape(f'{coach}: {reason}')}</td></tr>")
    out.append("</table>")
    tips = s.scorecard.tips if s.scorecard else ()
    if tips:
        out.append("<h2>To do better</h2><ul>" + "".join(f"<li>{escape(t)}</li>" for t in tips) + "</ul>")
    out.append("<h2>Transcript</h2>")
    for line in a.lines:
        if line.who == "system":
            out.append(f'<p class="system">{line.turn}. {escape(line.text)}</p>{_html_details(line)}')
            continue
        tags = [line.trade] if line.trade else []
        if line.mood_delta:
            tags.append(f"mood {line.mood_delta:+d}")
        out.append(f'<div class="turn {line.who}"><b>{line.turn}. {WHO[line.who]}</b>'
                   f'<span class="tag">{escape(" · ".join(tags))}</span>'
                   f'<div class="text">{escape(line.text)}</div>')
        out.append(_html_details(line) + "</div>")
    general = [n for n in s.notes if n.turn is None]
    if general:
        out.append("<h2>Coach's notes</h2><ul>" + "".join(
            f"<li>{escape(n.author)}: {escape(n.text)}</li>" for n in general) + "</ul>")
    if s.overrides:
        out.append("<h2>Score changes</h2><ul>" + "".join(
            f"<li>{escape(o.created_at[:16].replace('T', ' '))} {escape(o.author)}: {escape(o.trade)} "
            f"{_num(o.original)} → {o.score} — {escape(o.reason)}</li>" for o in s.overrides) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_details(line) -> str:
    items = [f"<li>read as {escape(m)}</li>" for m in line.meant]
    items += [f"<li>uncovered: {escape(f)}</li>" for f in line.facts]
    items += [f'<li class="{"good" if good else "bad"}">{"✓" if good else "✗"} {escape(trade)}: '
              f"{escape(title)}{' — ' + escape(note) if note else ''}</li>"
              for trade, title, good, note in line.criteria]
    items += [f'<li class="note">{escape(n.author)}: {escape(n.text)}</li>' for n in line.notes]
    return '<ul class="c">' + "".join(items) + "</ul>" if items else ""


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
