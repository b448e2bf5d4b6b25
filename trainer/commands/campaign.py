"""`webcare curriculum`, `certificate` and `verify`: the onboarding campaign on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trainer.commands.arguments import add_scenarios
from trainer.commands.jsonout import add_format, problem_item, wants_json, write_json

DB_HELP = "the session database: a file, or a postgresql:// URL (default: WEBCARE_DATABASE_URL, WEBCARE_DB, " \
          "or the user's data folder)"


def add_parser(sub) -> None:
    cur = sub.add_parser("curriculum", help="list the curricula, or show one and a trainee's progress in it",
                         description="Without an id: every curriculum. With one: its modules, what is passed, "
                                     "open and locked, the best scores per trade against the pass marks, "
                                     "badges, and the next thing to do.")
    cur.add_argument("curriculum", nargs="?", metavar="ID", help="a curriculum id or a path to a .yaml file")
    cur.add_argument("--trainee", help="whose progress (default: WEBCARE_TRAINEE or your account)")
    cur.add_argument("--leaderboard", choices=["on", "off"],
                     help="show (on) or stop showing (off) the trainee on this curriculum's leaderboards")
    cur.add_argument("--db", help=DB_HELP)
    add_scenarios(cur)
    add_format(cur, "without an id, every curriculum; with one, the trainee's progress module by module, "
                    "the next step and badges")
    cur.set_defaults(run=_curriculum)

    cert = sub.add_parser("certificate", help="issue a trainee's certificate for a passed curriculum (HTML)",
                          description="Only when every module's test is passed. The page is self-contained "
                                      "and print-ready (print it to PDF from a browser); its code can be "
                                      "checked with `webcare verify`.")
    cert.add_argument("--curriculum", required=True, metavar="ID", help="the curriculum passed")
    cert.add_argument("--trainee", help="whose (default: WEBCARE_TRAINEE or your account)")
    cert.add_argument("--coach", required=True, metavar="NAME", help="your name, printed on the certificate")
    cert.add_argument("-o", "--output", required=True, type=Path, metavar="FILE", help="the HTML file to write")
    cert.add_argument("--db", help=DB_HELP)
    add_scenarios(cert)
    cert.set_defaults(run=_certificate)

    verify = sub.add_parser("verify", help="check a certificate's code against the store")
    verify.add_argument("code", metavar="CODE", help="the code printed on the certificate, e.g. WCT-7K3M-Q9XD-2HPA")
    verify.add_argument("--db", help=DB_HELP)
    verify.set_defaults(run=_verify)


def _trainee(args: argparse.Namespace) -> str:
    from trainer.store.location import person

    return args.trainee or person("WEBCARE_TRAINEE")


def _list_curricula(as_json: bool = False) -> None:
    """Every curriculum, one's own marked; what is wrong in one's own files, on stderr."""
    from trainer.campaign.library import curriculum_library, own_campaign_files
    from trainer.terminal import shown
    from trainer.texts import tr

    library = curriculum_library()
    own_files = {str(path) for path in own_campaign_files()}
    problems = [p for p in library.problems if p.severity == "error" and p.path in own_files]
    if as_json:
        write_json("curricula", curricula=[
            {"id": c.id, "title": c.title, "language": c.language, "modules": len(c.modules), "own": c.id in library.own}
            for c in library.curricula], problems=[problem_item(p) for p in problems])
        return
    width = max(16, *(len(c.id) + 1 for c in library.curricula)) if library.curricula else 16
    for c in library.curricula:
        own = f"  [{tr('en', 'curriculum.own')}]" if c.id in library.own else ""
        print(shown(f"{c.id:<{width}} {c.language}  {len(c.modules)} modules  {c.title}{own}"))
    for problem in problems:
        print(shown(str(problem)), file=sys.stderr)
    print("\nShow one, with your progress: webcare curriculum ID")


def _curriculum(args: argparse.Namespace) -> int:
    from trainer.campaign.library import find_curriculum
    from trainer.errors import TrainerError
    from trainer.store import StoreError, open_store
    from trainer.terminal import shown

    trainee = _trainee(args)
    if not args.curriculum:
        if args.leaderboard:
            raise TrainerError("--leaderboard needs a curriculum id")
        _list_curricula(wants_json(args))
        return 0
    curriculum = find_curriculum(args.curriculum)
    try:
        store = open_store(args.db)
    except StoreError as exc:
        if args.leaderboard:
            raise
        print(f"webcare: no progress shown: {exc}", file=sys.stderr)
        store = None
    try:
        if store is not None and args.leaderboard:
            store.set_leaderboard(trainee, curriculum.id, args.leaderboard == "on")
            print(f"{trainee} is {'now' if args.leaderboard == 'on' else 'no longer'} on the leaderboards of "
                  f"{curriculum.id}.", file=sys.stderr)
        from trainer.campaign.certificates import trainee_progress
        from trainer.campaign.progress import progress
        from trainer.campaign.report import progress_text

        done = trainee_progress(store, curriculum, trainee) if store else progress(curriculum, [], trainee=trainee)
        if wants_json(args):
            write_json("curriculum-progress", **_progress_item(done))
        else:
            sys.stdout.write(shown(progress_text(done)))
    finally:
        if store is not None:
            store.close()
    return 0


def _progress_item(p) -> dict:
    """A trainee's progress as JSON: each module's status, best and latest scores per trade against its pass marks."""
    from trainer.scenario.kinds import TRADES

    def scores(values) -> dict:
        return {str(t): values.get(t) for t in TRADES}

    c = p.curriculum
    modules = [{"id": m.module.id, "title": m.module.title, "focus": str(m.module.focus),
                "status": "passed" if m.passed else "open" if m.unlocked else "locked",
                "scenarios": list(m.module.scenarios), "pass_mark": {str(t): v for t, v in m.module.pass_mark.items()},
                "best": scores(m.best), "latest": scores(m.latest), "attempts": m.attempts, "tests": m.tests,
                "next_scenario": m.next_scenario, "next_mode": m.next_mode, "test_open_at": m.test_open_at}
               for m in p.modules]
    return {"curriculum": {"id": c.id, "title": c.title, "language": c.language}, "trainee": p.trainee,
            "passed": p.passed, "modules": modules, "next_step": p.next_step(), "streak_days": p.streak_days,
            "badges": [{"id": b.badge.id, "title": b.badge.title, "about": b.badge.about, "earned_at": b.earned_at}
                       for b in p.badges]}


def _certificate(args: argparse.Namespace) -> int:
    from trainer.campaign.certificates import certificate_html, certify, trainee_progress
    from trainer.campaign.library import find_curriculum
    from trainer.errors import TrainerError
    from trainer.store import open_store

    curriculum = find_curriculum(args.curriculum)
    trainee = _trainee(args)
    store = open_store(args.db)
    try:
        cert = certify(store, curriculum, trainee, args.coach)
        page = certificate_html(trainee_progress(store, curriculum, trainee), cert.coach, cert.issued_at, cert.code)
    finally:
        store.close()
    try:
        args.output.write_text(page, "utf-8")
    except OSError as exc:
        raise TrainerError(f"can't write {args.output}: {exc.strerror or exc}") from None
    print(f"Certificate {cert.code} for {trainee} ({curriculum.title}) written to {args.output}", file=sys.stderr)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from trainer.campaign.certificates import verify
    from trainer.store import open_store
    from trainer.terminal import shown
    from trainer.texts import tr

    store = open_store(args.db)
    try:
        cert = verify(store, args.code)
        where = store.location.describe()
    finally:
        store.close()
    if cert is None:
        print(f"webcare: no certificate with the code {args.code!r} in {where}: it was not issued here, "
              "or the code is mistyped", file=sys.stderr)
        return 1
    print(shown(f"Valid: certificate {cert.code}"))  # names from the store: shown, never obeyed
    print(shown(f"  trainee     {cert.trainee}"))
    print(shown(f"  curriculum  {cert.title} ({cert.curriculum})"))
    print(shown(f"  coach       {cert.coach}"))
    print(shown(f"  issued      {cert.issued_at}"))
    for m in cert.modules:
        scores = " · ".join(tr(cert.language, f"campaign.trade.{t}") + f" {s}" for t, s in (m.get("scores") or {}).items())
        print(shown(f"  {m.get('title', m.get('id'))}: {scores}"))
    return 0
