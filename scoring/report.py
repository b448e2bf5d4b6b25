"""The scorecard as plain text, for the terminal and for coaches' scripts, in the session's language."""

from __future__ import annotations

from scoring.scorecard import TRADES, Evidence, Scorecard
from trainer.texts import known, tr

BAR = 20


def bar(score: int, width: int = BAR) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


def render_text(card: Scorecard, *, evidence: bool = True) -> str:
    lang = card.language
    out = ["", "═" * 64, tr(lang, "score.report.title").center(64), "═" * 64]
    out.append(tr(lang, "score.report.outcome", outcome=card.outcome, kind=_kind(lang, card.outcome_kind),
                    turns=card.turns))
    if card.summary:
        out.append(f"  {card.summary}")
    if card.mode == "practice":
        out.append(tr(lang, "score.report.practice", n=card.hints))
    for trade in TRADES:
        t = card.trades[trade]
        name, line = tr(lang, f"score.trade.name.{trade}"), tr(lang, f"score.trade.line.{trade}")
        if t.enough:
            out += ["", f"{name:<12} {bar(t.score)} {t.score:>3}/100   {line}"]
        else:
            out += ["", f"{name:<12} {tr(lang, 'score.report.not_enough')}   {line}"]
        if t.ceiling is not None:
            out.append(f"  ⤓ {t.ceiling.why}")
            if evidence:
                out += [f"      - {_said(lang, e)}" for e in t.ceiling.evidence]
        for c in t.criteria:
            if c.score is None:
                continue
            mark = "✔" if c.score >= 0.7 else "~" if c.score >= 0.4 else "✘"
            out.append(f"  {mark} {c.title}  ({round(c.score * 100)})")
            rated = card.judge.rating_for(trade, c.id) if card.judge and card.judge.available else None
            if rated is not None and card.judge:
                out.append(f"      ⚖ {rated.line(card.judge.language)}")
            if evidence:
                for e in c.evidence:
                    out.append(f"      {'+' if e.good else '-'} {_said(lang, e)}")
    if card.judge is not None:
        out += ["", f"⚖ {card.judge.summary()}"]
    if card.tips:
        out += ["", tr(lang, "score.report.tips")]
        out += [f"  {i}. {tip}" for i, tip in enumerate(card.tips, 1)]
    out.append("")
    return "\n".join(out)


def _said(language: str, e: Evidence) -> str:
    """`turn 3: “the quote” — the note`."""
    what = f"“{e.quote}”" if e.quote else (e.action or "")
    turn = tr(language, "score.report.turn", n=e.turn) if e.turn else tr(language, "score.report.start")
    return f"{turn}: " + " — ".join(x for x in (what, e.note) if x)


def _kind(language: str, kind: str | None) -> str | None:
    """`went_public` → `went public`, `naar buiten gebracht`; an unknown kind as it is."""
    return tr(language, f"score.kind.{kind}") if known(f"score.kind.{kind}") else kind
