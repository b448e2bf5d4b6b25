"""A trainee's progress as plain text, in the curriculum's language: what `webcare curriculum ID` prints."""

from __future__ import annotations

from trainer.campaign.progress import ModuleProgress, Progress
from trainer.scenario.kinds import TRADES, Trade
from trainer.texts import tr


def progress_text(p: Progress) -> str:
    c = p.curriculum
    lang = c.language
    out = [f"{c.title} ({c.id}) · {p.trainee}", "", c.about, ""]
    for i, m in enumerate(p.modules, 1):
        status = tr(lang, "campaign.status." + ("passed" if m.passed else "open" if m.unlocked else "locked"))
        out.append(f"{i}. [{status}] {m.module.title}  ({tr(lang, f'campaign.trade.{m.module.focus}')})")
        out.append(f"   {', '.join(p.title(s) for s in m.module.scenarios)}")
        out.append("   " + "   ".join(_trade(lang, t, m) for t in TRADES) + "   "
                   + tr(lang, "campaign.report.attempts", attempts=m.attempts, tests=m.tests))
    out += ["", p.next_step()]
    if p.streak_days:
        out.append(tr(lang, "campaign.report.streak", n=p.streak_days))
    for b in p.badges:
        out.append(f"[{b.badge.icon}] {b.badge.title}: {b.badge.about}")
    return "\n".join(out) + "\n"


def _trade(lang: str, trade: Trade, m: ModuleProgress) -> str:
    """`detective 64/75`: the best score so far against the pass mark."""
    best = m.best.get(trade)
    mark = m.module.pass_mark.get(trade)
    name = tr(lang, f"campaign.trade.{trade}")
    return f"{name} {'–' if best is None else best}" + (f"/{mark}" if mark is not None else "")
