"""A trainee's progress as plain text, in the curriculum's language: what `webcare curriculum ID` prints."""

from __future__ import annotations

from trainer.campaign.progress import ModuleProgress, Progress
from trainer.campaign.texts import text, trade_name
from trainer.scenario.kinds import TRADES


def progress_text(p: Progress) -> str:
    c = p.curriculum
    lang = c.language
    out = [f"{c.title} ({c.id}) · {p.trainee}", "", c.about, ""]
    for i, m in enumerate(p.modules, 1):
        status = text(lang, "status." + ("passed" if m.passed else "open" if m.unlocked else "locked"))
        out.append(f"{i}. [{status}] {m.module.title}  ({trade_name(lang, m.module.focus)})")
        out.append(f"   {', '.join(p.title(s) for s in m.module.scenarios)}")
        out.append("   " + "   ".join(_trade(lang, t, m) for t in TRADES) + "   "
                   + text(lang, "report.attempts", attempts=m.attempts, tests=m.tests))
    out += ["", p.next_step()]
    if p.streak_days:
        out.append(text(lang, "report.streak", n=p.streak_days))
    for b in p.badges:
        out.append(f"[{b.badge.icon}] {b.badge.title}: {b.badge.about}")
    return "\n".join(out) + "\n"


def _trade(lang: str, trade: str, m: ModuleProgress) -> str:
    """`detective 64/75`: the best score so far against the pass mark."""
    best = m.best.get(trade)
    mark = m.module.pass_mark.get(trade)
    return f"{trade_name(lang, trade)} {'–' if best is None else best}" + (f"/{mark}" if mark is not None else "")
