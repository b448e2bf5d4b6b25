"""Certificates: issued by a coach when every module's test is passed, printed from a self-contained HTML page,
and verifiable against the store by their code."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

from trainer.campaign.models import Curriculum
from trainer.campaign.progress import Progress, iso, parse_time, progress
from trainer.errors import TrainerError
from trainer.scenario.kinds import TRADES
from trainer.templates import render
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


def certificate_html(progress: Progress, coach: str, issued_at: str, code: str) -> str:
    """A self-contained, print-ready page (A4 landscape, templates/certificate.html.j2): every text escaped,
    no outside files."""
    c = progress.curriculum
    modules = []
    for m in progress.modules:
        scores = m.passed_with or m.best
        modules.append({"title": m.module.title, "focus": m.module.focus,
                        "cells": [(_score(scores.get(t)), m.module.pass_mark.get(t)) for t in TRADES]})
    return render(
        "trainer.campaign", "certificate.html.j2", lang=c.language, t=partial(tr, c.language), curriculum=c.title,
        trainee=progress.trainee, trades=TRADES, modules=modules, coach=coach,
        date=parse_time(issued_at).strftime("%Y-%m-%d"), code=code)


def _score(value: int | None) -> str:
    return "–" if value is None else str(value)
