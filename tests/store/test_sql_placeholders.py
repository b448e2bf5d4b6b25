"""A `?` or a `%` that a trainee types, or that the store's SQL holds in a quoted string, survives on SQLite and on
PostgreSQL alike: the store's SQL is written once with `?` placeholders, and only those become psycopg's."""

from __future__ import annotations

import pytest

from trainer.errors import TrainerError
from trainer.scenario.library import find_scenario
from trainer.store.postgres import pyformat

ODD = "100% sure? 50%s off?? '%(name)s' -- not a comment /* nor this */ $$?$$"


def test_a_question_mark_or_percent_sign_in_what_people_write_is_stored_as_written(store):
    session_id = store.begin(trainee=ODD, scenario=find_scenario("legroom-en"))
    store.add_note(session_id, ODD, author="kim?%")
    loaded = store.load(session_id)
    assert loaded.row.trainee == ODD
    assert [(n.text, n.author) for n in loaded.notes] == [(ODD, "kim?%")]
    assert [r.id for r in store.sessions(trainee=ODD)] == [session_id]


def test_question_marks_and_percent_signs_in_the_sqls_own_strings_are_left_alone(store):
    db = store.db
    with db.transaction():
        db.execute('CREATE TABLE "odd?%" (label TEXT, said TEXT)')
        db.execute("INSERT INTO \"odd?%\" (label, said) VALUES ('why?', ?) -- a comment with ? and %", (ODD,))
        db.executemany('INSERT INTO "odd?%" (label, said) VALUES (?, /* ?% */ \'it\'\'s 5% ?\')', [("a",), ("b",)])
    rows = db.execute("SELECT label, said FROM \"odd?%\" WHERE said LIKE '%' || ? || '%' OR label = '%?'"
                      " ORDER BY label", ("5% ?",))
    assert rows == [("a", "it's 5% ?"), ("b", "it's 5% ?")]
    assert db.execute("SELECT said FROM \"odd?%\" WHERE label = 'why?' AND said = ?", (ODD,)) == [(ODD,)]


@pytest.mark.parametrize(("sql", "expected"), [
    ("SELECT ? WHERE a = ?", "SELECT %s WHERE a = %s"),
    ("SELECT 'what?', ?", "SELECT 'what?', %s"),
    ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', %s"),
    ('SELECT "who?" FROM t WHERE x = ?', 'SELECT "who?" FROM t WHERE x = %s'),
    ("SELECT 5 % 2, '100%' -- 50% ?\n, ?", "SELECT 5 %% 2, '100%%' -- 50%% ?\n, %s"),
    ("SELECT /* ? */ ?", "SELECT /* ? */ %s"),
    ("SELECT $q$ ? $q$, ?", "SELECT $q$ ? $q$, %s"),
])
def test_only_placeholders_become_psycopgs_and_every_percent_sign_is_doubled(sql, expected):
    assert pyformat(sql) == expected


def test_a_quote_never_closed_is_refused_rather_than_guessed():
    with pytest.raises(TrainerError, match="never closed"):
        pyformat("SELECT 'what? FROM t WHERE x = ?")
