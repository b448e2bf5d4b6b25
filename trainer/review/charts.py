"""Inline SVG charts for exports: the three trades as bars, her mood over the conversation as a line.

Plain SVG text with no scripts, fonts or links, so an exported page opens offline anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from trainer.scenario.kinds import Trade

TRADE_COLOURS = {"facilitator": "#3b82c4", "detective": "#8a5cc2", "plumber": "#2f9e6e"}


def trade_bars(scores: Mapping[Trade, int | None], labels: Mapping[Trade, str] | None = None) -> str:
    width, row, left = 360, 26, 96
    height = row * len(scores) + 8
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="scores per trade">')]
    for i, (trade, score) in enumerate(scores.items()):
        y = 4 + i * row
        name = escape((labels or {}).get(trade, trade))
        value = 0 if score is None else max(0, min(100, int(score)))
        bar = (width - left - 40) * value / 100
        parts.append(f'<text x="0" y="{y + 15}" font-size="12" fill="#333">{name}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{width - left - 40}" height="14" fill="#eee"/>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar:.1f}" height="14" '
                     f'fill="{TRADE_COLOURS.get(trade, "#777")}"/>')
        shown = "–" if score is None else str(value)
        parts.append(f'<text x="{width - 34}" y="{y + 15}" font-size="12" fill="#333">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def mood_line(points: list[tuple[int, int]], label: str = "mood") -> str:
    """Mood 0–100 over turns; bands shaded from livid (bottom) to delighted (top)."""
    width, height, pad = 360, 120, 24
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)} over the conversation">'),
             (f'<rect x="{pad}" y="4" width="{width - pad - 4}" height="{height - pad - 4}" fill="#fafafa" '
             'stroke="#ddd"/>')]
    if points:
        last_turn = max(t for t, _ in points) or 1
        def xy(turn: int, mood: int) -> tuple[float, float]:
            x = pad + (width - pad - 8) * turn / last_turn
            y = 4 + (height - pad - 4) * (1 - max(0, min(100, mood)) / 100)
            return x, y
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(t, m) for t, m in points))
        parts.append(f'<polyline points="{coords}" fill="none" stroke="#c2553b" stroke-width="2"/>')
        for t, m in points[-1:]:
            x, y = xy(t, m)
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#c2553b"/>')
        parts.append(f'<text x="{pad}" y="{height - 6}" font-size="11" fill="#555">turn 0</text>')
        parts.append(f'<text x="{width - 48}" y="{height - 6}" font-size="11" fill="#555">turn {last_turn}</text>')
    parts.append('<text x="2" y="14" font-size="11" fill="#555">100</text>')
    parts.append(f'<text x="8" y="{height - pad}" font-size="11" fill="#555">0</text>')
    parts.append("</svg>")
    return "".join(parts)
