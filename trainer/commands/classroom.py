"""`webcare class`: the coach sets the class code and the passwords that `webcare serve` asks for.

Secrets are typed twice without echo (or read as one line from a pipe) and kept as hashes only.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from trainer.errors import TrainerError
from trainer.terminal import shown

DB_HELP = "the class's database: a file or a postgresql:// URL (default: WEBCARE_DATABASE_URL, WEBCARE_DB, data folder)"
WHAT = {"code": "the class code", "coach-password": "the coach password", "password": "the password of {name}"}


def add_parser(sub) -> None:
    klass = sub.add_parser("class", help="a class in the browser: set the class code and the passwords")
    actions = klass.add_subparsers(dest="action", metavar="ACTION", required=True)
    code = actions.add_parser("code", help="set the code every trainee signs in with (none: a name is enough)")
    coach = actions.add_parser("coach-password", help="set the password that opens the review in the browser")
    own = actions.add_parser("password", help="give one trainee a password of their own (the class code won't do)")
    own.add_argument("name", help="the trainee's name, as they sign in")
    show = actions.add_parser("show", help="what is set (never the secrets themselves)")
    for parser in (code, coach, own):
        parser.add_argument("--clear", action="store_true", help="remove it instead")
    for parser in (code, coach, own, show):
        parser.add_argument("--db", help=DB_HELP)
    klass.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from trainer.store import open_store

    store = open_store(args.db)
    try:
        if args.action == "show":
            return _show(store)
        role, name = _role(args)
        what = WHAT[args.action].format(name=getattr(args, "name", ""))
        if args.clear:
            found = store.clear_secret(role, name)
            print(shown(f"Removed {what}." if found else f"There was no {what.removeprefix('the ')} to remove."))
            return 0
        from trainer.classroom.secrets import hash_secret

        store.set_secret(role, hash_secret(_typed_secret(what)), name)
        print(shown(f"Set {what} (kept as a hash, never in the clear)."))
        return 0
    finally:
        store.close()


def _role(args: argparse.Namespace):
    if args.action == "code":
        return "class", ""
    if args.action == "coach-password":
        return "coach", ""
    from trainer.classroom.roster import Refused, trainee_name

    try:
        return "trainee", trainee_name(args.name).casefold()
    except Refused as refused:
        from trainer.texts import tr

        raise TrainerError(tr("en", refused.key, **refused.values)) from None


def _typed_secret(what: str) -> str:
    """Asked twice without echo at a terminal; one line from a pipe."""
    if not sys.stdin.isatty():
        secret = sys.stdin.readline().rstrip("\r\n")
    else:
        secret = getpass.getpass(f"Type {what}: ")
        if getpass.getpass("Type it again: ") != secret:
            raise TrainerError("The two didn't match; nothing was changed. Run the command again.")
    if len(secret) < 4:
        raise TrainerError(f"{what[0].upper()}{what[1:]} needs at least 4 characters; nothing was changed.")
    return secret


def _show(store) -> int:
    rows = store.secrets_set()
    if not rows:
        print("Nothing is set: anyone who reaches `webcare serve` signs in with a name alone, and there is no "
              "review in the browser.")
        return 0
    for role, name, at in rows:
        label = {"class": "class code", "coach": "coach password"}.get(role, f"password of {name}")
        print(shown(f"{label}: set {at[:16].replace('T', ' ')}"))
    return 0
