"""Certificates: issued by a coach when every module's test is passed, printed from a self-contained HTML page,
and verifiable against the store by their code."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from trainer.campaign.models import Curriculum
from trainer.campaign.progress import Progress, iso, parse_time, progress
from trainer.errors import TrainerError
from trainer.scenario.kinds import TRADES
from trainer.texts import tr

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
"""No 0/O or 1/I: a code read off paper is typed right."""


@dataclass(frozen=True)
class Certificate:
    code: str
    trainee: str
    curriculum: str
    title: str
    language: str
    coach: str
    issued_at: str
    modules: tuple[dict[str, Any], ...]
    """Per module: id, title, focus, pass_mark, scores (of the test that passed it), passed_at."""

    @classmethod
    def of(cls, row: Any) -> Certificate:
        return cls(row.code, row.trainee, row.curriculum, row.title, row.language, row.coach, row.issued_at,
                   tuple(row.details.get("modules", ())))


def new_code() -> str:
    """`WCT-XXXX-XXXX-XXXX`: 60 random bits, grouped to be read aloud."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(12))
    return "WCT-" + "-".join(body[i:i + 4] for i in range(0, 12, 4))


def normalise(code: str) -> str:
    """What a person typed (any case, spaces or no dashes) as the stored form."""
    body = re.sub(r"[^0-9A-Za-z]", "", code).upper()
    body = body.removeprefix("WCT")
    return "WCT-" + "-".join(body[i:i + 4] for i in range(0, len(body), 4)) if body else ""


def certify(store: Any, curriculum: Curriculum, trainee: str, coach: str, now: datetime | None = None) -> Certificate:
    """Issue (and store) the trainee's certificate; the same one again when this coach issued it before.
    Raises TrainerError, saying what is left, when a module's test is not passed yet."""
    if not coach.strip():
        raise TrainerError("a certificate needs the coach's name (--coach NAME)")
    done = trainee_progress(store, curriculum, trainee, now)
    left = [m for m in done.modules if not m.passed]
    if left:
        names = ", ".join(f"'{m.module.title}'" for m in left)
        raise TrainerError(f"{trainee} has not passed every module of {curriculum.id} yet: {names} "
                           f"still to pass ({len(done.modules) - len(left)} of {len(done.modules)} passed). "
                           f"See `webcare curriculum {curriculum.id} --trainee {trainee}`.")
    for row in store.certificates(trainee=trainee, curriculum=curriculum.id):
        if row.coach == coach.strip():
            return Certificate.of(row)
    from trainer.store.records import CertificateRow

    details = {"modules": [{
        "id": m.module.id, "title": m.module.title, "focus": m.module.focus, "pass_mark": dict(m.module.pass_mark),
        "scores": m.passed_with or {}, "passed_at": m.passed_at,
    } for m in done.modules]}
    issued = iso(now or datetime.now(UTC))
    for _ in range(5):
        row = CertificateRow(new_code(), trainee, curriculum.id, curriculum.title, curriculum.language,
                             coach.strip(), issued, details)
        if store.certificate(row.code) is None:
            store.add_certificate(row)
            return Certificate.of(row)
    raise TrainerError("could not find a free certificate code; try again")  # pragma: no cover - 2^60 codes


def verify(store: Any, code: str) -> Certificate | None:
    """The certificate with this code, as issued; None when the store knows no such code."""
    wanted = normalise(code)
    row = store.certificate(wanted) if wanted else None
    return Certificate.of(row) if row else None


def trainee_progress(store: Any, curriculum: Curriculum, trainee: str, now: datetime | None = None) -> Progress:
    """A trainee's progress, read from the store."""
    rows = store.sessions(trainee=trainee, order="started_at", descending=False)
    cards = store.scorecards([r.id for r in rows if r.finished])
    return progress(curriculum, rows, cards, now, trainee=trainee)


STYLE = """\
@page { size: A4 landscape; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, "Times New Roman", serif; color: #1d2733; margin: 0; background: #fff; }
.page { border: 3px double #2f5d8a; padding: 12mm 16mm; min-height: 178mm; display: flex; flex-direction: column; }
h1 { font-size: 30pt; letter-spacing: .08em; text-transform: uppercase; color: #2f5d8a; margin: 0 0 4mm;
      text-align: center; }
.lead { text-align: center; font-size: 13pt; margin: 1mm 0; }
.name { text-align: center; font-size: 26pt; margin: 3mm 0; font-style: italic; }
.curriculum { text-align: center; font-size: 17pt; margin: 2mm 0 6mm; }
table { border-collapse: collapse; width: 100%; font-size: 11pt; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #c9d3de; padding: 2mm 3mm; text-align: left; vertical-align: top; }
th { font-variant: small-caps; color: #2f5d8a; }
.num { text-align: right; white-space: nowrap; }
small { color: #5b6b7c; }
footer { margin-top: auto; padding-top: 8mm; display: flex; justify-content: space-between; font-size: 11pt; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; letter-spacing: .06em; }
@media print { .page { min-height: auto; } a { color: inherit; text-decoration: none; } }
"""
"""The page's own style sheet: A4 landscape, a double border, the scores in a table (nothing from outside)."""


def certificate_html(progress: Progress, coach: str, issued_at: str, code: str) -> str:
    """A self-contained, print-ready page (A4 landscape): every text escaped, no outside files."""
    c = progress.curriculum
    lang = c.language
    rows = _module_rows(progress)
    heads = "".join(f"<th class=\"num\">{escape(tr(lang, f'campaign.trade.{t}'))}</th>" for t in TRADES)
    date = parse_time(issued_at).strftime("%Y-%m-%d")
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<title>{escape(tr(lang, 'campaign.cert.title'))} · {escape(c.title)} · {escape(progress.trainee)}</title>
<style>
{STYLE}</style>
</head>
<body>
<div class="page">
<h1>{escape(tr(lang, 'campaign.cert.title'))}</h1>
<p class="lead">{escape(tr(lang, 'campaign.cert.awarded'))}</p>
<p class="name">{escape(progress.trainee)}</p>
<p class="lead">{escape(tr(lang, 'campaign.cert.for'))}</p>
<p class="curriculum">{escape(c.title)}</p>
<table>
<thead><tr><th>{escape(tr(lang, 'campaign.cert.module'))}</th>{heads}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<footer>
<div>{escape(tr(lang, 'campaign.cert.coach'))}: <strong>{escape(coach)}</strong><br>
{escape(tr(lang, 'campaign.cert.date'))}: {escape(date)}</div>
<div>{escape(tr(lang, 'campaign.cert.code'))}: <span class="code">{escape(code)}</span><br>
<small>{escape(tr(lang, 'campaign.cert.verify', code=code))}</small></div>
</footer>
</div>
</body>
</html>
"""


def _module_rows(progress: Progress) -> list[str]:
    """A table row per module: its title and focus, and per trade the score it passed with (of its pass mark)."""
    lang = progress.curriculum.language
    rows = []
    for m in progress.modules:
        scores = m.passed_with or m.best
        cells = "".join(
            f"<td class=\"num\">{escape(_score(scores.get(t)))}"
            f"{'<small> / ' + str(m.module.pass_mark[t]) + '</small>' if t in m.module.pass_mark else ''}</td>"
            for t in TRADES)
        rows.append(f"<tr><td>{escape(m.module.title)}<br><small>{escape(tr(lang, 'campaign.cert.focus'))}: "
                    f"{escape(tr(lang, f'campaign.trade.{m.module.focus}'))}</small></td>{cells}</tr>")
    return rows


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)
