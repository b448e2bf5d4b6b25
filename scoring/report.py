"""The scorecard as plain text, for the terminal and for coaches' scripts."""

from __future__ import annotations

from scoring.scorecard import TRADES, Scorecard

BAR = 20
TRADE_LINES = {
    "facilitator": "genuine, personal, always time",
    "detective": "investigates, finds the facts, hears both sides",
    "plumber": "turns the problem into a fix or an improvement",
}


def bar(score: int, width: int = BAR) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def render_text(card: Scorecard, *, evidence: bool = True) -> str:
    out = ["", "═" * 64, "SCORECARD".center(64), "═" * 64]
    out.append(f"Outcome: {card.outcome} ({card.outcome_kind}) after {card.turns} turns")
    if card.summary:
        out.append(f"  {card.summary}")
    if card.mode == "practice":
        out.append(f"Practice mode: {card.hints} hint(s) used")
    for trade in TRADES:
        t = card.trades[trade]
        out += ["", f"{trade.upper():<12} {bar(t.score)} {t.score:>3}/100   {TRADE_LINES[trade]}"]
        for c in t.criteria:
            if c.score is None:
                continue
            mark = "✔" if c.score >= 0.7 else "~" if c.score >= 0.4 else "✘"
            out.append(f"  {mark} {c.title}  ({round(c.score * 100)})")
            if evidence:
                for e in c.evidence:
                    what = f"“{e.quote}”" if e.quote else (e.action or "")
                    sign = "+" if e.good else "-"
                    turn = f"turn {e.turn}" if e.turn else "start"
                    text = " — ".join(x for x in (what, e.note) if x)
                    out.append(f"      {sign} {turn}: {text}")
    if card.tips:
        out += ["", "Next time:"]
        out += [f"  {i}. {tip}" for i, tip in enumerate(card.tips, 1)]
    out.append("")
    return "\n".join(out)
