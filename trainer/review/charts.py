"""Inline SVG charts for exports: the three trades as bars, her mood over the conversation as a line.

Plain SVG text with no scripts, fonts or links, so an exported page opens offline anywhere. The geometry is
worked out here; the markup is in templates/*.svg.j2, where every name is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trainer.review.pages import markup, render
from trainer.scenario.kinds import Trade

TRADE_COLOURS = {"facilitator": "#3b82c4", "detective": "#8a5cc2", "plumber": "#2f9e6e"}


def trade_bars(scores: Mapping[Trade, int | None], labels: Mapping[Trade, str] | None = None) -> Any:
    """The scores as bars (an SVG, ready to place in a page)."""
    width, row, left = 360, 26, 96
    track = width - left - 40
    bars = []
    for i, (trade, score) in enumerate(scores.items()):
        value = 0 if score is None else max(0, min(100, int(score)))
        bars.append({"y": 4 + i * row, "name": (labels or {}).get(trade, trade), "length": track * value / 100,
                     "colour": TRADE_COLOURS.get(trade, "#777"), "shown": "–" if score is None else str(value)})
    svg = render("trade_bars.svg.j2", width=width, height=row * len(scores) + 8, left=left, track=track, bars=bars)
    return markup(svg.strip())


def mood_line(points: list[tuple[int, int]], label: str = "mood") -> Any:
    """Mood 0–100 over turns (an SVG, ready to place in a page)."""
    width, height, pad = 360, 120, 24
    last_turn = max((t for t, _ in points), default=0) or 1

    def xy(turn: int, mood: int) -> tuple[float, float]:
        x = pad + (width - pad - 8) * turn / last_turn
        y = 4 + (height - pad - 4) * (1 - max(0, min(100, mood)) / 100)
        return x, y

    coords = [xy(t, m) for t, m in points]
    svg = render("mood_line.svg.j2", width=width, height=height, pad=pad, label=label, last_turn=last_turn,
                 points=" ".join(f"{x:.1f},{y:.1f}" for x, y in coords), last=coords[-1] if coords else None)
    return markup(svg.strip())
