"""`webcare class`: the coach sets the class code and passwords; they are kept as hashes and sign-ins use them."""

from __future__ import annotations

import contextlib
import io

from trainer.classroom.roster import Roster
from trainer.cli import main
from trainer.store import open_store


def webcare(capsys, monkeypatch, *args: str, typed: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))  # not a terminal: one line, no echo to turn off
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_coach_sets_a_code_and_a_trainees_password_and_sees_what_is_set(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "class.db")
    assert webcare(capsys, monkeypatch, "class", "show", "--db", db)[1].startswith("Nothing is set")
    code, said = webcare(capsys, monkeypatch, "class", "code", "--db", db, typed="tulip-42\n")
    assert code == 0 and "class code" in said and "tulip-42" not in said
    assert webcare(capsys, monkeypatch, "class", "password", "Anna", "--db", db, typed="annas-own\n")[0] == 0
    code, shown = webcare(capsys, monkeypatch, "class", "show", "--db", db)
    assert "class code: set" in shown and "password of anna: set" in shown and "tulip" not in shown
    with contextlib.closing(open_store(db)) as store:
        roster = Roster(store)
        assert roster.trainee("Bob", "tulip-42").name == "Bob"
        assert roster.trainee("anna", "annas-own").name == "anna"


def test_a_secret_too_short_changes_nothing_and_says_why(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "class.db")
    code, said = webcare(capsys, monkeypatch, "class", "coach-password", "--db", db, typed="abc\n")
    assert code == 1 and "at least 4 characters" in said and "Traceback" not in said
    with contextlib.closing(open_store(db)) as store:
        assert store.secret("coach") is None


def test_clearing_the_code_opens_the_class_again(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "class.db")
    webcare(capsys, monkeypatch, "class", "code", "--db", db, typed="tulip-42\n")
    assert "Removed the class code" in webcare(capsys, monkeypatch, "class", "code", "--clear", "--db", db)[1]
    assert "no class code to remove" in webcare(capsys, monkeypatch, "class", "code", "--clear", "--db", db)[1]
    with contextlib.closing(open_store(db)) as store:
        assert Roster(store).open


def test_a_name_that_is_not_a_persons_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    code, said = webcare(capsys, monkeypatch, "class", "password", "<b>x", "--db", str(tmp_path / "c.db"),
                         typed="secret-1\n")
    assert code == 1 and "letters, digits" in said and "Traceback" not in said
