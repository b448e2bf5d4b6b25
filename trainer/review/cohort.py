"""A filtered cohort of sessions in one file: CSV for spreadsheets, JSON to merge elsewhere, an HTML overview."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from trainer.review.charts import trade_bars
from trainer.review.export import cohort_csv
from trainer.review.pages import render
from trainer.review.sessionjson import session_to_dict
from trainer.scenario.kinds import TRADES, Trade
from trainer.store import SessionRow, Store


def write_cohort(store: Store, rows: list[SessionRow], kind: str, path: Path,
                 progress: Callable[[int], None] = lambda n: None) -> None:
    if kind == "csv":
        text = cohort_csv(rows, store.latest_overrides())
        progress(len(rows))
    elif kind == "json":
        sessions = []
        for i, row in enumerate(rows, 1):
            sessions.append(session_to_dict(store.load(row.id)))
            progress(i)
        text = json.dumps(sessions, ensure_ascii=False, indent=1) + "\n"
    elif kind == "html":
        text = cohort_html(store, rows)
        progress(len(rows))
    else:
        raise ValueError(f"unknown export format {kind!r}")
    Path(path).write_text(text, "utf-8", newline="")  # as written: CSV lines end in CRLF already


def cohort_html(store: Store, rows: list[SessionRow]) -> str:
    """One self-contained page: the class's mean per trade, then a row per session."""
    overridden = store.overridden()

    def score(r: SessionRow, t: Trade) -> int | None:
        return overridden.get(r.id, {}).get(t, r.scores.get(t))

    means: dict[Trade, int | None] = {}
    for t in TRADES:
        values = [v for r in rows if (v := score(r, t)) is not None]
        means[t] = round(sum(values) / len(values)) if values else None
    cells = [[r.started_at[:16].replace("T", " "), r.trainee, r.scenario, r.outcome or "—",
              *("–" if score(r, t) is None else str(score(r, t)) for t in TRADES)] for r in rows]
    return render("cohort.html.j2", bars=trade_bars(means), trades=TRADES, rows=cells)
