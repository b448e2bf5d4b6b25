"""Secrets: a sentinel API key in the environment is found in no file, log, output or export afterwards.

The sentinel goes into OPENAI_API_KEY and the WEBCARE_* names a key would have, and as the
password of a PostgreSQL URL. Then a session is played in plain text (scorecard and
session JSON written) and through the store (saved turn by turn, finished), exported in
every format, and the `webcare` commands run in child processes with that environment.
Every file written (the temp folder, the database and its journals), everything printed
and everything logged is searched for the sentinel.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import secrets as random_secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.soaks.result import Result, Size

KEY_NAMES = ("OPENAI_API_KEY", "WEBCARE_API_KEY", "WEBCARE_LLM_API_KEY", "WEBCARE_OPENAI_API_KEY")


def _sentinel() -> str:
    return f"sk-SENTINEL-{random_secrets.token_hex(12)}"


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _play_in_process(folder: Path, captured: list[tuple[str, str]]) -> None:
    from trainer.engine.clock import FakeClock
    from trainer.engine.moves import parse_move
    from trainer.errors import MoveError
    from trainer.plain import PlainPlay, play_plain
    from trainer.play import Round
    from trainer.review.cohort import write_cohort
    from trainer.review.export import html, markdown
    from trainer.review.sessionjson import session_to_dict
    from trainer.scenario.library import find_scenario
    from trainer.store import open_store

    scenario = find_scenario("legroom-en")
    lines = list(scenario.playthroughs[0].trainee)
    out = io.StringIO()
    play_plain(scenario, lines, out, begin=lambda: Round(scenario, clock=FakeClock()),
               how=PlainPlay(scorecard_json=folder / "card.json", session_json=folder / "session.json"))
    captured.append(("play_plain output", out.getvalue()))

    store = open_store(str(folder / "sessions.db"))
    try:
        clock = FakeClock()
        game = Round(scenario, clock=clock)
        game.opening()
        game.keep(store, trainee="kim", customer_model="scripted")
        saved = game.saved
        for line in lines:
            clock.advance(30)
            with contextlib.suppress(MoveError):
                game.play(parse_move(line))
            game.save()
            if game.session.over:
                break
        game.finish()
        captured.append(("saved game problem", saved.problem or ""))
        stored = store.load(saved.session_id)
        (folder / "one.md").write_text(markdown(stored), "utf-8")
        (folder / "one.html").write_text(html(stored), "utf-8")
        (folder / "one.json").write_text(str(session_to_dict(stored)), "utf-8")
        rows = store.sessions()
        for kind in ("csv", "json", "html"):
            write_cohort(store, rows, kind, folder / f"cohort.{kind}")
    finally:
        store.close()


def _commands(folder: Path, sentinel: str, size: Size) -> list[tuple[str, list[str], str]]:
    """(what, argv, stdin) for the `webcare` runs."""
    db = str(folder / "sessions.db")
    play = "I'm so sorry about your seats. Can you tell me what happened?\n/lookup booking\n/hint\n/end\n"
    runs = [("webcare play --plain", ["play", "legroom-en", "--plain", "--session-json",
                                      str(folder / "cli-session.json"), "--scorecard-json",
                                      str(folder / "cli-card.json")], play)]
    runs += [(f"webcare export --format {kind}", ["export", "--db", db, "--format", kind, "-o",
                                                  str(folder / f"cli-export-{kind}")], "")
             for kind in ("json", "csv", "html", "markdown")]
    runs += [("webcare score", ["score", str(folder / "cli-session.json")], "")]
    runs += [("webcare export with the key in a PostgreSQL URL",
              ["export", "--db", f"postgresql://coach:{sentinel}@127.0.0.1:1/class"], "")]
    if size == "full":
        runs += [("webcare list", ["list"], ""), ("webcare check", ["check"], ""),
                 ("webcare history", ["history", "--trainee", "kim", "--db", db], "")]
    return runs


def check(size: Size) -> Result:
    result = Result()
    sentinel = _sentinel()
    env_values = dict.fromkeys(KEY_NAMES, sentinel)
    captured: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="webcare-soak-") as tmp:
        folder = Path(tmp)
        log = io.StringIO()
        handler = logging.StreamHandler(log)
        root = logging.getLogger()
        old_level = root.level
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
        try:
            with _environment(env_values), contextlib.redirect_stdout(io.StringIO()) as stdout, \
                    contextlib.redirect_stderr(io.StringIO()) as stderr, result.case():
                _play_in_process(folder, captured)
            captured += [("stdout", stdout.getvalue()), ("stderr", stderr.getvalue())]
        finally:
            root.removeHandler(handler)
            root.setLevel(old_level)
        captured.append(("log", log.getvalue()))

        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE"))}
        env.update(env_values, WEBCARE_DB=str(folder / "sessions.db"), PYTHONIOENCODING="utf-8")
        for what, argv, stdin in _commands(folder, sentinel, size):
            with result.case():
                run = subprocess.run([sys.executable, "-m", "trainer", *argv], input=stdin, capture_output=True,
                                     text=True, cwd=folder, env=env, timeout=120)
            captured += [(f"{what}: stdout", run.stdout), (f"{what}: stderr", run.stderr)]
            if "Traceback" in run.stderr:
                result.fail(f"{what}: a traceback: {run.stderr.strip().splitlines()[-1]}")

        files = [p for p in folder.rglob("*") if p.is_file()]
        for path in files:
            with result.case():
                if sentinel.encode() in path.read_bytes():
                    result.fail(f"the key is in the file {path.relative_to(folder)}")
        for what, text in captured:
            with result.case():
                if sentinel in text:
                    result.fail(f"the key is in the {what}")
        if not any(p.name == "sessions.db" for p in files) or not (folder / "cli-session.json").exists():
            result.fail("the session was not saved: nothing was really searched")
        result.figures.append(f"{len(files)} files and {len(captured)} outputs searched")
    return result
