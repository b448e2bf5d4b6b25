"""`webcare history`: a trainee's attempts, best and latest scores per scenario, and their progress."""

from __future__ import annotations

import argparse

from trainer.commands.jsonout import add_format, wants_json, write_json

DB_HELP = "the session database: a file, or a postgresql:// URL (default: WEBCARE_DATABASE_URL, WEBCARE_DB, " \
          "or the user's data folder)"


def add_parser(sub) -> None:
    history = sub.add_parser("history", help="a trainee's attempts, best and latest scores per scenario")
    history.add_argument("--trainee", help="whose (default: WEBCARE_TRAINEE or your account)")
    history.add_argument("--db", help=DB_HELP)
    add_format(history, "the trainee and, per scenario, attempts, best and latest scores per trade, and every "
                        "finished attempt's scores")
    history.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.store import open_store
    from trainer.store.location import person
    from trainer.terminal import shown

    trainee = args.trainee or person("WEBCARE_TRAINEE")
    history = open_store(args.db, read_only=True).history(trainee)
    if wants_json(args):
        write_json("history", trainee=trainee, scenarios=[_item(h) for h in history])
        return 0
    if not history:
        print(shown(f"No sessions for {trainee} yet."))
        return 0
    width = max(24, *(len(h.scenario) + 2 for h in history))  # a long id of one's own keeps the columns straight
    print(shown(f"{trainee}: {sum(h.attempts for h in history)} attempts at {len(history)} scenarios\n"))
    print(f"{'scenario':<{width}}{'tries':>6}   {'best F/D/P':<14}{'latest F/D/P':<14}{'last played':<12}")
    for h in history:
        print(shown(f"{h.scenario:<{width}}{h.attempts:>6}   {_fdp(h.best):<14}{_fdp(h.latest):<14}{h.last_at[:10]:<12}"))
        if len(h.series) > 1:
            print(" " * (width + 6) + "progress: "
                  + _progress_line([sum(v or 0 for v in s.values()) // 3 for _, s in h.series]))
    return 0


def _item(h) -> dict:
    """One scenario's history as JSON: scores per trade by name (null: not scored), times as stored (ISO, UTC)."""
    return {"scenario": h.scenario, "title": h.title, "attempts": h.attempts, "finished": h.finished,
            "best": _scores(h.best), "latest": _scores(h.latest), "first_played": h.first_at,
            "last_played": h.last_at, "series": [{"finished_at": at, "scores": _scores(s)} for at, s in h.series]}


def _scores(scores: dict) -> dict:
    from trainer.scenario.kinds import TRADES

    return {str(t): scores.get(t) for t in TRADES}


PROGRESS_SHOWN = 10
"""Mean scores on a `progress:` line: the first attempt, then the latest ones; the line stays one line."""


def _progress_line(means: list[int]) -> str:
    if len(means) <= PROGRESS_SHOWN:
        return " → ".join(map(str, means))
    latest = means[-(PROGRESS_SHOWN - 1):]
    return " → ".join([str(means[0]), f"… ({len(means) - PROGRESS_SHOWN:,} more)", *map(str, latest)])


def _fdp(scores: dict) -> str:
    from trainer.scenario.kinds import TRADES

    return "/".join("–" if scores.get(t) is None else str(scores[t]) for t in TRADES)
