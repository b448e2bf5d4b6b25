"""The results of a batch: a table for the terminal, JSON (the scorecard contract) or CSV."""

from __future__ import annotations

import io
import json
import textwrap
from statistics import mean
from typing import Any, Protocol

from scoring.batch.scorecards import Scored
from scoring.scorecard import TRADES, Trade
from trainer import csvsafe

SOURCE_WIDTH = 44


def card_dict(result: Scored) -> dict[str, Any]:
    """The scorecard's JSON (version 1), with where it came from."""
    out: dict[str, Any] = {"source": result.conversation.source}
    if result.conversation.trainee:
        out["trainee"] = result.conversation.trainee
    out.update(result.scorecard.to_dict())
    return out


def as_json(results: list[Scored]) -> str:
    buffer = io.StringIO()
    writer = JsonWriter(buffer)
    for result in results:
        writer.add(result)
    writer.close()
    return buffer.getvalue()


class Writes(Protocol):
    """Where JSON goes: a text file, or standard output as the command shows it."""

    def write(self, text: str, /) -> object: ...


class JsonWriter:
    """The JSON list of scorecards written one at a time, as each is scored: a batch of thousands is never
    held whole. The same text as `json.dumps(cards, indent=2)`."""

    def __init__(self, out: Writes) -> None:
        self.out = out
        self.count = 0

    def add(self, result: Scored) -> None:
        card = json.dumps(card_dict(result), ensure_ascii=False, indent=2)
        self.out.write(("[\n" if not self.count else ",\n") + textwrap.indent(card, "  "))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")


def as_csv(results: list[Scored]) -> str:
    """A row per conversation: the three trades, then every criterion (empty where it does not apply)."""
    criteria = _criterion_columns(results)
    buffer = io.StringIO()
    writer = csvsafe.writer(buffer)
    writer.writerow(["source", "scenario", "trainee", "turns", "outcome", "outcome_kind", *TRADES,
                     *(f"{trade}.{name}" for trade, name in criteria)])
    for r in results:
        card = r.scorecard
        scores = {(t, c.id): c.score for t in TRADES for c in card.trades[t].criteria}
        writer.writerow([
            r.conversation.source, card.scenario, r.conversation.trainee or "", card.turns, card.outcome or "",
            card.outcome_kind or "", *(card.trades[t].score if card.trades[t].enough else "" for t in TRADES),
            *("" if (score := scores.get(key)) is None else round(score * 100) for key in criteria),
        ])
    return buffer.getvalue()


def _criterion_columns(results: list[Scored]) -> list[tuple[Trade, str]]:
    columns: dict[tuple[Trade, str], None] = {}
    for r in results:
        for t in TRADES:
            for c in r.scorecard.trades[t].criteria:
                columns.setdefault((t, c.id))
    return list(columns)


def as_table(results: list[Scored]) -> str:
    """One row per conversation, and their mean when there are several."""
    head = ["conversation", "turns", "outcome", *TRADES]
    rows = [[_cut(r.conversation.source), str(r.scorecard.turns), r.scorecard.outcome or "–",
             *(r.scorecard.trades[t].shown for t in TRADES)] for r in results]
    if len(results) > 1:
        rows.append([f"mean of {len(results)}", f"{mean(r.scorecard.turns for r in results):.1f}", "",
                     *(_mean_of(results, t) for t in TRADES)])
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = []
    for i, row in enumerate([head, *rows]):
        if i == len(rows) and len(results) > 1:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].ljust(widths[2]),
                 *(cell.rjust(w) for cell, w in zip(row[3:], widths[3:]))]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * (len(widths) - 1)))
    return "\n".join(lines) + "\n"


def _cut(source: str) -> str:
    return source if len(source) <= SOURCE_WIDTH else "…" + source[-(SOURCE_WIDTH - 1):]


def _mean_of(results: list[Scored], trade: Trade) -> str:
    """The mean score of a trade over the conversations with enough evidence for it ("–": none had)."""
    judged = [r.scorecard.trades[trade].score for r in results if r.scorecard.trades[trade].enough]
    return f"{mean(judged):.0f}" if judged else "–"
